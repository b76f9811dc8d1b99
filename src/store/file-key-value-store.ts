import type { KeyValueStore } from '../core/shared/key-value-store.js';
import { encodeKey } from './key-encoding.js';
import type { JournalView } from './journal.js';
import type { Lifecycle } from './lifecycle.js';
import { RecordCollection } from './record-collection.js';

const isPresent = (value: unknown): value is never => value !== undefined;

/** A KeyValueStore with one small file per key (see RecordCollection), so writes stay cheap at any size. */
export class FileKeyValueStore<T> implements KeyValueStore<T> {
  readonly #records: RecordCollection<T>;

  constructor(
    root: string,
    private readonly lifecycle: Lifecycle,
    journal?: JournalView,
  ) {
    this.#records = new RecordCollection<T>(root, isPresent, journal);
  }

  get(key: string): Promise<T | undefined> {
    return this.lifecycle.run(() => this.#records.get(key));
  }

  put(key: string, value: T): Promise<void> {
    if (value === undefined) return Promise.reject(new TypeError(`Cannot store undefined under key ${JSON.stringify(key)}; use delete().`));
    return this.lifecycle.run(() =>
      this.#records.exclusive(encodeKey(key), async () => {
        // Reading first means a corrupt file stops the write instead of being overwritten.
        await this.#records.get(key);
        await this.#records.put(key, value);
      }),
    );
  }

  delete(key: string): Promise<void> {
    return this.lifecycle.run(() =>
      this.#records.exclusive(encodeKey(key), async () => {
        await this.#records.get(key);
        await this.#records.delete(key);
      }),
    );
  }

  keys(): Promise<string[]> {
    return this.lifecycle.run(() => this.#records.keys());
  }
}
