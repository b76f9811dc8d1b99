import type { KeyValueStore } from '../../../src/core/shared/key-value-store.js';

/** In-memory KeyValueStore for tests; values are copied in and out like the file store. */
export class MemoryKeyValueStore<T> implements KeyValueStore<T> {
  readonly #items = new Map<string, string>();

  async get(key: string): Promise<T | undefined> {
    const text = this.#items.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async put(key: string, value: T): Promise<void> {
    if (value === undefined) throw new TypeError(`Cannot store undefined under key ${JSON.stringify(key)}; use delete().`);
    this.#items.set(key, JSON.stringify(value));
  }

  async delete(key: string): Promise<void> {
    this.#items.delete(key);
  }

  async keys(): Promise<string[]> {
    return [...this.#items.keys()].sort();
  }
}
