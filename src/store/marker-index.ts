import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createMarkerDurably, removeFileDurably } from './durable-file.js';
import type { JournalOp, JournalView } from './journal.js';
import { encodeKey, isEncodedStem, shardOf } from './key-encoding.js';
import { listDir } from './record-collection.js';

/**
 * A secondary index kept as empty marker files: `<root>/<shard>/<bucket>/<record stem>`.
 * Adding or removing an entry touches one file, and listing a bucket reads one
 * directory, so both cost what that bucket holds, never what the whole store holds.
 * Entries are hints: readers re-check them against the record. With the data store's
 * journal, changes are durable in the journal first and listings include them.
 */
export class MarkerIndex {
  constructor(
    readonly root: string,
    private readonly journal?: JournalView,
  ) {}

  /** The change that adds an entry, to commit together with the record it points to. */
  addOp(bucket: string, recordStem: string): JournalOp {
    return { kind: 'mark', path: join(this.#bucketDir(bucket), recordStem) };
  }

  removeOp(bucket: string, recordStem: string): JournalOp {
    return { kind: 'remove', path: join(this.#bucketDir(bucket), recordStem) };
  }

  add(bucket: string, recordStem: string): Promise<void> {
    const op = this.addOp(bucket, recordStem);
    return this.journal ? this.journal.commit([op]) : createMarkerDurably(op.path);
  }

  remove(bucket: string, recordStem: string): Promise<void> {
    const op = this.removeOp(bucket, recordStem);
    return this.journal ? this.journal.commit([op]) : removeFileDurably(op.path);
  }

  /** Record stems in the bucket. */
  async list(bucket: string): Promise<string[]> {
    const dir = this.#bucketDir(bucket);
    const stems = new Set((await listDir(dir)).filter(isEncodedStem));
    for (const [name, op] of this.journal?.pendingIn(dir) ?? []) {
      if (op.kind === 'mark') stems.add(name);
      else stems.delete(name);
    }
    return [...stems];
  }

  async has(bucket: string, recordStem: string): Promise<boolean> {
    const path = join(this.#bucketDir(bucket), recordStem);
    const pending = this.journal?.pendingAt(path);
    if (pending) return pending.kind === 'mark';
    try {
      await access(path);
      return true;
    } catch {
      return false;
    }
  }

  #bucketDir(bucket: string): string {
    return markerBucketDir(this.root, bucket);
  }
}

/** Directory holding a bucket's markers: `<root>/<shard>/<encoded bucket>`. */
export function markerBucketDir(root: string, bucket: string): string {
  const stem = encodeKey(bucket);
  return join(root, shardOf(stem), stem);
}
