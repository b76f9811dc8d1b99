import { readFileSync } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreCorruptionError } from './store-errors.js';

/*
 * lowdb's own JSONFile adapter writes through steno: a temp file plus rename, which
 * is atomic against a crash, but it never fsyncs (an acknowledged write can vanish
 * on power loss) and uses one fixed temp name per file. This adapter keeps the
 * temp-plus-rename and adds fsync of the file and of its directory, so a write is
 * durable when its promise resolves.
 */

let tempSequence = 0;
const knownDirs = new Set<string>();

/** A lowdb adapter for one JSON file: durable atomic writes, and reads that name the file when it is corrupt. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly validate: (data: unknown) => data is T = (data): data is T => data !== undefined,
  ) {}

  async read(): Promise<T | null> {
    const text = await readTextOrNull(this.path);
    if (text === null) return null;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new StoreCorruptionError(this.path, `invalid JSON: ${(error as Error).message}`);
    }
    if (!this.validate(data)) throw new StoreCorruptionError(this.path, 'unexpected content');
    return data;
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.path, JSON.stringify(data));
  }
}

/**
 * The file's text, or null when it does not exist; other failures name the file. Read
 * synchronously on purpose: records are small and mostly in the page cache, so the read takes
 * tens of microseconds, while an asynchronous read makes four trips through the thread pool
 * (open, stat, read, close), each waiting for a turn of the event loop when it is busy.
 */
export async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new StoreCorruptionError(path, `cannot read: ${(error as Error).message}`);
  }
}

/** Replaces the file atomically (temp file, fsync, rename, fsync directory). */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await ensureDir(dir);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${++tempSequence}.tmp`);
  const handle = await openRecreatingDir(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await renameWithRetry(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

/** Creates an empty marker file (an index entry) durably; a no-op when it exists. */
export async function createMarkerDurably(path: string): Promise<void> {
  const dir = dirname(path);
  await ensureDir(dir);
  try {
    const handle = await openRecreatingDir(path, 'wx');
    await handle.close();
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return;
    throw error;
  }
  await syncDir(dir);
}

/** Removes a file durably; a no-op when it is already gone. */
export async function removeFileDurably(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  await syncDir(dirname(path));
}

/** Creates the directory (and parents) and makes the new entries durable. */
export async function ensureDir(dir: string): Promise<void> {
  if (knownDirs.has(dir)) return;
  const firstCreated = await mkdir(dir, { recursive: true });
  if (firstCreated !== undefined) {
    // Each newly created directory's entry lives in its parent: sync parents top-down.
    const created: string[] = [];
    for (let d = dir; d.length >= firstCreated.length; d = dirname(d)) created.push(d);
    for (const d of created.reverse()) await syncDir(dirname(d));
  }
  knownDirs.add(dir);
}

/** Forgets cached directory existence (after a directory was removed, e.g. in tests). */
export function forgetKnownDirs(): void {
  knownDirs.clear();
}

async function openRecreatingDir(path: string, flags: string) {
  try {
    return await open(path, flags);
  } catch (error) {
    // The directory was cached as existing but has been removed since (e.g. by an operator).
    if (errorCode(error) !== 'ENOENT') throw error;
    knownDirs.delete(dirname(path));
    await ensureDir(dirname(path));
    return open(path, flags);
  }
}

/** Makes the directory's entries (files created, renamed or removed in it) durable. */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; rename is as durable as it gets there.
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  // Windows briefly refuses a rename over a file another handle (virus scanner, reader) holds.
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (attempt >= 5 || !['EPERM', 'EACCES', 'EBUSY'].includes(errorCode(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/** The Node error code, if any. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error).code) : undefined;
}
