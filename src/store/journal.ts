import { join } from 'node:path';
import { ensureDir, removeFileDurably } from './durable-file.js';
import { PendingChanges, type Pending } from './journal-pending.js';
import { SegmentWriter } from './journal-writer.js';
import { applyDurably, JOURNAL_DIR, journalLine, readSegments, segmentName, type JournalOp, type JournalView } from './journal-format.js';

export { applyDurably, JOURNAL_DIR, type JournalOp, type JournalView } from './journal-format.js';
export { readJournalSnapshot } from './journal-pending.js';

/*
 * A write-ahead journal with group commit for the file store. Every change (a record written or
 * removed, an index marker added or removed) is appended to the journal first; one synchronous
 * append makes a whole batch durable (everything committed in one turn of the event loop), and
 * only then is every caller in the batch told that its write is done. Many turns at once thus
 * share one disk flush instead of paying two to five each, and nobody is told "saved" before the
 * data is safe.
 *
 * The record files are written afterwards, in the background (each one durably, as before the
 * journal), newest value per file only. Until then reads are answered from the journal's pending
 * changes, so readers never see an older value. A segment is deleted once every change in it (and
 * in the segments before it) is in its file. Opening reads back what a crash (or a stop that did
 * not wait for every file) left, as pending changes, before anything is read.
 */

/** A new segment is started once the current one is this big. */
const SEGMENT_BYTES = 8 * 1024 * 1024;
/** How many files the background writer writes at the same time while the bot serves, and when draining. */
const APPLY_AT_ONCE = 2;
const DRAIN_AT_ONCE = 16;
/** More changes than this waiting for their files makes new commits wait (memory stays bounded). */
const MAX_PENDING = 50_000;
const RETRY_MS = 1_000;

export class Journal implements JournalView {
  readonly #dir: string;
  readonly #writer = new SegmentWriter();
  #segment: number;
  /** Segment numbers still on disk, oldest first (the last is the one being written). */
  readonly #segments: number[];
  /** Per segment: how many of its changes are neither in their file yet nor replaced by a newer change. */
  readonly #open = new Map<number, number>();

  #batch: string[] = [];
  #batchOps: JournalOp[] = [];
  #batchWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  #flushing: Promise<void> | undefined;
  #rotateBeforeNextWrite = false;

  /** Changes that are durable in the journal but not yet in their file. */
  readonly #pending = new PendingChanges();
  readonly #applying = new Set<string>();
  #applier: Promise<void> | undefined;
  #applyError: unknown;
  #applyWaiters: Array<() => void> = [];
  #closed = false;
  #draining = false;
  #stopApplying = false;
  /** How many batches were flushed (each: one synchronous append), for tests. */
  flushes = 0;

  private constructor(
    readonly root: string,
    found: number[],
    private readonly segmentBytes: number,
  ) {
    this.#dir = join(root, JOURNAL_DIR);
    this.#segment = (found.at(-1) ?? 0) + 1;
    this.#segments = [...found, this.#segment];
  }

  /**
   * Opens the journal of a data directory. What an earlier run left in it (a crash, or a stop that
   * did not wait for every file) is read back as pending changes, in order: reads see it at once and
   * the background writer puts it in the files, so opening does not wait for those writes. New
   * changes go to a new segment. Returns the journal and how many changes were read back.
   */
  static async open(root: string, options: { segmentBytes?: number } = {}): Promise<{ journal: Journal; replayed: number }> {
    await ensureDir(join(root, JOURNAL_DIR));
    const found = await readSegments(root);
    const journal = new Journal(root, found.map((s) => s.n), options.segmentBytes ?? SEGMENT_BYTES);
    let replayed = 0;
    for (const { n, ops } of found) {
      for (const op of ops) journal.#register(op, n);
      replayed += ops.length;
    }
    await journal.#writer.start(join(journal.#dir, segmentName(journal.#segment)));
    await journal.#dropDoneSegments();
    journal.#startApplier();
    return { journal, replayed };
  }

  /**
   * Appends the changes, in order, and resolves once they are durable (one synchronous append shared with
   * every other commit in the same batch). Rejects when the journal cannot be written: then the
   * changes count as not made (though a partly written batch may still be applied after a crash).
   */
  async commit(ops: JournalOp[]): Promise<void> {
    if (this.#closed) throw new Error(`the journal of ${this.root} is closed`);
    while (this.#pending.size > MAX_PENDING && this.#applyError === undefined) await this.#appliedSome();
    const done = new Promise<void>((resolve, reject) => this.#batchWaiters.push({ resolve, reject }));
    for (const op of ops) {
      this.#batch.push(journalLine(this.root, op));
      this.#batchOps.push(op);
    }
    this.#scheduleFlush();
    return done;
  }

  /** Flushes once this turn of the event loop is done: everything committed in it is one batch. */
  #scheduleFlush(): void {
    if (this.#flushing) return;
    this.#flushing = new Promise((resolve) => setImmediate(resolve))
      .then(() => this.#flush())
      .finally(() => {
        this.#flushing = undefined;
        // Commits made while the last batch was being confirmed.
        if (this.#batch.length > 0) this.#scheduleFlush();
      });
  }

  /** Resolves once nothing committed is waiting to be flushed. */
  async #flushed(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  pendingAt(path: string): JournalOp | undefined {
    return this.#pending.at(path)?.op;
  }

  pendingIn(dir: string): Iterable<[string, JournalOp]> {
    return this.#pending.inDir(dir);
  }

  pendingDirsUnder(root: string): string[] {
    return this.#pending.dirsUnder(root);
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
    await this.#flushed();
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

  /**
   * Refuses new commits, writes pending changes to their files for at most `drainMs`, and closes.
   * When all are written the segments go (a cleanly closed data directory has none); otherwise
   * they stay, and the next open reads them back: a stop need not wait for a long backlog.
   */
  async close(drainMs = 3_000): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#flushed();
    const stop = setTimeout(() => (this.#stopApplying = true), drainMs);
    this.#draining = true;
    try {
      while (this.#pending.size > 0 && !this.#stopApplying && this.#applyError === undefined) {
        this.#startApplier();
        await this.#applier;
      }
      // A write still under way finishes before the files are left alone.
      await this.#applier;
      await this.#dropDoneSegments();
    } finally {
      clearTimeout(stop);
      this.#stopApplying = true;
      await this.#writer.close();
    }
    if (this.#pending.size > 0) return;
    for (const n of this.#segments) await removeFileDurably(join(this.#dir, segmentName(n)));
    this.#segments.length = 0;
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
        if (this.#rotateBeforeNextWrite || this.#writer.size >= this.segmentBytes) await this.#rotate();
        await this.#writer.append(Buffer.from(text, 'utf8'));
        this.flushes++;
      } catch (error) {
        // What was written may end in a torn line: later batches go to a fresh segment, so replay
        // (which stops a segment at its first bad line) never skips a confirmed change.
        this.#rotateBeforeNextWrite = true;
        for (const w of waiters) w.reject(error);
        continue;
      }
      for (const op of ops) this.#register(op, this.#segment);
      for (const w of waiters) w.resolve();
      this.#startApplier();
    }
  }

  async #rotate(): Promise<void> {
    await this.#writer.close().catch(() => undefined);
    this.#segment++;
    this.#segments.push(this.#segment);
    this.#open.set(this.#segment, this.#open.get(this.#segment) ?? 0);
    await this.#writer.start(join(this.#dir, segmentName(this.#segment)));
    this.#rotateBeforeNextWrite = false;
  }

  #register(op: JournalOp, segment: number): void {
    const replaced = this.#pending.add({ op, segment });
    if (replaced) this.#settle(replaced);
    this.#open.set(segment, (this.#open.get(segment) ?? 0) + 1);
  }

  /** The change no longer needs its segment: it is in its file, or a newer change replaced it. */
  #settle(entry: Pending): void {
    this.#open.set(entry.segment, (this.#open.get(entry.segment) ?? 1) - 1);
  }

  #startApplier(): void {
    // Once closed, the files are left alone: another process may hold the data directory by then.
    if (this.#stopApplying) return;
    this.#applier ??= this.#applyAll().finally(() => {
      this.#applier = undefined;
    });
  }

  async #applyAll(): Promise<void> {
    while (!this.#stopApplying) {
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
    if (this.#pending.remove(entry)) this.#settle(entry);
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
