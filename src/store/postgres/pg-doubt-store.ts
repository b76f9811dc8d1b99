import type { Db } from './db.js';
import { KeyedQueue } from './keyed-queue.js';
import type { DoubtStore, StoredDoubt } from '../../core/doubts/doubt-store.js';
import { isStoredDoubt } from '../doubt-validation.js';

const INVALID = 'Cannot store doubt: it needs a non-empty string id, askerId, assigneeIds (string[]) and open (boolean).';

/**
 * Doubts in one table. The indexed fields are columns (asker, assignees as an array with a GIN
 * index, a partial index on open), the whole record is kept as written in `data`. One statement
 * per write, so a put is atomic and its indexes can never disagree with the record.
 */
export class PgDoubtStore<D extends StoredDoubt = StoredDoubt> implements DoubtStore<D> {
  readonly #writes = new KeyedQueue();

  constructor(private readonly db: Db) {}

  async get(id: string): Promise<D | undefined> {
    const { rows } = await this.db.query<{ data: D }>('SELECT data FROM doubts WHERE id = $1', [id]);
    return rows[0]?.data;
  }

  async put(doubt: D): Promise<void> {
    if (!isStoredDoubt(doubt)) throw new TypeError(INVALID);
    // Parameters are taken now: a caller changing the object after put() changes nothing stored.
    const params = [doubt.id, doubt.askerId, [...new Set(doubt.assigneeIds)], doubt.open, JSON.stringify(doubt)];
    await this.#writes.run(doubt.id, () => this.db.query(
      `INSERT INTO doubts (id, asker_id, assignee_ids, open, data) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET asker_id = EXCLUDED.asker_id, assignee_ids = EXCLUDED.assignee_ids,
         open = EXCLUDED.open, data = EXCLUDED.data, version = doubts.version + 1, updated_at = now()`,
      params,
    ));
  }

  async delete(id: string): Promise<void> {
    await this.#writes.run(id, () => this.db.query('DELETE FROM doubts WHERE id = $1', [id]));
  }

  listByAsker(askerId: string): Promise<D[]> {
    return this.#where('asker_id = $1', [askerId]);
  }

  listByAssignee(assigneeId: string): Promise<D[]> {
    return this.#where('assignee_ids @> ARRAY[$1::text]', [assigneeId]);
  }

  listOpen(): Promise<D[]> {
    return this.#where('open', []);
  }

  listAll(): Promise<D[]> {
    return this.#where('true', []);
  }

  async #where(condition: string, params: unknown[]): Promise<D[]> {
    // COLLATE "C": the same byte order as the other stores' sort by id.
    const { rows } = await this.db.query<{ data: D }>(`SELECT data FROM doubts WHERE ${condition} ORDER BY id COLLATE "C"`, params);
    return rows.map((r) => r.data);
  }
}
