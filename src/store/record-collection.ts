import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile, errorCode } from './durable-file.js';
import { applyDurably, type JournalOp, type JournalView } from './journal.js';
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

/** Index changes that go with a record write: `before` it (adding entries) and `after` it (removing them). */
export interface AlongWith {
  before?: JournalOp[];
  after?: JournalOp[];
}

/**
 * A directory of small JSON records, one file per key in 256 hashed shards, so a
 * write costs the same however many records exist. Each file is read through lowdb
 * with a durable adapter.
 *
 * With a journal (the data store's), a write is durable once the journal has it (group commit)
 * and reaches its file in the background; reads see the journal's pending changes first. Without
 * one (read-only tools, tests), each write goes to its file durably at once.
 *
 * Recently used records are also kept in memory (write-through), so the records read on
 * every message cost no disk access. That is coherent because only one process may open
 * a data directory (the lock) and every write goes through this collection.
 */
export class RecordCollection<T> {
  readonly #mutex = new KeyedMutex();
  /** File path → envelope, or null for a file known not to exist. Least recently used first. */
  readonly #cache = new Map<string, RecordEnvelope<T> | null>();
  /** File reads under way per path; a write marks them stale, so they do not fill the cache with the older value. */
  readonly #reads = new Map<string, Set<{ stale: boolean }>>();

  constructor(
    readonly root: string,
    private readonly isValue: (value: unknown) => value is T,
    private readonly journal?: JournalView,
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

  /** Writes the record (with the index changes that go with it, in order); durable when it resolves. */
  async put(key: string, value: T, along: AlongWith = {}): Promise<void> {
    const path = recordPath(this.root, key);
    const envelope: RecordEnvelope<T> = { key, value: structuredClone(value) };
    await this.#write({ kind: 'put', path, text: JSON.stringify(envelope), value: envelope }, along);
    this.#remember(path, envelope);
  }

  async delete(key: string, along: AlongWith = {}): Promise<void> {
    const path = recordPath(this.root, key);
    await this.#write({ kind: 'remove', path }, along);
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
      const envelope = await this.#envelopeAt(recordPathForStem(this.root, stem), undefined);
      if (envelope) keys.push(envelope.key);
    }
    return keys.sort();
  }

  /** File stems of all records (a full directory walk: maintenance only). */
  async stems(): Promise<string[]> {
    const stems = new Set<string>();
    const stemOf = (entry: string) => {
      const stem = entry.endsWith(EXTENSION) ? entry.slice(0, -EXTENSION.length) : '';
      return isEncodedStem(stem) ? stem : undefined;
    };
    for (const shard of await listDir(this.root)) {
      for (const entry of await listDir(join(this.root, shard))) {
        const stem = stemOf(entry);
        if (stem) stems.add(stem);
      }
    }
    // Records the journal has and their files not yet (or files it is about to remove).
    for (const dir of this.journal?.pendingDirsUnder(this.root) ?? []) {
      for (const [name, op] of this.journal!.pendingIn(dir)) {
        const stem = stemOf(name);
        if (!stem) continue;
        if (op.kind === 'put') stems.add(stem);
        else stems.delete(stem);
      }
    }
    return [...stems];
  }

  async #write(op: JournalOp, along: AlongWith): Promise<void> {
    // Forget first: if the write fails, the next read must not trust the cache.
    this.#cache.delete(op.path);
    for (const read of this.#reads.get(op.path) ?? []) read.stale = true;
    if (this.journal) {
      await this.journal.commit([...(along.before ?? []), op, ...(along.after ?? [])]);
      return;
    }
    await Promise.all((along.before ?? []).map(applyDurably));
    await applyDurably(op);
    await Promise.all((along.after ?? []).map(applyDurably));
  }

  async #readAt(path: string, expectedKey: string | undefined): Promise<T | undefined> {
    const envelope = await this.#envelopeAt(path, expectedKey);
    // A copy: callers may change what they get without changing the cache.
    return envelope === null ? undefined : structuredClone(envelope.value);
  }

  async #envelopeAt(path: string, expectedKey: string | undefined): Promise<RecordEnvelope<T> | null> {
    const pending = this.journal?.pendingAt(path);
    if (pending) return pending.kind === 'put' ? (pending.value as RecordEnvelope<T>) : null;
    const cached = this.#cache.get(path);
    if (cached !== undefined) {
      this.#remember(path, cached);
      return cached;
    }
    const read = { stale: false };
    let reads = this.#reads.get(path);
    if (!reads) this.#reads.set(path, (reads = new Set()));
    reads.add(read);
    try {
      const db = this.#open(path);
      await db.read();
      const envelope = db.data;
      if (envelope !== null && expectedKey !== undefined && envelope.key !== expectedKey) {
        throw new StoreCorruptionError(path, `holds key ${JSON.stringify(envelope.key)} instead of ${JSON.stringify(expectedKey)}`);
      }
      if (!read.stale) this.#remember(path, envelope);
      return envelope;
    } finally {
      reads.delete(read);
      if (reads.size === 0) this.#reads.delete(path);
    }
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
