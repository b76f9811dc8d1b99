/**
 * A small durable map. Implemented with lowdb (src/store) and in memory (tests);
 * a later server database implements the same interface.
 * Every write is durable when the promise resolves.
 */
export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** All keys; meant for maintenance jobs (retention sweeps), not for the hot path. */
  keys(): Promise<string[]>;
}
