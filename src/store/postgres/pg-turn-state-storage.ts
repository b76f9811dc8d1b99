import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Db } from './db.js';
import type { IdGenerator } from '../../core/shared/clock.js';
import { assertKeys, eTagConflictError } from '../etag-storage.js';

/**
 * botbuilder Storage for teams-ai turn state. The eTag check is part of the UPDATE itself, so two
 * instances handling turns of one conversation at once cannot both win: the second gets the same
 * eTag conflict as with MemoryStorage. Other keys of a write are still saved, as there.
 */
export class PgTurnStateStorage implements Storage {
  constructor(
    private readonly db: Db,
    private readonly newETag: IdGenerator = randomUUID,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys, 'reading');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const { rows } = await this.db.query<{ key: string; etag: string; value: StoreItem }>(
      'SELECT key, etag, value FROM turn_state WHERE key = ANY($1::text[])',
      [keys],
    );
    for (const row of rows) items[row.key] = { ...row.value, eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const results = await Promise.allSettled(Object.entries(changes).map(([key, item]) => this.#writeOne(key, item as StoreItem)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async delete(keys: string[]): Promise<void> {
    assertKeys(keys, 'deleting');
    if (keys.length > 0) await this.db.query('DELETE FROM turn_state WHERE key = ANY($1::text[])', [keys]);
  }

  async #writeOne(key: string, item: StoreItem): Promise<void> {
    const { eTag: expected, ...value } = item;
    const eTag = this.newETag();
    const json = JSON.stringify(value);
    if (!expected || expected === '*') {
      await this.db.query(
        `INSERT INTO turn_state (key, etag, value) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET etag = EXCLUDED.etag, value = EXCLUDED.value, updated_at = now()`,
        [key, eTag, json],
      );
      return;
    }
    const updated = await this.db.query('UPDATE turn_state SET etag = $2, value = $3, updated_at = now() WHERE key = $1 AND etag = $4', [key, eTag, json, expected]);
    if (updated.rowCount === 1) return;
    // No row with that eTag: a key never stored may be written with any eTag (MemoryStorage's rule).
    const inserted = await this.db.query('INSERT INTO turn_state (key, etag, value) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING', [key, eTag, json]);
    if (inserted.rowCount !== 1) throw eTagConflictError(key);
  }
}
