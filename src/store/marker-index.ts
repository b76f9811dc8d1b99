import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createMarkerDurably, removeFileDurably } from './durable-file.js';
import { encodeKey, isEncodedStem, shardOf } from './key-encoding.js';
import { listDir } from './record-collection.js';

/**
 * A secondary index kept as empty marker files: `<root>/<shard>/<bucket>/<record stem>`.
 * Adding or removing an entry touches one file, and listing a bucket reads one
 * directory, so both cost what that bucket holds, never what the whole store holds.
 * Entries are hints: readers re-check them against the record.
 */
export class MarkerIndex {
  constructor(readonly root: string) {}

  add(bucket: string, recordStem: string): Promise<void> {
    return createMarkerDurably(join(this.#bucketDir(bucket), recordStem));
  }

  remove(bucket: string, recordStem: string): Promise<void> {
    return removeFileDurably(join(this.#bucketDir(bucket), recordStem));
  }

  /** Record stems in the bucket. */
  async list(bucket: string): Promise<string[]> {
    return (await listDir(this.#bucketDir(bucket))).filter(isEncodedStem);
  }

  async has(bucket: string, recordStem: string): Promise<boolean> {
    try {
      await access(join(this.#bucketDir(bucket), recordStem));
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
