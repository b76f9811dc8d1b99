import { open, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createMarkerDurably, ensureDir, removeFileDurably, syncDir, writeFileDurably } from './durable-file.js';

/*
 * A write-ahead journal with group commit for the file store. Every change (a record written or
 * removed, an index marker added or removed) is appended to the journal first; one fdatasync makes
 * a whole batch durable, and only then is every caller in the batch told that its write is done.
 * Many turns at once thus share one disk flush instead of paying two to five each, and nobody is
 * told "saved" before the data is safe.
 *
 * The record files are written afterwards, in the background (each one durably, as before the
 * journal), newest value per file only. Until then reads are answered from the journal's pending
 * changes, so readers never see an older value. A journal segment is deleted when every change in
 * it (and in the segments before it) is in its file. After a crash, opening the store applies
 * whatever the remaining segments hold, in order, before anything is read.
 */

/** One change, by absolute path. `put` carries the file's JSON text and the value it encodes. */
export type JournalOp = { kind: 'put'; path: string; text: string; value: unknown } | { kind: 'remove'; path: string } | { kind: 'mark'; path: string };

interface Pending {
  op: JournalOp;
  segment: number;
}

/** What record collections and indexes need of a journal: committing changes and seeing those not yet in their files. */
export interface JournalView {
  commit(ops: JournalOp[]): Promise<void>;
  /** The newest change of this file not yet in the file, if any. */
  pendingAt(path: string): JournalOp | undefined;
  /** Changes not yet in their files in this directory, as [file name, change]. */
  pendingIn(dir: string): Iterable<[string, JournalOp]>;
  /** Directories below `root` that have changes not yet in their files. */
  pendingDirsUnder(root: string): string[];
}

/** Where the segments live below the data directory. */
export const JOURNAL_DIR = 'journal';
/** A new segment is started once the current one is this big. */
const SEGMENT_BYTES = 8 * 1024 * 1024;
/** How many files the background writer writes at the same time while the bot serves, and when draining. */
const APPLY_AT_ONCE = 2;
const DRAIN_AT_ONCE = 16;
/** More changes than this waiting for their files makes new commits wait (memory stays bounded). */
const MAX_PENDING = 50_000;
const RETRY_MS = 1_000;
const SEGMENT = /^(\d{8})\.log$/;

const segmentName = (n: number) => `${String(n).padStart(8, '0')}.log`;

/** Applies one change to its file, durably (also used without a journal). */
export async function applyDurably(op: JournalOp): Promise<void> {
  if (op.kind === 'put') await writeFileDurably(op.path, op.text);
  else if (op.kind === 'mark') await createMarkerDurably(op.path);
  else await removeFileDurably(op.path);
}

export class Journal implements JournalView {
  readonly #dir: string;
  #handle: FileHandle | undefined;
  #segment: number;
  #size = 0;
  /** Segment numbers still on disk, oldest first (the last is the one being written). */
  readonly #segments: number[];
  /** Per segment: how many of its changes are neither in their file yet nor replaced by a newer change. */
  readonly #open = new Map<number, number>();

  #batch: string[] = [];
  #batchOps: JournalOp[] = [];
  #batchWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  #flushing: Promise<void> | undefined;
  #rotateBeforeNextWrite = false;

  /** Changes that are durable in the journal but not yet in their file (absolute path → newest change). */
  readonly #pending = new Map<string, Pending>();
  /** The same, per directory (path → file name → change), for directory listings. */
  readonly #byDir = new Map<string, Map<string, Pending>>();
  readonly #applying = new Set<string>();
  #applier: Promise<void> | undefined;
  #applyError: unknown;
  #applyWaiters: Array<() => void> = [];
  #closed = false;
  #draining = false;
  /** How many batches were flushed (each: one append and one fdatasync), for tests. */
  flushes = 0;

  private constructor(
    readonly root: string,
    segment: number,
    private readonly segmentBytes: number,
  ) {
    this.#dir = join(root, JOURNAL_DIR);
    this.#segment = segment;
    this.#segments = [segment];
  }

  /**
   * Opens the journal of a data directory: first applies (durably) and removes whatever segments a
   * crash left, then starts a new segment. Returns the journal and how many changes were replayed.
   */
  static async open(root: string, options: { segmentBytes?: number } = {}): Promise<{ journal: Journal; replayed: number }> {
    const dir = join(root, JOURNAL_DIR);
    await ensureDir(dir);
    const found = (await readdir(dir)).map((name) => SEGMENT.exec(name)).filter((m) => m !== null).map((m) => Number(m[1])).sort((a, b) => a - b);
    const latest = new Map<string, JournalOp>();
    let replayed = 0;
    for (const n of found) {
      for (const op of parseSegment(root, await readFile(join(dir, segmentName(n)), 'utf8'))) {
        // Later changes of a file replace earlier ones: only its final state needs applying.
        latest.delete(op.path);
        latest.set(op.path, op);
        replayed++;
      }
    }
    await Promise.all([...latest.values()].map((op) => applyDurably(op)));
    for (const n of found) await removeFileDurably(join(dir, segmentName(n)));
    const journal = new Journal(root, (found.at(-1) ?? 0) + 1, options.segmentBytes ?? SEGMENT_BYTES);
    await journal.#startSegment();
    return { journal, replayed };
  }

  /**
   * Appends the changes, in order, and resolves once they are durable (one fdatasync shared with
   * every other commit in the same batch). Rejects when the journal cannot be written: then the
   * changes count as not made (though a partly written batch may still be applied after a crash).
   */
  async commit(ops: JournalOp[]): Promise<void> {
    if (this.#closed) throw new Error(`the journal of ${this.root} is closed`);
    while (this.#pending.size > MAX_PENDING && this.#applyError === undefined) await this.#appliedSome();
    const done = new Promise<void>((resolve, reject) => this.#batchWaiters.push({ resolve, reject }));
    for (const op of ops) {
      this.#batch.push(this.#line(op));
      this.#batchOps.push(op);
    }
    this.#flushing ??= this.#flush().finally(() => {
      this.#flushing = undefined;
    });
    return done;
  }

  /** The newest change of this file not yet in the file, if any. */
  pendingAt(path: string): JournalOp | undefined {
    return this.#pending.get(path)?.op;
  }

  /** Changes not yet in their files in this directory, as [file name, change]. */
  *pendingIn(dir: string): Iterable<[string, JournalOp]> {
    for (const [name, entry] of this.#byDir.get(dir) ?? []) yield [name, entry.op];
  }

  /** Directories below `root` that have changes not yet in their files. */
  pendingDirsUnder(root: string): string[] {
    const prefix = root.endsWith(sep) ? root : root + sep;
    return [...this.#byDir.keys()].filter((d) => d === root || d.startsWith(prefix));
  }

  /** How many changes wait for their file (tests, health). */
  get waiting(): number {
    return this.#pending.size;
  }

  /** Segment files on disk, oldest first (tests). */
  get segments(): readonly number[] {
    return [...this.#segments];
  }

  /** Writes every pending change to its file; rejects with the first failure. */
  async drain(): Promise<void> {
    await this.#flushing;
    this.#applyError = undefined;
    this.#draining = true;
    try {
      while (this.#pending.size > 0) {
        this.#startApplier();
        await this.#applier;
        if (this.#applyError !== undefined) throw this.#applyError;
      }
    } finally {
      this.#draining = false;
    }
    await this.#dropDoneSegments();
  }

  /** Drains, then removes the journal's segments: a cleanly closed data directory has none. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.drain();
    this.#closed = true;
    await this.#handle?.close();
    this.#handle = undefined;
    for (const n of this.#segments) await removeFileDurably(join(this.#dir, segmentName(n)));
    this.#segments.length = 0;
  }

  #line(op: JournalOp): string {
    const path = JSON.stringify(relative(this.root, op.path));
    // The record's JSON goes in as it is (no second escaping): it is valid JSON already.
    if (op.kind === 'put') return `{"o":"put","p":${path},"v":${op.text}}\n`;
    return `{"o":"${op.kind}","p":${path}}\n`;
  }

  async #flush(): Promise<void> {
    while (this.#batch.length > 0) {
      const text = this.#batch.join('');
      const ops = this.#batchOps;
      const waiters = this.#batchWaiters;
      this.#batch = [];
      this.#batchOps = [];
      this.#batchWaiters = [];
      try {
        if (this.#rotateBeforeNextWrite || this.#size >= this.segmentBytes) await this.#rotate();
        await this.#handle!.appendFile(text, 'utf8');
        await this.#handle!.datasync();
        this.flushes++;
        this.#size += Buffer.byteLength(text);
      } catch (error) {
        // What was written may end in a torn line: later batches go to a fresh segment, so replay
        // (which stops a segment at its first bad line) never skips a confirmed change.
        this.#rotateBeforeNextWrite = true;
        for (const w of waiters) w.reject(error);
        continue;
      }
      for (const op of ops) this.#register(op);
      for (const w of waiters) w.resolve();
      this.#startApplier();
    }
  }

  async #startSegment(): Promise<void> {
    this.#handle = await open(join(this.#dir, segmentName(this.#segment)), 'a');
    // The new file's directory entry must be durable before anything in it counts as saved.
    await syncDir(this.#dir);
    this.#size = 0;
  }

  async #rotate(): Promise<void> {
    await this.#handle?.close().catch(() => undefined);
    this.#handle = undefined;
    this.#segment++;
    this.#segments.push(this.#segment);
    this.#open.set(this.#segment, this.#open.get(this.#segment) ?? 0);
    await this.#startSegment();
    this.#rotateBeforeNextWrite = false;
  }

  #register(op: JournalOp): void {
    const previous = this.#pending.get(op.path);
    if (previous) this.#settle(previous);
    const entry: Pending = { op, segment: this.#segment };
    this.#pending.set(op.path, entry);
    const dir = dirname(op.path);
    let inDir = this.#byDir.get(dir);
    if (!inDir) this.#byDir.set(dir, (inDir = new Map<string, Pending>()));
    inDir.set(basename(op.path), entry);
    this.#open.set(this.#segment, (this.#open.get(this.#segment) ?? 0) + 1);
  }

  /** The change no longer needs its segment: it is in its file, or a newer change replaced it. */
  #settle(entry: Pending): void {
    this.#open.set(entry.segment, (this.#open.get(entry.segment) ?? 1) - 1);
  }

  #startApplier(): void {
    this.#applier ??= this.#applyAll().finally(() => {
      this.#applier = undefined;
    });
  }

  async #applyAll(): Promise<void> {
    for (;;) {
      const batch: Pending[] = [];
      for (const entry of this.#pending.values()) {
        if (this.#applying.has(entry.op.path)) continue;
        batch.push(entry);
        if (batch.length >= (this.#draining ? DRAIN_AT_ONCE : APPLY_AT_ONCE)) break;
      }
      if (batch.length === 0) break;
      const failed = (await Promise.all(batch.map((entry) => this.#applyOne(entry)))).some(Boolean);
      await this.#dropDoneSegments().catch((error: unknown) => {
        this.#applyError = error;
      });
      for (const wake of this.#applyWaiters.splice(0)) wake();
      if (failed) {
        // A full or failing disk: try again in a while; reads keep coming from the journal meanwhile.
        setTimeout(() => this.#startApplier(), RETRY_MS).unref();
        return;
      }
    }
  }

  /** Writes one change to its file; true when that failed. */
  async #applyOne(entry: Pending): Promise<boolean> {
    const path = entry.op.path;
    this.#applying.add(path);
    try {
      await applyDurably(entry.op);
    } catch (error) {
      this.#applyError = error;
      return true;
    } finally {
      this.#applying.delete(path);
    }
    if (this.#pending.get(path) === entry) {
      this.#pending.delete(path);
      const dir = dirname(path);
      const inDir = this.#byDir.get(dir);
      inDir?.delete(basename(path));
      if (inDir?.size === 0) this.#byDir.delete(dir);
      this.#settle(entry);
    }
    return false;
  }

  /** Deletes the oldest segments whose changes are all settled; never one with an older unsettled segment before it. */
  async #dropDoneSegments(): Promise<void> {
    while (this.#segments.length > 1 && (this.#open.get(this.#segments[0]!) ?? 0) <= 0) {
      const n = this.#segments.shift()!;
      this.#open.delete(n);
      await removeFileDurably(join(this.#dir, segmentName(n)));
    }
  }

  #appliedSome(): Promise<void> {
    this.#startApplier();
    return new Promise((resolve) => this.#applyWaiters.push(resolve));
  }
}

/**
 * What the journal of a data directory holds right now, read without its lock by another process
 * (the review tool, while the bot runs): the changes not yet in their files, newest per file.
 * Read-only: commit refuses. A segment the bot deletes meanwhile was in the files already.
 */
export async function readJournalSnapshot(root: string): Promise<JournalView> {
  const dir = join(root, JOURNAL_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    names = [];
  }
  const pending = new Map<string, JournalOp>();
  const byDir = new Map<string, Map<string, JournalOp>>();
  const segments = names.map((name) => SEGMENT.exec(name)).filter((m) => m !== null).map((m) => Number(m[1])).sort((a, b) => a - b);
  for (const n of segments) {
    const text = await readFile(join(dir, segmentName(n)), 'utf8').catch(() => '');
    for (const op of parseSegment(root, text)) {
      pending.set(op.path, op);
      const inDir = byDir.get(dirname(op.path)) ?? new Map<string, JournalOp>();
      byDir.set(dirname(op.path), inDir.set(basename(op.path), op));
    }
  }
  return {
    commit: () => Promise.reject(new Error(`read-only view of the journal of ${root}`)),
    pendingAt: (path) => pending.get(path),
    pendingIn: (d) => byDir.get(d) ?? [],
    pendingDirsUnder: (under) => [...byDir.keys()].filter((d) => d === under || d.startsWith(under + sep)),
  };
}

/** The changes of one segment, up to its first line that is not whole (a write torn by a crash). */
function parseSegment(root: string, text: string): JournalOp[] {
  const ops: JournalOp[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    const op = parseLine(root, text.slice(start, end));
    if (!op) break;
    ops.push(op);
  }
  return ops;
}

function parseLine(root: string, line: string): JournalOp | undefined {
  let data: { o?: unknown; p?: unknown; v?: unknown };
  try {
    data = JSON.parse(line) as typeof data;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || typeof data.p !== 'string' || isAbsolute(data.p)) return undefined;
  const path = resolve(root, data.p);
  // Never outside the data directory, whatever a damaged line says.
  if (!path.startsWith(root + sep)) return undefined;
  if (data.o === 'put' && data.v !== undefined) return { kind: 'put', path, text: JSON.stringify(data.v), value: data.v };
  if (data.o === 'remove' || data.o === 'mark') return { kind: data.o, path };
  return undefined;
}
