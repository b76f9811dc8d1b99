import type { StoreItem } from 'botbuilder';
import type { StoredDoubt } from '../../core/doubts/doubt-store.js';
import type { KeyValueStore } from '../../core/shared/key-value-store.js';
import { isStoredDoubt } from '../doubt-validation.js';
import { doubtLayout } from '../file-doubt-store.js';
import { dataLayout, openDataStore } from '../open-data-store.js';
import { RecordCollection } from '../record-collection.js';
import { createPool } from './db.js';
import { assertSchemaCurrent } from './migrations.js';
import { KEY_VALUE_KINDS } from './open-pg-data-store.js';

/** Records per kind, as `npm run db:import` prints them. */
export type KindCounts = Record<'doubts' | (typeof KEY_VALUE_KINDS)[number] | 'feedback' | 'turnState', number>;

export interface ImportReport {
  /** What the data directory holds. */
  source: KindCounts;
  /** What the database held before and after. */
  before: KindCounts;
  after: KindCounts;
  /** Records written now (rows the database did not have yet). */
  inserted: KindCounts;
}

const isItem = (value: unknown): value is StoreItem => typeof value === 'object' && value !== null;

/**
 * Copies an embedded store (DATA_DIR) into PostgreSQL. It takes the data directory's lock, so the
 * bot must be stopped (its files cannot change meanwhile). A record the database has already is
 * left as it is: running it twice changes nothing, and it never overwrites what an instance on
 * PostgreSQL has changed since.
 */
export async function importDataDir(dir: string, url: string): Promise<ImportReport> {
  const source = await openDataStore(dir);
  // What the journal still holds goes to its files first: the copy below reads the files.
  await source.settle();
  const { pool } = createPool(url, () => undefined);
  try {
    await assertSchemaCurrent(pool);
    const before = await countDatabase(pool);
    const counts = emptyCounts();
    const inserted = emptyCounts();
    const client = await pool.connect();
    const insert = async (kind: keyof KindCounts, text: string, params: unknown[]) => {
      counts[kind] += 1;
      inserted[kind] += (await client.query(text, params)).rowCount ?? 0;
    };
    try {
      // One transaction: a failure half-way leaves the database as it was, and the run can be repeated.
      await client.query('BEGIN');
      const doubts = new RecordCollection<StoredDoubt>(doubtLayout(dir).records, isStoredDoubt);
      for (const stem of await doubts.stems()) {
        const d = await doubts.getByStem(stem);
        if (!d) continue;
        await insert('doubts', 'INSERT INTO doubts (id, asker_id, assignee_ids, open, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING', [
          d.id,
          d.askerId,
          [...new Set(d.assigneeIds)],
          d.open,
          JSON.stringify(d),
        ]);
      }
      for (const kind of KEY_VALUE_KINDS) {
        const store = source[kind] as KeyValueStore<unknown>;
        for (const key of await store.keys()) {
          const value = await store.get(key);
          if (value === undefined) continue;
          await insert(kind, 'INSERT INTO key_values (kind, key, value) VALUES ($1, $2, $3) ON CONFLICT (kind, key) DO NOTHING', [kind, key, JSON.stringify(value)]);
        }
      }
      for (const f of await source.feedback.list()) {
        await insert('feedback', 'INSERT INTO feedback (id, at, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [f.id, new Date(Date.parse(f.at)), JSON.stringify(f)]);
      }
      const turnState = new RecordCollection<StoreItem>(dataLayout(dir).turnState, isItem);
      for (const key of await turnState.keys()) {
        const item = await turnState.get(key);
        if (!item) continue;
        const { eTag, ...value } = item;
        await insert('turnState', 'INSERT INTO turn_state (key, etag, value) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING', [key, String(eTag ?? '*'), JSON.stringify(value)]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return { source: counts, before, after: await countDatabase(pool), inserted };
  } finally {
    await pool.end();
    await source.close();
  }
}

function emptyCounts(): KindCounts {
  return { doubts: 0, conversations: 0, users: 0, identities: 0, onboarding: 0, closedDoubts: 0, feedback: 0, turnState: 0 };
}

async function countDatabase(pool: { query: (text: string) => Promise<{ rows: { kind: string; n: string }[] }> }): Promise<KindCounts> {
  const counts = emptyCounts();
  const { rows } = await pool.query(
    `SELECT 'doubts' AS kind, count(*) AS n FROM doubts
     UNION ALL SELECT kind, count(*) FROM key_values GROUP BY kind
     UNION ALL SELECT 'feedback', count(*) FROM feedback
     UNION ALL SELECT 'turnState', count(*) FROM turn_state`,
  );
  for (const row of rows) if (row.kind in counts) counts[row.kind as keyof KindCounts] = Number(row.n);
  return counts;
}
