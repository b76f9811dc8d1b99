import { join, resolve } from 'node:path';
import type { StoredDoubt } from '../core/doubts/doubt-store.js';
import { systemClock, type Clock, type IdGenerator } from '../core/shared/clock.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { ConversationRecord, DataStore, IdentityRecord, UserRecord } from './data-store.js';
import { ensureDir, removeFileDurably, writeFileDurably } from './durable-file.js';
import { FileDoubtStore } from './file-doubt-store.js';
import { FileFeedbackStore } from './file-feedback-store.js';
import { FileKeyValueStore } from './file-key-value-store.js';
import { FileTurnStateStorage } from './file-turn-state-storage.js';
import { Journal, readJournalSnapshot } from './journal.js';
import { Lifecycle } from './lifecycle.js';
import { ensureStoreFormat } from './store-format.js';
import { removeStaleTempFiles } from './stale-temp-files.js';

export type { ConversationRecord, DataStore, IdentityRecord, UserRecord } from './data-store.js';

export interface OpenDataStoreOptions {
  /** Timestamps in the lock and format files. */
  clock?: Clock;
  /** eTags for turn state; defaults to random UUIDs. */
  newETag?: IdGenerator;
}

/** The lowdb-backed DataStore, with maintenance extras. */
export interface FileDataStore<D extends StoredDoubt = StoredDoubt, C = ConversationRecord, U = UserRecord, O = unknown>
  extends DataStore<D, C, U, O> {
  readonly dir: string;
  doubts: FileDoubtStore<D>;
  /** The clean-up of temp files left by interrupted writes, started at open; resolves with how many went. */
  readonly staleTempCleanup: Promise<number>;
  /**
   * Writes every change the journal holds to its file now (the background writer does this anyway):
   * for tests and tools that look at the files themselves.
   */
  settle(): Promise<void>;
}

/** Sub-directories of the data directory, one per collection. */
export function dataLayout(dir: string) {
  return {
    doubts: join(dir, 'doubts'),
    conversations: join(dir, 'conversations'),
    users: join(dir, 'users'),
    identities: join(dir, 'identities'),
    onboarding: join(dir, 'onboarding'),
    feedback: join(dir, 'feedback'),
    turnState: join(dir, 'turn-state'),
    closedDoubts: join(dir, 'closed-doubts'),
  };
}

/**
 * Opens (creating if needed) the data directory. Refuses with StoreLockedError when
 * another live process has it open, and with StoreCorruptionError (naming the file)
 * when its format file is unreadable. Opening does not scan records: its cost does
 * not grow with the data.
 */
export async function openDataStore<D extends StoredDoubt = StoredDoubt, C = ConversationRecord, U = UserRecord, O = unknown>(
  dir: string,
  options: OpenDataStoreOptions = {},
): Promise<FileDataStore<D, C, U, O>> {
  const root = resolve(dir);
  const clock = options.clock ?? systemClock;
  await ensureDir(root);
  // Wall time, not the injected clock: it is compared with file modification times, with a margin
  // for file systems that keep them to the second, so none of our own writes can look older.
  const openedAt = new Date(Date.now() - 2_000);
  const lock = await acquireDataDirLock(root, () => clock.now());
  let journal: Journal;
  try {
    await ensureStoreFormat(root, clock.now());
    // Changes a crash left in the journal reach their files before anything is read.
    ({ journal } = await Journal.open(root));
  } catch (error) {
    await lock.release();
    throw error;
  }
  const lifecycle = new Lifecycle(root);
  const layout = dataLayout(root);
  const probe = join(root, '.healthz-probe');
  const staleTempCleanup = removeStaleTempFiles(root, openedAt);
  return {
    kind: 'files',
    dir: root,
    staleTempCleanup,
    doubts: new FileDoubtStore<D>(root, lifecycle, journal),
    conversations: new FileKeyValueStore<C>(layout.conversations, lifecycle, journal),
    users: new FileKeyValueStore<U>(layout.users, lifecycle, journal),
    identities: new FileKeyValueStore<IdentityRecord>(layout.identities, lifecycle, journal),
    onboarding: new FileKeyValueStore<O>(layout.onboarding, lifecycle, journal),
    feedback: new FileFeedbackStore(layout.feedback, lifecycle, journal),
    closedDoubts: new FileKeyValueStore<string>(layout.closedDoubts, lifecycle, journal),
    turnState: new FileTurnStateStorage(layout.turnState, lifecycle, options.newETag, journal),
    settle: () => journal.drain(),
    async isWritable() {
      if (lifecycle.closed) return false;
      try {
        await writeFileDurably(probe, clock.now().toISOString());
        await removeFileDurably(probe);
        return await lock.stillHeld();
      } catch {
        return false;
      }
    },
    async close() {
      await staleTempCleanup;
      await lifecycle.close();
      try {
        // Every change reaches its file and the journal is removed before the lock is let go.
        await journal.close();
      } finally {
        await lock.release();
      }
    },
  };
}

/**
 * Read-only feedback of a data directory, without taking its lock: `npm run review` reads while
 * the bot keeps running. Safe because every record is its own file, replaced atomically, so a
 * reader sees a record whole or not at all; records still only in the journal are read from it.
 * This handle has no way to write.
 */
export function openFeedbackReader(dir: string): Pick<FileFeedbackStore, 'list'> {
  const root = resolve(dir);
  return {
    list: async (query) => new FileFeedbackStore(dataLayout(root).feedback, new Lifecycle(root), await readJournalSnapshot(root)).list(query),
  };
}
