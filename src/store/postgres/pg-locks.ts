import pg from 'pg';
import type { SharedLocks } from '../../core/shared/shared-locks.js';
import type { Db } from './db.js';

/** Advisory-lock class for per-record locks (class 0 holds MIGRATION_LOCK and friends). */
const RECORD_LOCK_CLASS = 1;

/**
 * SharedLocks on PostgreSQL. Record locks are session advisory locks held on a connection of their
 * own pool, so work under a lock can still use the main pool (no pool exhaustion by the lock
 * holders themselves); PostgreSQL frees them when an instance dies and its connection drops.
 * Claims and interval slots are rows, taken in one atomic statement.
 */
export class PgLocks implements SharedLocks {
  readonly #lockPool: pg.Pool;

  constructor(
    url: string,
    private readonly db: Db,
  ) {
    this.#lockPool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
    this.#lockPool.on('error', () => undefined);
  }

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const client = await this.#lockPool.connect();
    let healthy = true;
    try {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [RECORD_LOCK_CLASS, key]);
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [RECORD_LOCK_CLASS, key]).catch(() => {
          healthy = false;
        });
      }
    } finally {
      // A connection whose unlock failed is dropped: closing it frees whatever it still holds.
      client.release(!healthy);
    }
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO delivery_claims (key, claimed_at, expires_at) VALUES ($1, now(), now() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET claimed_at = now(), expires_at = EXCLUDED.expires_at WHERE delivery_claims.expires_at < now()`,
      [key, ttlMs],
    );
    return rowCount === 1;
  }

  async release(key: string): Promise<void> {
    await this.db.query('DELETE FROM delivery_claims WHERE key = $1', [key]);
  }

  async addToCounter(name: string, delta: number): Promise<number> {
    const { rows } = await this.db.query<{ value: string }>(
      `INSERT INTO shared_counters (name, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET value = shared_counters.value + EXCLUDED.value, updated_at = now()
       RETURNING value`,
      [name, Math.round(delta)],
    );
    return Number(rows[0]?.value ?? 0);
  }

  async claimInterval(name: string, intervalMs: number): Promise<boolean> {
    // A tenth of slack: timers of one instance drift a little, and must not skip their own turn.
    const { rowCount } = await this.db.query(
      `INSERT INTO job_runs (name, last_run_at) VALUES ($1, now())
       ON CONFLICT (name) DO UPDATE SET last_run_at = now() WHERE job_runs.last_run_at <= now() - $2 * interval '1 millisecond'`,
      [name, Math.round(intervalMs * 0.9)],
    );
    return rowCount === 1;
  }

  close(): Promise<void> {
    return this.#lockPool.end();
  }
}
