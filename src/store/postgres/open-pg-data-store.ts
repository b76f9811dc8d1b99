import type { StoredDoubt } from '../../core/doubts/doubt-store.js';
import type { IdGenerator } from '../../core/shared/clock.js';
import type { ConversationRecord, DataStore, IdentityRecord, UserRecord } from '../data-store.js';
import { createPool } from './db.js';
import { assertSchemaCurrent } from './migrations.js';
import { PgDoubtStore } from './pg-doubt-store.js';
import { PgFeedbackStore } from './pg-feedback-store.js';
import { PgKeyValueStore } from './pg-key-value-store.js';
import { PgLocks } from './pg-locks.js';
import { PgTurnStateStorage } from './pg-turn-state-storage.js';

export interface OpenPgDataStoreOptions {
  /** eTags for turn state; defaults to random UUIDs. */
  newETag?: IdGenerator;
  /** Told about connections the server dropped while idle (the pool replaces them). */
  onConnectionError?: (error: Error) => void;
}

/** The key_values kinds, one per key-value store (also what `npm run db:import` counts). */
export const KEY_VALUE_KINDS = ['conversations', 'users', 'identities', 'onboarding', 'closedDoubts'] as const;

/**
 * Opens the PostgreSQL-backed DataStore. Refuses (SchemaVersionError, naming `npm run db:migrate`)
 * when the schema is older or newer than this code. Several processes may open the same database.
 */
export async function openPgDataStore<D extends StoredDoubt = StoredDoubt, C = ConversationRecord, U = UserRecord, O = unknown>(
  url: string,
  options: OpenPgDataStoreOptions = {},
): Promise<DataStore<D, C, U, O>> {
  const { pool, db } = createPool(url, options.onConnectionError ?? (() => undefined));
  try {
    await assertSchemaCurrent(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  const locks = new PgLocks(url, db);
  return {
    kind: 'postgresql',
    locks,
    doubts: new PgDoubtStore<D>(db),
    conversations: new PgKeyValueStore<C>(db, 'conversations'),
    users: new PgKeyValueStore<U>(db, 'users'),
    identities: new PgKeyValueStore<IdentityRecord>(db, 'identities'),
    onboarding: new PgKeyValueStore<O>(db, 'onboarding'),
    feedback: new PgFeedbackStore(db),
    closedDoubts: new PgKeyValueStore<string>(db, 'closedDoubts'),
    turnState: new PgTurnStateStorage(db, options.newETag),
    async isWritable() {
      if (closed) return false;
      try {
        // A replica in recovery answers SELECTs but refuses writes: ask for what matters.
        const { rows } = await db.query<{ ro: boolean }>('SELECT pg_is_in_recovery() AS ro');
        return rows[0]?.ro === false;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await locks.close();
      await pool.end();
    },
  };
}
