/**
 * Coordination between several instances on one database. The embedded store has one process
 * per DATA_DIR and needs none of it; the PostgreSQL store implements it, so two instances behave
 * as one bot.
 */
export interface SharedLocks {
  /** Runs `work` while holding the lock for `key` in every instance (waits for it). */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  /**
   * Claims one piece of work (a proactive delivery) for this instance. False when another instance
   * holds it; a claim left by an instance that died expires after `ttlMs`, so another retries it.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim up (done, or failed and to be retried). */
  release(key: string): Promise<void>;
  /** True for at most one caller per interval across all instances (the periodic sweep). */
  claimInterval(name: string, intervalMs: number): Promise<boolean>;
  /** Adds `delta` to a counter all instances share (created at 0) and returns its new total. */
  addToCounter(name: string, delta: number): Promise<number>;
}
