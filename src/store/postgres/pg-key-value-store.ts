import type { Db } from './db.js';
import { KeyedQueue } from './keyed-queue.js';
import type { KeyValueStore } from '../../core/shared/key-value-store.js';

/** One kind of small durable map (users, conversations, ...) as rows of the shared key_values table. */
export class PgKeyValueStore<T> implements KeyValueStore<T> {
  readonly #writes = new KeyedQueue();

  constructor(
    private readonly db: Db,
    readonly kind: string,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ value: T }>('SELECT value FROM key_values WHERE kind = $1 AND key = $2', [this.kind, key]);
    return rows[0]?.value;
  }

  async put(key: string, value: T): Promise<void> {
    if (value === undefined) throw new TypeError(`Cannot store undefined under key ${JSON.stringify(key)}; use delete().`);
    const json = JSON.stringify(value);
    await this.#writes.run(key, () => this.db.query(
      `INSERT INTO key_values (kind, key, value) VALUES ($1, $2, $3)
       ON CONFLICT (kind, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [this.kind, key, json],
    ));
  }

  async delete(key: string): Promise<void> {
    await this.#writes.run(key, () => this.db.query('DELETE FROM key_values WHERE kind = $1 AND key = $2', [this.kind, key]));
  }

  async keys(): Promise<string[]> {
    const { rows } = await this.db.query<{ key: string }>('SELECT key FROM key_values WHERE kind = $1 ORDER BY key COLLATE "C"', [this.kind]);
    return rows.map((r) => r.key);
  }
}
