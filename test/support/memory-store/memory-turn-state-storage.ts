import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { IdGenerator } from '../../../src/core/shared/clock.js';
import { assertKeys, eTagConflictError, mayOverwrite } from '../../../src/store/etag-storage.js';

/**
 * In-memory botbuilder Storage with the file store's behaviour. As in MemoryStorage,
 * a write with one stale key still saves its other keys, then rejects.
 */
export class MemoryTurnStateStorage implements Storage {
  readonly #items = new Map<string, string>();

  constructor(private readonly newETag: IdGenerator = randomUUID) {}

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys, 'reading');
    const items: StoreItems = {};
    for (const key of keys) {
      const text = this.#items.get(key);
      if (text !== undefined) items[key] = JSON.parse(text) as unknown;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    let conflict: Error | undefined;
    for (const [key, item] of Object.entries(changes) as [string, StoreItem][]) {
      const text = this.#items.get(key);
      const stored = text === undefined ? undefined : (JSON.parse(text) as StoreItem);
      if (!mayOverwrite(stored, item)) {
        conflict ??= eTagConflictError(key);
        continue;
      }
      this.#items.set(key, JSON.stringify({ ...item, eTag: this.newETag() }));
    }
    if (conflict) throw conflict;
  }

  async delete(keys: string[]): Promise<void> {
    assertKeys(keys, 'deleting');
    for (const key of keys) this.#items.delete(key);
  }
}
