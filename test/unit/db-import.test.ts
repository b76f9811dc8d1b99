import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataStore } from '../../src/store/open-data-store.js';
import { importDataDir } from '../../src/store/postgres/import-data-dir.js';
import { openPgDataStore } from '../../src/store/postgres/open-pg-data-store.js';
import { createTestDatabase, pgAdminUrl, warnIfNoPg, type TestDatabase } from '../support/postgres.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const awkward = 'msteams/19:abc@thread.tacv2/users/29:XYZ ✓';

warnIfNoPg();

describe.skipIf(!pgAdminUrl())('npm run db:import (DATA_DIR → PostgreSQL)', () => {
  let dir: string;
  let db: TestDatabase;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mw-import-'));
    db = await createTestDatabase();
    const files = await openDataStore(dir);
    await files.doubts.put({ id: 'd1', askerId: 'teacher-1', assigneeIds: ['leader-1'], open: true });
    await files.doubts.put({ id: 'd2', askerId: 'teacher-1', assigneeIds: ['leader-1', 'communicatie'], open: false });
    await files.doubts.put({ id: awkward, askerId: awkward, assigneeIds: [awkward], open: true });
    await files.users.put('u1', { welcomeSent: true });
    await files.users.put('x'.repeat(300), { welcomeSent: false });
    await files.conversations.put('u1', { reference: { serviceUrl: 'https://smba.example' }, updatedAt: '2025-01-01T00:00:00.000Z' });
    await files.identities.put('anna@bestuur.nl', { id: 'u1', at: '2025-01-01T00:00:00.000Z' });
    await files.onboarding.put('u1', { step: 2 });
    await files.closedDoubts.put('d2', '2025-02-01T00:00:00.000Z');
    await files.feedback.add({ id: 'f1', at: '2025-01-01T00:00:00.000Z', org: 'oog', userId: 'u1', question: 'Vraag?', verdict: 'up' });
    await files.feedback.add({ id: 'f2', at: '2025-03-01T00:00:00+01:00', org: 'oog', question: 'wie', verdict: 'unsure', candidates: ['oog:1'] });
    await files.turnState.write({ 'conv/1': { history: ['hallo'] } });
    await files.close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('copies every kind without loss, and a second run (the CLI) changes nothing', async () => {
    const report = await importDataDir(dir, db.url);
    const expected = { doubts: 3, conversations: 1, users: 2, identities: 1, onboarding: 1, closedDoubts: 1, feedback: 2, turnState: 1 };
    expect(report.source).toEqual(expected);
    expect(report.inserted).toEqual(expected);
    expect(Object.values(report.before).every((n) => n === 0)).toBe(true);
    expect(report.after).toEqual(expected);

    const pg = await openPgDataStore(db.url);
    try {
      expect((await pg.doubts.listByAssignee('leader-1')).map((d) => d.id)).toEqual(['d1', 'd2']);
      expect((await pg.doubts.listOpen()).map((d) => d.id)).toEqual(['d1', awkward]);
      expect(await pg.doubts.listByAsker(awkward)).toEqual([{ id: awkward, askerId: awkward, assigneeIds: [awkward], open: true }]);
      expect(await pg.users.keys()).toEqual(['u1', 'x'.repeat(300)]);
      expect(await pg.identities.get('anna@bestuur.nl')).toEqual({ id: 'u1', at: '2025-01-01T00:00:00.000Z' });
      expect(await pg.closedDoubts.get('d2')).toBe('2025-02-01T00:00:00.000Z');
      expect((await pg.feedback.list()).map((f) => f.id)).toEqual(['f1', 'f2']);
      const turn = (await pg.turnState.read(['conv/1']))['conv/1'];
      expect(turn).toMatchObject({ history: ['hallo'], eTag: expect.any(String) });
      // The bot on PostgreSQL changes a doubt; a repeated import must not put the old one back.
      await pg.doubts.put({ id: 'd1', askerId: 'teacher-1', assigneeIds: ['deputy-1'], open: true });
    } finally {
      await pg.close();
    }

    const cli = await run('npx', ['tsx', 'tools/db-import.ts', '--from', dir], { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url, ENV_FILE: '' } });
    expect(cli.stdout).toMatch(/^doubts\s+3\s+3\s+3\s+0$/m);
    expect(cli.stdout).toMatch(/^turnState\s+1\s+1\s+1\s+0$/m);
    const again = await openPgDataStore(db.url);
    try {
      expect((await again.doubts.get('d1'))?.assigneeIds).toEqual(['deputy-1']);
    } finally {
      await again.close();
    }
  });
});
