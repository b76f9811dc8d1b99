import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredDoubt } from '../../src/core/doubts/doubt-store.js';
import { Journal, JOURNAL_DIR, readJournalSnapshot, type JournalOp } from '../../src/store/journal.js';
import { openDataStore, openFeedbackReader } from '../../src/store/open-data-store.js';

const CHILD = fileURLToPath(new URL('../support/store-crash-child.ts', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-journal-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const put = (name: string, value: unknown): JournalOp => {
  return { kind: 'put', path: join(dir, 'records', `${name}.json`), text: JSON.stringify({ key: name, value }) };
};
const exists = (path: string) => stat(path).then(
  () => true,
  () => false,
);

describe('the store journal (group commit)', () => {
  it('commits overlapping writes together: one flush for many callers, each told only once it is durable', async () => {
    const { journal } = await Journal.open(dir);
    // The first commit starts a flush; the other 49 arrive meanwhile and share the next one.
    await Promise.all(Array.from({ length: 50 }, (_, i) => journal.commit([put(`r${i}`, { n: i })])));
    expect(journal.flushes).toBeLessThanOrEqual(3);
    // Readers see every committed change at once, before its file is written.
    expect(journal.pendingAt(join(dir, 'records', 'r7.json'))).toEqual(put('r7', { n: 7 }));
    await journal.close();
    expect(JSON.parse(await readFile(join(dir, 'records', 'r7.json'), 'utf8'))).toEqual({ key: 'r7', value: { n: 7 } });
    // A cleanly closed journal leaves no segment behind.
    expect(await readdir(join(dir, JOURNAL_DIR))).toEqual([]);
  });

  it('reads back what a crash left, newest change per file, up to a torn line, and writes it to the files', async () => {
    await mkdir(join(dir, JOURNAL_DIR), { recursive: true });
    const line = (o: string, p: string, v?: unknown) => JSON.stringify(v === undefined ? { o, p } : { o, p, v }) + '\n';
    await writeFile(
      join(dir, JOURNAL_DIR, '00000003.log'),
      line('put', 'records/a.json', { key: 'a', value: 1 }) +
        line('mark', 'index/x/a') +
        line('put', 'records/a.json', { key: 'a', value: 2 }) +
        line('put', 'records/gone.json', { key: 'gone', value: 1 }) +
        line('remove', 'records/gone.json') +
        line('put', '../outside.json', { key: 'evil', value: 1 }) +
        line('put', 'records/after-bad-line.json', { key: 'no', value: 1 }),
    );
    await writeFile(join(dir, JOURNAL_DIR, '00000004.log'), line('put', 'records/b.json', { key: 'b', value: 1 }) + '{"o":"put","p":"records/torn.json","v":{"ke');
    const { journal, replayed } = await Journal.open(dir);
    expect(replayed).toBe(6);
    // Read back as pending changes: visible at once, in the files once the background writer is done.
    expect(journal.pendingAt(join(dir, 'records', 'a.json'))).toEqual(put('a', 2));
    expect(journal.pendingAt(join(dir, 'records', 'gone.json'))).toMatchObject({ kind: 'remove' });
    await journal.drain();
    expect(JSON.parse(await readFile(join(dir, 'records', 'a.json'), 'utf8'))).toEqual({ key: 'a', value: 2 });
    expect(JSON.parse(await readFile(join(dir, 'records', 'b.json'), 'utf8'))).toEqual({ key: 'b', value: 1 });
    expect(await exists(join(dir, 'index', 'x', 'a'))).toBe(true);
    for (const never of ['records/gone.json', 'records/after-bad-line.json', 'records/torn.json', '../outside.json']) expect(await exists(join(dir, never)), never).toBe(false);
    // The segments read back are gone once written; new changes went to a segment after them.
    expect(journal.segments).toEqual([5]);
    expect(await readdir(join(dir, JOURNAL_DIR))).toEqual(['00000005.log']);
    await journal.close();
  });

  it('a stop that cannot write every file in time leaves the journal, and the next open reads it back', async () => {
    const first = await Journal.open(dir);
    await Promise.all(Array.from({ length: 200 }, (_, i) => first.journal.commit([put(`k${i}`, { n: i })])));
    await first.journal.close(0);
    const { journal, replayed } = await Journal.open(dir);
    expect(replayed).toBeGreaterThan(0);
    for (let i = 0; i < 200; i += 37) {
      const path = join(dir, 'records', `k${i}.json`);
      const pending = journal.pendingAt(path);
      const value: unknown = JSON.parse(pending?.kind === 'put' ? pending.text : await readFile(path, 'utf8'));
      expect(value).toEqual({ key: `k${i}`, value: { n: i } });
    }
    await journal.close();
    expect(JSON.parse(await readFile(join(dir, 'records', 'k199.json'), 'utf8'))).toEqual({ key: 'k199', value: { n: 199 } });
    expect(await readdir(join(dir, JOURNAL_DIR))).toEqual([]);
  });

  it('deletes a full segment only once every change in it (and before it) is in its file', async () => {
    const { journal } = await Journal.open(dir, { segmentBytes: 200 });
    for (let i = 0; i < 10; i++) await journal.commit([put(`s${i}`, 'x'.repeat(100))]);
    expect(journal.segments.length).toBeGreaterThan(1);
    await journal.drain();
    expect(journal.segments).toHaveLength(1);
    expect(await readdir(join(dir, JOURNAL_DIR))).toHaveLength(1);
    await journal.close();
  });

  it('lets the review tool read feedback the bot has only in its journal, without the lock', async () => {
    const store = await openDataStore(dir);
    try {
      const feedback = { id: 'f1', at: '2026-11-30T10:00:00.000Z', org: 'oog', question: 'mag dit?', verdict: 'unanswered' as const };
      await store.feedback.add(feedback);
      // Whether or not the file is written yet, the reader finds it (in the journal or the file).
      expect(await openFeedbackReader(dir).list()).toEqual([feedback]);
      const view = await readJournalSnapshot(dir);
      await expect(view.commit([])).rejects.toThrow(/read-only/);
    } finally {
      await store.close();
    }
  });
});

describe('the store journal under SIGKILL', () => {
  it('keeps every doubt acknowledged by 16 writers sharing flushes, with its index entries', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'crash-parallel', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const parts = buffer.split('\n');
        buffer = parts.pop()!;
        lines.push(...parts);
        if (lines.length >= 1500) resolve();
      });
    });
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const acked = new Map<string, number>();
    for (const line of lines) {
      const [, id, rev] = line.split(' ');
      acked.set(id!, Math.max(acked.get(id!) ?? 0, Number(rev)));
    }
    const store = await openDataStore<StoredDoubt & { rev: number }>(dir);
    try {
      for (const [id, rev] of acked) {
        const doubt = await store.doubts.get(id);
        expect(doubt, id).toBeDefined();
        expect(doubt!.rev, id).toBeGreaterThanOrEqual(rev);
        expect((await store.doubts.listByAsker(doubt!.askerId)).some((d) => d.id === id), id).toBe(true);
        for (const assignee of doubt!.assigneeIds) expect((await store.doubts.listByAssignee(assignee)).some((d) => d.id === id), id).toBe(true);
        expect((await store.doubts.listOpen()).some((d) => d.id === id), id).toBe(doubt!.open);
      }
      expect((await store.doubts.checkIndexes()).missing).toEqual([]);
    } finally {
      await store.close();
    }
  }, 90_000);
});
