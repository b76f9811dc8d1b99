import pg from 'pg';
import { StoreUnavailableError } from '../store-errors.js';

/** What the stores need from the database: one query at a time, each on any pooled connection. */
export interface Db {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** SQLSTATE classes that mean "the database is not there right now", not "this statement is wrong". */
const UNAVAILABLE_STATES = /^(08|53|57P|58)/;
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);

/** Whether an error from pg means the database could not be reached (as opposed to a bad statement). */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(error.message);
}

/**
 * A pool whose connection failures surface as StoreUnavailableError, so the bot can tell the user
 * "probeer het zo nog eens" instead of a generic error. The pool reconnects by itself: a database
 * that goes away and comes back needs no restart.
 */
export function createPool(url: string, onIdleError: (error: Error) => void): { pool: pg.Pool; db: Db } {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Fail a turn within seconds instead of letting Teams' 15 s window run out.
    connectionTimeoutMillis: 5_000,
    query_timeout: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server is reported here; without a listener it would crash the process.
  pool.on('error', onIdleError);
  const db: Db = {
    async query<R extends pg.QueryResultRow>(text: string, params?: unknown[]) {
      try {
        return await pool.query<R>(text, params);
      } catch (error) {
        if (isUnavailable(error)) throw new StoreUnavailableError((error as Error).message);
        throw error;
      }
    },
  };
  return { pool, db };
}
