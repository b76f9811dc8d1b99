import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile, errorCode, removeFileDurably } from './durable-file.js';
import { decodeKey, encodeKey, isEncodedStem, shardOf } from './key-encoding.js';
import { KeyedMutex } from '../core/shared/keyed-mutex.js';
import { StoreCorruptionError } from './store-errors.js';

/** What one record file holds: the original key (file names may be hashed) and the value. */
export interface RecordEnvelope<T> {
  key: string;
  value: T;
}

const EXTENSION = '.json';

/** Path of a record file below a collection root: `<root>/<shard>/<stem>.json`. */
export function recordPath(root: string, key: string): string {
  return recordPathForStem(root, encodeKey(key));
}

export function recordPathForStem(root: string, stem: string): string {
  return join(root, shardOf(stem), stem + EXTENSION);
}

/** How many recently used records each collection keeps in memory. */
const CACHED_RECORDS = 20_000;

/**
 * A directory of small JSON records, one file per key in 256 hashed shards, so a
 * write costs the same however many records exist. Each file is read and written
 * through lowdb with a durable adapter.
 *
 * Recently used records are also kept in memory (write-through), so the records read on
 * every message cost no disk access. That is coherent because only one process may open
 * a data directory (the lock) and every write goes through this collection.
 */
export class RecordCollection<T> {
  readonly #mutex = new KeyedMutex();
  /** File path → envelope, or null for a file known not to exist. Least recently used first. */
  readonly #cache = new Map<string, RecordEnvelope<T> | null>();

  constructor(
    readonly root: string,
    private readonly isValue: (value: unknown) => value is T,
  ) {}

  /** Runs read-modify-write work on one key without interleaving other work on it. */
  exclusive<R>(key: string, work: () => Promise<R>): Promise<R> {
    return this.#mutex.run(key, work);
  }

  get(key: string): Promise<T | undefined> {
    return this.#readAt(recordPath(this.root, key), key);
  }

  /** Reads by file stem (from an index marker); the key is taken from the file. */
  async getByStem(stem: string): Promise<T | undefined> {
    return this.#readAt(recordPathForStem(this.root, stem), decodeKey(stem));
  }

  async put(key: string, value: T): Promise<void> {
    const path = recordPath(this.root, key);
    // Forget first: if the write fails, the next read must go to the file.
    this.#cache.delete(path);
    const db = this.#open(path);
    db.data = { key, value: structuredClone(value) };
    await db.write();
    this.#remember(path, db.data);
  }

  async delete(key: string): Promise<void> {
    const path = recordPath(this.root, key);
    this.#cache.delete(path);
    await removeFileDurably(path);
    this.#remember(path, null);
  }

  async keys(): Promise<string[]> {
    const keys: string[] = [];
    for (const stem of await this.stems()) {
      const decoded = decodeKey(stem);
      if (decoded !== undefined) {
        keys.push(decoded);
        continue;
      }
      const db = this.#open(recordPathForStem(this.root, stem));
      await db.read();
      if (db.data) keys.push(db.data.key);
    }
    return keys.sort();
  }

  /** File stems of all records (a full directory walk: maintenance only). */
  async stems(): Promise<string[]> {
    const stems: string[] = [];
    for (const shard of await listDir(this.root)) {
      for (const entry of await listDir(join(this.root, shard))) {
        if (!entry.endsWith(EXTENSION)) continue;
        const stem = entry.slice(0, -EXTENSION.length);
        if (isEncodedStem(stem)) stems.push(stem);
      }
    }
    return stems;
  }

  async #readAt(path: string, expectedKey: string | undefined): Promise<T | undefined> {
    let envelope = this.#cache.get(path);
    if (envelope === undefined) {
      const db = this.#open(path);
      await db.read();
      envelope = db.data;
      if (envelope !== null && expectedKey !== undefined && envelope.key !== expectedKey) {
        throw new StoreCorruptionError(path, `holds key ${JSON.stringify(envelope.key)} instead of ${JSON.stringify(expectedKey)}`);
      }
    }
    this.#remember(path, envelope);
    // A copy: callers may change what they get without changing the cache.
    return envelope === null ? undefined : structuredClone(envelope.value);
  }

  #remember(path: string, envelope: RecordEnvelope<T> | null): void {
    this.#cache.delete(path);
    this.#cache.set(path, envelope);
    if (this.#cache.size > CACHED_RECORDS) this.#cache.delete(this.#cache.keys().next().value as string);
  }

  #open(path: string): Low<RecordEnvelope<T> | null> {
    const isEnvelope = (data: unknown): data is RecordEnvelope<T> =>
      typeof data === 'object' &&
      data !== null &&
      typeof (data as RecordEnvelope<T>).key === 'string' &&
      'value' in data &&
      this.isValue((data as RecordEnvelope<T>).value);
    return new Low<RecordEnvelope<T> | null>(new DurableJsonFile<RecordEnvelope<T> | null>(path, isEnvelope), null);
  }
}

/** Directory entries, or none when the directory does not exist yet. */
export async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}
