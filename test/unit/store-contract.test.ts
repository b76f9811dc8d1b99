import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredDoubt } from '../../src/core/doubts/doubt-store.js';
import type { Feedback } from '../../src/core/shared/feedback.js';
import type { DataStore } from '../../src/store/data-store.js';
import { createMemoryDataStore } from '../support/memory-store/create-memory-data-store.js';
import { openDataStore } from '../../src/store/open-data-store.js';
import { assignToBoard } from '../../src/store/assign-board.js';
import { scopeToBoard } from '../../src/store/board-scope.js';
import { openPgDataStore } from '../../src/store/postgres/open-pg-data-store.js';
import { createTestDatabase, pgAdminUrl, warnIfNoPg } from '../support/postgres.js';

interface Doubt extends StoredDoubt {
  text: string;
}

interface Harness {
  store: DataStore<Doubt>;
  /** Closes and opens the same data again; undefined when the implementation keeps nothing. */
  reopen?: () => Promise<DataStore<Doubt>>;
  cleanup(): Promise<void>;
}

function sequentialETags(): () => string {
  let n = 0;
  return () => `etag-${++n}`;
}

const implementations: [string, () => Promise<Harness>][] = [
  [
    'memory',
    async () => ({ store: createMemoryDataStore<Doubt>({ newETag: sequentialETags() }), cleanup: async () => undefined }),
  ],
  [
    'lowdb files',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'mw-store-contract-'));
      const harness: Harness = {
        store: await openDataStore<Doubt>(dir, { newETag: sequentialETags() }),
        reopen: async () => {
          await harness.store.close();
          harness.store = await openDataStore<Doubt>(dir, { newETag: sequentialETags() });
          return harness.store;
        },
        cleanup: async () => {
          await harness.store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
      return harness;
    },
  ],
];

// PostgreSQL joins when a database is available (always in CI): a fresh migrated database per test.
warnIfNoPg();
if (pgAdminUrl()) {
  implementations.push([
    'postgresql',
    async () => {
      const db = await createTestDatabase();
      const harness: Harness = {
        store: await openPgDataStore<Doubt>(db.url, { newETag: sequentialETags() }),
        reopen: async () => {
          await harness.store.close();
          harness.store = await openPgDataStore<Doubt>(db.url, { newETag: sequentialETags() });
          return harness.store;
        },
        cleanup: async () => {
          await harness.store.close();
          await db.drop();
        },
      };
      return harness;
    },
  ]);
}

const doubt = (id: string, askerId: string, assigneeIds: string[], open = true): Doubt => ({
  id,
  askerId,
  assigneeIds,
  open,
  text: `Mag ik een foto van ${id} posten?`,
});

const ids = (doubts: StoredDoubt[]) => doubts.map((d) => d.id);

// Keys as Teams and Azure AD produce them: colons, slashes, upper case, long ids, non-ASCII.
const awkwardKeys = [
  '29:1AbC-dEf_ghIJK',
  'a:1Zx/conversation;messageid=123',
  'msteams/19:abc@thread.tacv2/users/29:XYZ',
  'Ünïcode sleutel ✓',
  'x'.repeat(300),
  '..',
  'CON',
];

describe.each(implementations)('DataStore contract: %s', (_name, create) => {
  let harness: Harness;
  afterEach(async () => {
    await harness?.cleanup();
  });

  it('puts, gets, replaces and deletes doubts, handing out copies', async () => {
    harness = await create();
    const { doubts } = harness.store;
    expect(await doubts.get('d1')).toBeUndefined();
    const original = doubt('d1', 'teacher-1', ['leader-1']);
    await doubts.put(original);
    original.text = 'changed after put';
    expect(await doubts.get('d1')).toEqual(doubt('d1', 'teacher-1', ['leader-1']));
    await doubts.put({ ...doubt('d1', 'teacher-1', ['leader-1']), text: 'replaced' });
    expect((await doubts.get('d1'))?.text).toBe('replaced');
    const fetched = await doubts.get('d1');
    fetched!.text = 'mutated copy';
    expect((await doubts.get('d1'))?.text).toBe('replaced');
    await doubts.delete('d1');
    expect(await doubts.get('d1')).toBeUndefined();
    await doubts.delete('d1');
  });

  it.each([
    ['no id', { askerId: 'a', assigneeIds: [], open: true }],
    ['empty id', { id: '', askerId: 'a', assigneeIds: [], open: true }],
    ['assignees not an array', { id: 'x', askerId: 'a', assigneeIds: 'b', open: true }],
    ['open missing', { id: 'x', askerId: 'a', assigneeIds: [] }],
  ])('rejects a doubt with %s', async (_case, bad) => {
    harness = await create();
    await expect(harness.store.doubts.put(bad as unknown as Doubt)).rejects.toThrow(/Cannot store doubt/);
  });

  it('keeps listByAsker, listByAssignee and listOpen right through re-assignment, closing and deletion', async () => {
    harness = await create();
    const { doubts } = harness.store;
    await doubts.put(doubt('d1', 'teacher-1', ['leader-1']));
    await doubts.put(doubt('d2', 'teacher-1', ['leader-1', 'communicatie']));
    await doubts.put(doubt('d3', 'teacher-2', ['leader-2']));
    await doubts.put(doubt('d4', 'teacher-2', ['leader-2'], false));

    expect(ids(await doubts.listByAsker('teacher-1'))).toEqual(['d1', 'd2']);
    expect(ids(await doubts.listByAssignee('leader-1'))).toEqual(['d1', 'd2']);
    expect(ids(await doubts.listByAssignee('communicatie'))).toEqual(['d2']);
    expect(ids(await doubts.listOpen())).toEqual(['d1', 'd2', 'd3']);

    // Re-assign d1 from leader-1 to a deputy, close d2, move d3 to another asker (data fix).
    await doubts.put(doubt('d1', 'teacher-1', ['deputy-1']));
    await doubts.put(doubt('d2', 'teacher-1', ['leader-1', 'communicatie'], false));
    await doubts.put(doubt('d3', 'teacher-3', ['leader-2']));
    expect(ids(await doubts.listByAssignee('leader-1'))).toEqual(['d2']);
    expect(ids(await doubts.listByAssignee('deputy-1'))).toEqual(['d1']);
    expect(ids(await doubts.listOpen())).toEqual(['d1', 'd3']);
    expect(ids(await doubts.listByAsker('teacher-2'))).toEqual(['d4']);
    expect(ids(await doubts.listByAsker('teacher-3'))).toEqual(['d3']);

    // Re-open d4, delete d1.
    await doubts.put(doubt('d4', 'teacher-2', ['leader-2'], true));
    await doubts.delete('d1');
    expect(ids(await doubts.listOpen())).toEqual(['d3', 'd4']);
    expect(ids(await doubts.listByAssignee('deputy-1'))).toEqual([]);
    expect(ids(await doubts.listByAsker('teacher-1'))).toEqual(['d2']);
    expect(ids(await doubts.listByAsker('nobody'))).toEqual([]);
  });

  it('handles concurrent puts of the same doubt without losing index entries', async () => {
    harness = await create();
    const { doubts } = harness.store;
    await Promise.all([
      doubts.put(doubt('d1', 'teacher-1', ['leader-1'])),
      doubts.put(doubt('d1', 'teacher-1', ['leader-2'])),
      doubts.put(doubt('d1', 'teacher-1', ['leader-3'], false)),
    ]);
    expect(await doubts.get('d1')).toEqual(doubt('d1', 'teacher-1', ['leader-3'], false));
    expect(ids(await doubts.listByAssignee('leader-3'))).toEqual(['d1']);
    expect(ids(await doubts.listByAssignee('leader-1'))).toEqual([]);
    expect(ids(await doubts.listOpen())).toEqual([]);
  });

  it.each(awkwardKeys)('stores and lists the key-value key %j unchanged', async (key) => {
    harness = await create();
    const { users, conversations } = harness.store;
    await users.put(key, { welcomeSent: true });
    await conversations.put(key, { reference: { conversation: { id: key } }, updatedAt: '2025-01-01T00:00:00.000Z' });
    await harness.store.doubts.put(doubt(key, key, [key]));
    expect(await users.get(key)).toEqual({ welcomeSent: true });
    expect(await users.keys()).toEqual([key]);
    expect((await conversations.get(key))?.reference).toEqual({ conversation: { id: key } });
    expect(ids(await harness.store.doubts.listByAsker(key))).toEqual([key]);
    expect(ids(await harness.store.doubts.listByAssignee(key))).toEqual([key]);
  });

  it('keeps key-value stores apart and supports put/replace/delete/keys', async () => {
    harness = await create();
    const { users, onboarding } = harness.store;
    await users.put('u2', { name: 'Bram' });
    await users.put('u1', { name: 'Anna' });
    await users.put('u1', { name: 'Anna', consent: true });
    await onboarding.put('u1', { step: 3 });
    expect(await users.keys()).toEqual(['u1', 'u2']);
    expect(await onboarding.keys()).toEqual(['u1']);
    expect(await users.get('u1')).toEqual({ name: 'Anna', consent: true });
    await users.delete('u2');
    await users.delete('never-there');
    expect(await users.keys()).toEqual(['u1']);
    expect(await onboarding.get('u2')).toBeUndefined();
    await expect(users.put('u3', undefined as unknown as Record<string, unknown>)).rejects.toThrow(/undefined/);
  });

  it('adds feedback and lists it oldest first, optionally since a moment', async () => {
    harness = await create();
    const { feedback } = harness.store;
    const item = (id: string, at: string, verdict: Feedback['verdict'] = 'up'): Feedback => ({
      id,
      at,
      org: 'oog',
      userId: 'hash-1',
      question: 'Mag ik foto’s van leerlingen delen?',
      sectionId: 'oog-3.2',
      verdict,
    });
    await feedback.add(item('f3', '2025-03-01T08:00:00.000Z', 'not_found'));
    await feedback.add(item('f1', '2025-01-31T23:30:00.000Z'));
    await feedback.add(item('f2', '2025-02-01T00:30:00+01:00', 'down'));
    expect((await feedback.list()).map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
    expect((await feedback.list({ since: '2025-01-31T23:30:00.000Z' })).map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
    expect((await feedback.list({ since: new Date('2025-02-01T00:00:00.000Z') })).map((f) => f.id)).toEqual(['f3']);
    expect(await feedback.list({ since: '2030-01-01' })).toEqual([]);
    expect((await feedback.list())[0]).toEqual(item('f1', '2025-01-31T23:30:00.000Z'));
    await expect(feedback.add({ ...item('f4', 'yesterday') })).rejects.toThrow(/Cannot store feedback/);
    await expect(feedback.add({ ...item('f5', '2025-01-01'), verdict: 'meh' as never })).rejects.toThrow(/Cannot store feedback/);
    await expect(feedback.list({ since: 'not a date' })).rejects.toThrow(/since/);
  });

  it('keeps learning records (unanswered, unsure with candidates, chosen) without a user id, and refuses them with one', async () => {
    harness = await create();
    const { feedback } = harness.store;
    const base = { org: 'oog', question: 'wie heeft die code gemaakt' };
    const unsure: Feedback = { ...base, id: 'l2', at: '2025-04-01T10:00:01.000Z', verdict: 'unsure', candidates: ['oog:4.1.p7', 'oog:4.1.p1'] };
    const chosen: Feedback = { ...base, id: 'l3', at: '2025-04-01T10:00:02.000Z', verdict: 'chosen', sectionId: 'oog:4.1.p1' };
    await feedback.add({ ...base, id: 'l1', at: '2025-04-01T10:00:00.000Z', verdict: 'unanswered' });
    await feedback.add(unsure);
    await feedback.add(chosen);
    const listed = await feedback.list();
    expect(listed.map((f) => f.verdict)).toEqual(['unanswered', 'unsure', 'chosen']);
    expect(listed[1]).toEqual(unsure);
    expect(listed.every((f) => !('userId' in f))).toBe(true);
    // Privacy by construction: a learning record that names a user, or a reaction that does not, is refused.
    await expect(feedback.add({ ...base, id: 'l4', at: '2025-04-01T10:00:00.000Z', verdict: 'unanswered', userId: 'hash-1' })).rejects.toThrow(/Cannot store feedback/);
    await expect(feedback.add({ ...base, id: 'l5', at: '2025-04-01T10:00:00.000Z', verdict: 'down' })).rejects.toThrow(/Cannot store feedback/);
    await expect(feedback.add({ ...base, id: 'l6', at: '2025-04-01T10:00:00.000Z', verdict: 'unsure', candidates: [1 as never] })).rejects.toThrow(/Cannot store feedback/);
  });

  describe('turn state (botbuilder Storage)', () => {
    it('reads only stored keys and hands out a fresh eTag on every write', async () => {
      harness = await create();
      const { turnState } = harness.store;
      expect(await turnState.read(['conv/1', 'user/1'])).toEqual({});
      await turnState.write({ 'conv/1': { count: 1 } });
      const first = await turnState.read(['conv/1', 'user/1']);
      expect(Object.keys(first)).toEqual(['conv/1']);
      expect(first['conv/1']).toMatchObject({ count: 1, eTag: expect.any(String) });
      await turnState.write({ 'conv/1': { ...first['conv/1'], count: 2 } });
      const second = await turnState.read(['conv/1']);
      expect(second['conv/1'].count).toBe(2);
      expect(second['conv/1'].eTag).not.toBe(first['conv/1'].eTag);
    });

    it.each([
      ['a missing eTag', undefined, 'ok'],
      ["the '*' eTag", '*', 'ok'],
      ['the current eTag', 'current', 'ok'],
      ['a stale eTag', 'stale', 'conflict'],
    ])('a write with %s: %s', async (_case, eTag, outcome) => {
      harness = await create();
      const { turnState } = harness.store;
      await turnState.write({ k: { v: 1 } });
      const stale = (await turnState.read(['k'])).k.eTag as string;
      await turnState.write({ k: { v: 2, eTag: stale } });
      const current = (await turnState.read(['k'])).k.eTag as string;
      const item: Record<string, unknown> = { v: 3 };
      if (eTag !== undefined) item.eTag = eTag === 'current' ? current : eTag === 'stale' ? stale : eTag;
      const write = turnState.write({ k: item });
      if (outcome === 'ok') {
        await write;
        expect((await turnState.read(['k'])).k.v).toBe(3);
      } else {
        await expect(write).rejects.toThrow('Storage: error writing "k" due to eTag conflict.');
        expect((await turnState.read(['k'])).k.v).toBe(2);
      }
    });

    it('writes a new key even with an eTag, and still saves other keys when one conflicts', async () => {
      harness = await create();
      const { turnState } = harness.store;
      await turnState.write({ fresh: { v: 1, eTag: 'from-elsewhere' } });
      await expect(turnState.write({ fresh: { v: 2, eTag: 'wrong' }, other: { v: 1 } })).rejects.toThrow(/eTag conflict/);
      const items = await turnState.read(['fresh', 'other']);
      expect(items.fresh.v).toBe(1);
      expect(items.other.v).toBe(1);
    });

    it('deletes keys, including ones never written', async () => {
      harness = await create();
      const { turnState } = harness.store;
      await turnState.write({ a: { v: 1 }, b: { v: 2 } });
      await turnState.delete(['a', 'never']);
      expect(Object.keys(await turnState.read(['a', 'b']))).toEqual(['b']);
    });
  });

  describe('board scopes (one store, several boards: TENANT_ORGS)', () => {
    const feedbackOf = (id: string, org: string): Feedback => ({ id, at: '2025-05-01T10:00:00.000Z', org, question: 'Mag dit?', verdict: 'unanswered' });

    it("shows each board only its own doubts, also by id, and never deletes another board's", async () => {
      harness = await create();
      const oog = scopeToBoard(harness.store, 'oog');
      const konot = scopeToBoard(harness.store, 'konot');
      await oog.doubts.put(doubt('d-oog', 'teacher-1', ['leader-1']));
      await konot.doubts.put(doubt('d-konot', 'teacher-1', ['leader-1']));
      expect(await oog.doubts.get('d-oog')).toEqual({ ...doubt('d-oog', 'teacher-1', ['leader-1']), org: 'oog' });
      expect(await konot.doubts.get('d-oog')).toBeUndefined();
      for (const [view, own] of [[oog, 'd-oog'], [konot, 'd-konot']] as const) {
        expect(ids(await view.doubts.listByAsker('teacher-1'))).toEqual([own]);
        expect(ids(await view.doubts.listByAssignee('leader-1'))).toEqual([own]);
        expect(ids(await view.doubts.listOpen())).toEqual([own]);
      }
      await konot.doubts.delete('d-oog');
      expect(await oog.doubts.get('d-oog')).toBeDefined();
      await expect(konot.doubts.put({ ...doubt('d-x', 'a', []), org: 'oog' })).rejects.toThrow(/belongs to board "oog"/);
      // The store underneath holds both, each marked with its board.
      expect((await harness.store.doubts.listOpen()).map((d) => [d.id, d.org])).toEqual([['d-konot', 'konot'], ['d-oog', 'oog']]);
    });

    it("moves a single-board store's records into one board, once (a deployment switching to TENANT_ORGS)", async () => {
      harness = await create();
      const plain = harness.store;
      await plain.doubts.put(doubt('d-open', 'teacher-1', ['leader-1']));
      await plain.doubts.put(doubt('d-closed', 'teacher-1', ['leader-1'], false));
      await plain.users.put('teacher-1', { name: 'Anna' });
      await plain.onboarding.put('teacher-1', { step: 3 });
      await plain.closedDoubts.put('d-closed', '2025-05-01T10:00:00.000Z');
      await plain.conversations.put('leader-1', { reference: {}, updatedAt: '2025-05-01T10:00:00.000Z' });
      // Another board's record already in the store stays where it is.
      await scopeToBoard(plain, 'konot').users.put('teacher-9', { name: 'Bram' });

      const moved = await assignToBoard(plain, 'oog');
      expect(moved).toEqual({ doubts: 2, conversations: 1, users: 1, identities: 0, onboarding: 1, closedDoubts: 1 });
      const oog = scopeToBoard(plain, 'oog');
      expect(ids(await oog.doubts.listByAsker('teacher-1'))).toEqual(['d-closed', 'd-open']);
      expect(ids(await oog.doubts.listAll())).toEqual(['d-closed', 'd-open']);
      expect(await oog.users.get('teacher-1')).toEqual({ name: 'Anna' });
      expect(await oog.onboarding.get('teacher-1')).toEqual({ step: 3 });
      expect(await oog.closedDoubts.keys()).toEqual(['d-closed']);
      expect(await plain.users.get('teacher-1')).toBeUndefined();
      const konot = scopeToBoard(plain, 'konot');
      expect(await konot.doubts.listAll()).toEqual([]);
      expect(await konot.users.keys()).toEqual(['teacher-9']);
      // A second run finds nothing to move.
      expect(await assignToBoard(plain, 'oog')).toEqual({ doubts: 0, conversations: 0, users: 0, identities: 0, onboarding: 0, closedDoubts: 0 });
    });

    it('keeps key-value records, feedback and turn state of boards apart under the same keys', async () => {
      harness = await create();
      const oog = scopeToBoard(harness.store, 'oog');
      const konot = scopeToBoard(harness.store, 'konot');
      await oog.users.put('u1', { name: 'Anna' });
      await konot.users.put('u1', { name: 'Bram' });
      await oog.onboarding.put('u1', { step: 1 });
      expect(await oog.users.get('u1')).toEqual({ name: 'Anna' });
      expect(await konot.users.get('u1')).toEqual({ name: 'Bram' });
      expect(await konot.onboarding.get('u1')).toBeUndefined();
      expect(await oog.users.keys()).toEqual(['u1']);
      expect(await konot.onboarding.keys()).toEqual([]);
      await konot.users.delete('u1');
      expect(await oog.users.get('u1')).toEqual({ name: 'Anna' });

      await oog.feedback.add(feedbackOf('f-oog', 'oog'));
      await konot.feedback.add(feedbackOf('f-konot', 'konot'));
      expect((await oog.feedback.list()).map((f) => f.id)).toEqual(['f-oog']);
      await expect(konot.feedback.add(feedbackOf('f-x', 'oog'))).rejects.toThrow(/belongs to board "oog"/);

      await oog.turnState.write({ 'conv/1': { v: 'oog' } });
      await konot.turnState.write({ 'conv/1': { v: 'konot' } });
      expect((await oog.turnState.read(['conv/1']))['conv/1'].v).toBe('oog');
      await konot.turnState.delete(['conv/1']);
      expect(await konot.turnState.read(['conv/1'])).toEqual({});
      expect((await oog.turnState.read(['conv/1']))['conv/1'].v).toBe('oog');
    });
  });

  it('reports writable until closed, and refuses work after close', async () => {
    harness = await create();
    expect(await harness.store.isWritable()).toBe(true);
    await harness.store.close();
    expect(await harness.store.isWritable()).toBe(false);
  });

  it('keeps everything across a reopen (stores that persist)', async () => {
    harness = await create();
    if (!harness.reopen) return;
    const s = harness.store;
    await s.doubts.put(doubt('d1', 'teacher-1', ['leader-1']));
    await s.doubts.put(doubt('d2', 'teacher-1', ['leader-1'], false));
    await s.users.put('u1', { welcomeSent: true });
    await s.conversations.put('u1', { reference: { serviceUrl: 'https://smba.example' }, updatedAt: '2025-01-01T00:00:00.000Z' });
    await s.onboarding.put('u1', { step: 2 });
    await s.feedback.add({ id: 'f1', at: '2025-01-01T00:00:00.000Z', org: 'konot', userId: 'u1', question: 'Vraag?', verdict: 'up' });
    await s.turnState.write({ 'conv/1': { history: ['hallo'] } });
    const reopened = await harness.reopen();
    expect(await reopened.doubts.get('d2')).toEqual(doubt('d2', 'teacher-1', ['leader-1'], false));
    expect(ids(await reopened.doubts.listOpen())).toEqual(['d1']);
    expect(ids(await reopened.doubts.listByAssignee('leader-1'))).toEqual(['d1', 'd2']);
    expect(await reopened.users.get('u1')).toEqual({ welcomeSent: true });
    expect(await reopened.onboarding.get('u1')).toEqual({ step: 2 });
    expect((await reopened.conversations.get('u1'))?.reference).toEqual({ serviceUrl: 'https://smba.example' });
    expect((await reopened.feedback.list()).map((f) => f.id)).toEqual(['f1']);
    expect((await reopened.turnState.read(['conv/1']))['conv/1'].history).toEqual(['hallo']);
  });
});
