import { basename, dirname, sep } from 'node:path';
import { readSegments, type JournalOp, type JournalView } from './journal-format.js';

/** A change the journal holds durably, and the segment it is in. */
export interface Pending {
  op: JournalOp;
  segment: number;
}

/** The journal's changes not yet in their files: newest per file, and per directory for listings. */
export class PendingChanges {
  readonly #byPath = new Map<string, Pending>();
  readonly #byDir = new Map<string, Map<string, Pending>>();

  get size(): number {
    return this.#byPath.size;
  }

  at(path: string): Pending | undefined {
    return this.#byPath.get(path);
  }

  /** Oldest first (by when a file first got a pending change). */
  values(): IterableIterator<Pending> {
    return this.#byPath.values();
  }

  /** Adds the change; returns the one it replaces (an older change of the same file), if any. */
  add(entry: Pending): Pending | undefined {
    const path = entry.op.path;
    const replaced = this.#byPath.get(path);
    this.#byPath.set(path, entry);
    const dir = dirname(path);
    let inDir = this.#byDir.get(dir);
    if (!inDir) this.#byDir.set(dir, (inDir = new Map<string, Pending>()));
    inDir.set(basename(path), entry);
    return replaced;
  }

  /** Removes the change if it is still the newest of its file; true when it was. */
  remove(entry: Pending): boolean {
    const path = entry.op.path;
    if (this.#byPath.get(path) !== entry) return false;
    this.#byPath.delete(path);
    const dir = dirname(path);
    const inDir = this.#byDir.get(dir);
    inDir?.delete(basename(path));
    if (inDir?.size === 0) this.#byDir.delete(dir);
    return true;
  }

  *inDir(dir: string): Iterable<[string, JournalOp]> {
    for (const [name, entry] of this.#byDir.get(dir) ?? []) yield [name, entry.op];
  }

  dirsUnder(root: string): string[] {
    const prefix = root.endsWith(sep) ? root : root + sep;
    return [...this.#byDir.keys()].filter((d) => d === root || d.startsWith(prefix));
  }
}

/**
 * What the journal of a data directory holds right now, read without its lock by another process
 * (the review tool, while the bot runs): the changes not yet in their files, newest per file.
 * Read-only: commit refuses. A segment the bot deletes meanwhile was in the files already.
 */
export async function readJournalSnapshot(root: string): Promise<JournalView> {
  const pending = new PendingChanges();
  for (const { n, ops } of await readSegments(root)) for (const op of ops) pending.add({ op, segment: n });
  return {
    commit: () => Promise.reject(new Error(`read-only view of the journal of ${root}`)),
    pendingAt: (path) => pending.at(path)?.op,
    pendingIn: (dir) => pending.inDir(dir),
    pendingDirsUnder: (under) => pending.dirsUnder(under),
  };
}
