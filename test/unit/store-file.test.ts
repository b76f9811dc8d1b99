import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredDoubt } from '../../src/core/doubts/doubt-store.js';
import { LOCK_FILE_NAME, processIdentity } from '../../src/store/data-dir-lock.js';
import { encodeKey, shardOf } from '../../src/store/key-encoding.js';
import { openDataStore, type FileDataStore } from '../../src/store/open-data-store.js';
import { recordPath } from '../../src/store/record-collection.js';
import { StoreClosedError, StoreCorruptionError, StoreLockedError } from '../../src/store/store-errors.js';
import { STORE_FORMAT_FILE } from '../../src/store/store-format.js';

const CHILD = fileURLToPath(new URL('../support/store-crash-child.ts', import.meta.url));

interface CrashDoubt extends StoredDoubt {
  rev: number;
}

let dir: string;
const opened: FileDataStore<CrashDoubt>[] = [];
const children: ChildProcess[] = [];

async function open(): Promise<FileDataStore<CrashDoubt>> {
  const store = await openDataStore<CrashDoubt>(dir);
  opened.push(store);
  return store;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-store-file-'));
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const store of opened.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(root, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/** Starts the child script; resolves once `until` matches a complete stdout line. */
function startChild(mode: string, until?: (lines: string[]) => boolean) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let buffer = '';
  let stderr = '';
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const reached = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop()!; // An incomplete last line was not fully printed: ignore it.
      lines.push(...parts);
      if (until?.(lines)) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    void exited.then((code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
  });
  reached.catch(() => undefined); // Only awaited by callers that pass `until`.
  return { child, lines, reached, exited };
}

describe('file layout', () => {
  it('puts each record in its own file under a hashed shard, with an encoded name', async () => {
    const store = await open();
    await store.users.put('29:1AbC/x', { welcomeSent: true });
    await store.doubts.put({ id: 'd-1', askerId: '29:asker', assigneeIds: ['29:leader'], open: true, rev: 1 });
    // Durable in the journal already; the files follow in the background.
    await store.settle();
    const files = (await filesUnder(dir)).filter((f) => !f.startsWith('journal'));
    const stem = encodeKey('29:1AbC/x');
    expect(files).toContain(join('users', shardOf(stem), `${stem}.json`));
    expect(files).toContain(join('doubts', 'records', shardOf(encodeKey('d-1')), `${encodeKey('d-1')}.json`));
    expect(files.filter((f) => f.startsWith(join('doubts', 'by-asker')))).toHaveLength(1);
    expect(files.some((f) => f.includes(':') || f.endsWith('.tmp'))).toBe(false);
    expect(JSON.parse(await readFile(join(dir, 'users', shardOf(stem), `${stem}.json`), 'utf8'))).toEqual({
      key: '29:1AbC/x',
      value: { welcomeSent: true },
    });
  });

  it('repairs an index entry whose record does not match (left by a crash between index and record write)', async () => {
    const store = await open();
    await store.doubts.put({ id: 'real', askerId: 'a', assigneeIds: ['l'], open: true, rev: 1 });
    // A crash after adding the hints for "ghost" but before its record was written:
    const ghost = encodeKey('ghost');
    const openBucket = encodeKey('open');
    await mkdir(join(dir, 'doubts', 'open', shardOf(openBucket), openBucket), { recursive: true });
    await writeFile(join(dir, 'doubts', 'open', shardOf(openBucket), openBucket, ghost), '');
    expect((await store.doubts.listOpen()).map((d) => d.id)).toEqual(['real']);
    await store.settle();
    expect(await readdir(join(dir, 'doubts', 'open', shardOf(openBucket), openBucket))).toEqual([encodeKey('real')]);
  });

  it('refuses work after close', async () => {
    const store = await open();
    await store.close();
    await expect(store.users.get('u1')).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.doubts.listOpen()).rejects.toThrow(/closed/);
  });
});

describe('corruption', () => {
  /** Corrupts a file while the store is closed (it is the only writer while open), then reopens. */
  async function corruptAndReopen(store: FileDataStore<CrashDoubt>, file: string, garbage: string): Promise<FileDataStore<CrashDoubt>> {
    await store.close();
    await writeFile(file, garbage);
    return open();
  }

  it.each([
    ['invalid JSON', '{"key": "u1", "value": {"welc'],
    ['an empty file', ''],
    ['the wrong shape', '[1, 2, 3]'],
    ['another key', '{"key": "someone-else", "value": {}}'],
  ])('a record file with %s stops get, put and delete with an error naming it, and stays unchanged', async (_case, garbage) => {
    const file = recordPath(join(dir, 'users'), 'u1');
    const first = await open();
    await first.users.put('u1', { welcomeSent: true });
    const store = await corruptAndReopen(first, file, garbage);
    for (const attempt of [() => store.users.get('u1'), () => store.users.put('u1', { welcomeSent: false }), () => store.users.delete('u1')]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreCorruptionError);
      expect((error as Error).message).toContain(file);
    }
    expect(await readFile(file, 'utf8')).toBe(garbage);
  });

  it('a corrupt doubt behind an index stops the listing with the file name', async () => {
    const first = await open();
    await first.doubts.put({ id: 'd1', askerId: 'a', assigneeIds: ['l'], open: true, rev: 1 });
    const file = recordPath(join(dir, 'doubts', 'records'), 'd1');
    const store = await corruptAndReopen(first, file, '{"key":"d1","value":{"id":"d1"}}');
    await expect(store.doubts.listByAsker('a')).rejects.toThrow(file);
    await expect(store.doubts.put({ id: 'd1', askerId: 'a', assigneeIds: [], open: false, rev: 2 })).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe('{"key":"d1","value":{"id":"d1"}}');
  });

  it('a corrupt turn-state file fails the read, naming it', async () => {
    const first = await open();
    await first.turnState.write({ 'conv/1': { v: 1 } });
    const file = recordPath(join(dir, 'turn-state'), 'conv/1');
    const store = await corruptAndReopen(first, file, 'nonsense');
    await expect(store.turnState.read(['conv/1'])).rejects.toThrow(file);
    await expect(store.turnState.write({ 'conv/1': { v: 2 } })).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe('nonsense');
  });

  it.each([
    ['garbage', 'not json at all'],
    ['a future layout version', '{"format":"mediawijs-data","version":99,"createdAt":"2030-01-01T00:00:00.000Z"}'],
  ])('a format file with %s stops the start with its name, leaves it unchanged and frees the lock', async (_case, content) => {
    const first = await open();
    await first.close();
    const file = join(dir, STORE_FORMAT_FILE);
    await writeFile(file, content);
    await expect(openDataStore(dir)).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe(content);
    await expect(stat(join(dir, LOCK_FILE_NAME))).rejects.toThrow(/ENOENT/);
  });
});

describe('data directory lock', () => {
  it('refuses a second open in the same process, and allows it after close', async () => {
    const store = await open();
    await expect(openDataStore(dir)).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
    await open();
  });

  it('refuses a second process while the first lives, and lets a restart through after a SIGKILL', async () => {
    const holder = startChild('hold', (lines) => lines.includes('ready'));
    await holder.reached;
    const lock = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(holder.child.pid);

    const second = startChild('try');
    expect(await second.exited).toBe(3);
    expect(second.lines.join('\n')).toMatch(new RegExp(`refused Data directory is already in use: process ${holder.child.pid} .*${LOCK_FILE_NAME}`));
    await expect(openDataStore(dir)).rejects.toThrow(`process ${holder.child.pid}`);

    holder.child.kill('SIGKILL');
    await holder.exited;
    // The stale lock of the killed process is still there, but must not block a restart.
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(holder.child.pid);
    const third = startChild('try');
    expect(await third.exited).toBe(0);
    expect(third.lines).toEqual(['opened']);
  });
});

describe('data directory lock after pid reuse', () => {
  // A live process that is not the holder: the pid of a crashed holder now belongs to it.
  const other = () => {
    const child = spawn('sleep', ['30']);
    children.push(child);
    return child.pid!;
  };
  const writeLock = (info: Record<string, unknown>) => writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ hostname: 'h', acquiredAt: '2026-01-01T00:00:00.000Z', ...info }));
  const onLinux = processIdentity(process.pid).startTime !== undefined;

  it('records the start time and boot id of the holder', async () => {
    await open();
    const lock = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(lock).toMatchObject({ pid: process.pid, ...processIdentity(process.pid) });
  });

  it.runIf(onLinux)('takes over a lock whose pid is alive but started at another time (pid reused)', async () => {
    const pid = other();
    await writeLock({ pid, ...processIdentity(pid), startTime: '1' });
    await open();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
  });

  it.runIf(onLinux)('takes over a lock written in an earlier boot', async () => {
    const pid = other();
    await writeLock({ pid, ...processIdentity(pid), bootId: '00000000-0000-0000-0000-000000000000' });
    await expect(open()).resolves.toBeDefined();
  });

  it.runIf(onLinux)('still refuses while the recorded process itself runs', async () => {
    const pid = other();
    await writeLock({ pid, ...processIdentity(pid) });
    await expect(openDataStore(dir)).rejects.toThrow(`process ${pid}`);
  });
});

describe('stale temp files', () => {
  it('are removed after open when older than the start, newer ones are left alone', async () => {
    const first = await open();
    await first.close();
    opened.splice(0);
    const shard = join(dir, 'users', 'ab');
    await mkdir(shard, { recursive: true });
    const stale = [join(dir, 'users', '.x.json.123.1.tmp'), join(shard, '.y.json.123.2.tmp')];
    for (const file of stale) {
      await writeFile(file, '{"half":');
      await utimes(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    }
    const fresh = join(shard, '.z.json.999.3.tmp');
    await writeFile(fresh, '{}');
    const store = await open();
    expect(await store.staleTempCleanup).toBe(2);
    for (const file of stale) await expect(stat(file)).rejects.toThrow(/ENOENT/);
    await stat(fresh);
  });
});

describe('crash safety', () => {
  it('keeps every acknowledged doubt, and its index entries, when the writer is SIGKILLed mid-way', async () => {
    const writer = startChild('crash', (lines) => lines.length >= 300);
    await writer.reached;
    writer.child.kill('SIGKILL');
    await writer.exited;

    const acked = new Map<string, number>();
    for (const line of writer.lines) {
      const [word, id, rev] = line.split(' ');
      expect(word).toBe('ack');
      acked.set(id!, Number(rev));
    }
    expect(acked.size).toBeGreaterThan(150);

    const store = await open();
    for (const [id, rev] of acked) {
      const doubt = await store.doubts.get(id);
      expect(doubt, id).toBeDefined();
      // A put that was under way at the kill may have landed too, never an older one.
      expect(doubt!.rev, id).toBeGreaterThanOrEqual(rev);
    }
    // Every record file parses (get throws otherwise) and is reachable from its indexes.
    const check = await store.doubts.checkIndexes();
    expect(check.missing).toEqual([]);
    expect(check.records).toBeGreaterThanOrEqual(acked.size);
    const openIds = new Set((await store.doubts.listOpen()).map((d) => d.id));
    for (const id of acked.keys()) {
      const doubt = (await store.doubts.get(id))!;
      expect(openIds.has(id), id).toBe(doubt.open);
      expect((await store.doubts.listByAsker(doubt.askerId)).some((d) => d.id === id), id).toBe(true);
      for (const assignee of doubt.assigneeIds) {
        expect((await store.doubts.listByAssignee(assignee)).some((d) => d.id === id), id).toBe(true);
      }
    }
    // And the store keeps working after the crash.
    await store.doubts.put({ id: 'after-crash', askerId: 'teacher-0', assigneeIds: ['leader-0'], open: true, rev: 1 });
    expect((await store.doubts.listByAsker('teacher-0')).some((d) => d.id === 'after-crash')).toBe(true);
    // A child process writing 300 records is slow on two busy cores (the whole suite runs beside it).
  }, 90_000);
});

describe('bulk seeding (benchmarks)', () => {
  it('produces exactly the layout the store writes', async () => {
    const { seedDataDir } = await import('../../tools/lib/bulk-seed.js');
    const doubts = [
      { id: 'd1', askerId: '29:asker', assigneeIds: ['leader', 'communicatie'], open: true, rev: 1 },
      { id: 'D2', askerId: '29:asker', assigneeIds: ['leader'], open: false, rev: 1 },
    ];
    const seededDir = join(dir, 'seeded');
    const apiDir = join(dir, 'api');
    seedDataDir(seededDir, { doubts, users: [['u:1', { welcomeSent: true }]] });
    const api = await openDataStore<CrashDoubt>(apiDir);
    opened.push(api);
    for (const d of doubts) await api.doubts.put(d);
    await api.users.put('u:1', { welcomeSent: true });
    await api.settle();
    const dataFiles = (files: string[]) => files.filter((f) => f !== LOCK_FILE_NAME && f !== STORE_FORMAT_FILE && !f.startsWith('journal'));
    expect(await filesUnder(seededDir)).toEqual(dataFiles(await filesUnder(apiDir)));
    const reopened = await openDataStore<CrashDoubt>(seededDir);
    opened.push(reopened);
    expect((await reopened.doubts.listByAssignee('leader')).map((d) => d.id)).toEqual(['D2', 'd1']);
    expect((await reopened.doubts.listOpen()).map((d) => d.id)).toEqual(['d1']);
  });
});
