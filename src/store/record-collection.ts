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

/** How many recently used records (and file paths) each collection keeps in memory. */
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
 * a data directory (the lock) and every write goes through this collection. They are kept as
 * JSON text, the form a write produces anyway: each read parses a fresh copy for its caller.
 */
export class RecordCollection<T> {
  readonly #mutex = new KeyedMutex();
  /** File path → the record file's JSON text, or null for a file known not to exist. Least recently used first. */
  readonly #cache = new Map<string, string | null>();
  /** Writes readers see before they are durable ({@link putVisible}): file path → JSON text. */
  readonly #unconfirmed = new Map<string, string>();
  /** File reads under way per path; a write marks them stale, so they do not fill the cache with the older value. */
  readonly #reads = new Map<string, Set<{ stale: boolean }>>();
  /** Key → file path (encoding a key and hashing its shard costs more than the lookup). */
  readonly #paths = new Map<string, string>();

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
    return this.#readAt(this.#path(key), key);
  }

  /** Reads by file stem (from an index marker); the key is taken from the file. */
  async getByStem(stem: string): Promise<T | undefined> {
    return this.#readAt(recordPathForStem(this.root, stem), decodeKey(stem));
  }

  /** Writes the record (with the index changes that go with it, in order); durable when it resolves. */
  async put(key: string, value: T, along: AlongWith = {}): Promise<void> {
    const path = this.#path(key);
    const text = JSON.stringify({ key, value });
    await this.#write({ kind: 'put', path, text }, along);
    this.#remember(path, text);
  }

  /**
   * Writes the record as {@link put} does, but readers in this process see the new value at once,
   * before it is durable (the returned promise says when it is). For records whose loss in a crash
   * costs little (turn state); if the write fails, readers see the value before it again.
   */
  putVisible(key: string, value: T): Promise<void> {
    const path = this.#path(key);
    const text = JSON.stringify({ key, value });
    this.#unconfirmed.set(path, text);
    const settle = () => {
      if (this.#unconfirmed.get(path) !== text) return false;
      this.#unconfirmed.delete(path);
      return true;
    };
    return this.#write({ kind: 'put', path, text }, {}).then(
      () => {
        if (settle()) this.#remember(path, text);
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
  }

  async delete(key: string, along: AlongWith = {}): Promise<void> {
    const path = this.#path(key);
    this.#unconfirmed.delete(path);
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
    // Records the journal has and their files not yet (or files it is about to remove), taken before
    // the directories are read: a record the journal writes out meanwhile is then in one or the other.
    // (Read after them, it could leave the journal after its shard was listed and be in neither.)
    const pending: Array<[string, JournalOp['kind']]> = [];
    for (const dir of this.journal?.pendingDirsUnder(this.root) ?? []) {
      for (const [name, op] of this.journal!.pendingIn(dir)) pending.push([name, op.kind]);
    }
    for (const shard of await listDir(this.root)) {
      for (const entry of await listDir(join(this.root, shard))) {
        const stem = stemOf(entry);
        if (stem) stems.add(stem);
      }
    }
    for (const [name, kind] of pending) {
      const stem = stemOf(name);
      if (!stem) continue;
      if (kind === 'put') stems.add(stem);
      else stems.delete(stem);
    }
    return [...stems];
  }

  #path(key: string): string {
    let path = this.#paths.get(key);
    if (path === undefined) {
      if (this.#paths.size >= CACHED_RECORDS) this.#paths.clear();
      this.#paths.set(key, (path = recordPath(this.root, key)));
    }
    return path;
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
    return (await this.#envelopeAt(path, expectedKey))?.value;
  }

  /** The record as a fresh object (callers may change it), or null when there is none. */
  async #envelopeAt(path: string, expectedKey: string | undefined): Promise<RecordEnvelope<T> | null> {
    const unconfirmed = this.#unconfirmed.get(path);
    if (unconfirmed !== undefined) return JSON.parse(unconfirmed) as RecordEnvelope<T>;
    const pending = this.journal?.pendingAt(path);
    if (pending) return pending.kind === 'put' ? (JSON.parse(pending.text) as RecordEnvelope<T>) : null;
    const cached = this.#cache.get(path);
    if (cached !== undefined) {
      this.#remember(path, cached);
      return cached === null ? null : (JSON.parse(cached) as RecordEnvelope<T>);
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
      if (!read.stale) this.#remember(path, envelope === null ? null : JSON.stringify(envelope));
      return envelope;
    } finally {
      reads.delete(read);
      if (reads.size === 0) this.#reads.delete(path);
    }
  }

  #remember(path: string, text: string | null): void {
    this.#cache.delete(path);
    this.#cache.set(path, text);
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
