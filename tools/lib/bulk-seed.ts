import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StoredDoubt } from '../../src/core/doubts/doubt-store.js';
import { doubtLayout, OPEN_BUCKET } from '../../src/store/file-doubt-store.js';
import { encodeKey } from '../../src/store/key-encoding.js';
import { markerBucketDir } from '../../src/store/marker-index.js';
import { recordPath } from '../../src/store/record-collection.js';

/** What to pre-fill a fresh data directory with. */
export interface SeedData {
  doubts?: Iterable<StoredDoubt>;
  users?: Iterable<[string, unknown]>;
  turnState?: Iterable<[string, Record<string, unknown>]>;
}

/**
 * Fills a data directory that no store has open with the exact on-disk layout the
 * store writes, but synchronously and without fsync: for benchmarks and load tests
 * that need 100,000 records in seconds. Not crash-safe; never use on live data.
 */
export function seedDataDir(dir: string, data: SeedData): { files: number } {
  const madeDirs = new Set<string>();
  let files = 0;
  const write = (path: string, text: string) => {
    const parent = dirname(path);
    if (!madeDirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      madeDirs.add(parent);
    }
    writeFileSync(path, text);
    files++;
  };
  const writeRecord = (root: string, key: string, value: unknown) => write(recordPath(root, key), JSON.stringify({ key, value }));

  const doubts = doubtLayout(dir);
  for (const doubt of data.doubts ?? []) {
    const stem = encodeKey(doubt.id);
    write(join(markerBucketDir(doubts.byAsker, doubt.askerId), stem), '');
    for (const assignee of new Set(doubt.assigneeIds)) write(join(markerBucketDir(doubts.byAssignee, assignee), stem), '');
    if (doubt.open) write(join(markerBucketDir(doubts.open, OPEN_BUCKET), stem), '');
    writeRecord(doubts.records, doubt.id, doubt);
  }
  for (const [key, value] of data.users ?? []) writeRecord(join(dir, 'users'), key, value);
  for (const [key, item] of data.turnState ?? []) writeRecord(join(dir, 'turn-state'), key, { ...item, eTag: `seed-${files}` });
  return { files };
}
