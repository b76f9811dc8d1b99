import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-file.js';
import { StoreCorruptionError } from './store-errors.js';

/** Identifies a data directory's layout, so a future layout change is detected at start. */
export interface StoreFormat {
  format: 'mediawijs-data';
  version: number;
  createdAt: string;
}

export const STORE_FORMAT_FILE = 'store-format.json';
/**
 * 2: changes go through a journal (`journal/`) before their files. A version 1 directory is
 * upgraded when opened; a build that reads only version 1 refuses a version 2 directory, because
 * it would not apply what a crash left in the journal.
 */
export const STORE_FORMAT_VERSION = 2;
const UPGRADABLE_VERSIONS = [1];

const isFormat = (data: unknown): data is StoreFormat =>
  typeof data === 'object' && data !== null && (data as StoreFormat).format === 'mediawijs-data' && typeof (data as StoreFormat).version === 'number';

/** Creates the format file in a new directory, or checks it in an existing one. */
export async function ensureStoreFormat(dir: string, now: Date): Promise<void> {
  const path = join(dir, STORE_FORMAT_FILE);
  const db = new Low<StoreFormat | null>(new DurableJsonFile<StoreFormat | null>(path, isFormat), null);
  await db.read();
  if (db.data === null) {
    db.data = { format: 'mediawijs-data', version: STORE_FORMAT_VERSION, createdAt: now.toISOString() };
    await db.write();
    return;
  }
  if (UPGRADABLE_VERSIONS.includes(db.data.version)) {
    db.data = { ...db.data, version: STORE_FORMAT_VERSION };
    await db.write();
    return;
  }
  if (db.data.version !== STORE_FORMAT_VERSION) {
    throw new StoreCorruptionError(path, `layout version ${db.data.version}, this build reads version ${STORE_FORMAT_VERSION}`);
  }
}
