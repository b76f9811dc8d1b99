import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile, errorCode, removeFileDurably } from './durable-file.js';
import { decodeKey, encodeKey, isEncodedStem, shardOf } from './key-encoding.js';
import { KeyedMutex } from './keyed-mutex.js';
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

/**
 * A directory of small JSON records, one file per key in 256 hashed shards, so a
 * write costs the same however many records exist. Each file is read and written
 * through lowdb with a durable adapter.
 */
export class RecordCollection<T> {
  readonly #mutex = new KeyedMutex();

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
    const db = this.#open(recordPath(this.root, key));
    db.data = { key, value };
    await db.write();
  }

  async delete(key: string): Promise<void> {
    await removeFileDurably(recordPath(this.root, key));
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
    const db = this.#open(path);
    await db.read();
    if (db.data === null) return undefined;
    if (expectedKey !== undefined && db.data.key !== expectedKey) {
      throw new StoreCorruptionError(path, `holds key ${JSON.stringify(db.data.key)} instead of ${JSON.stringify(expectedKey)}`);
    }
    return db.data.value;
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
