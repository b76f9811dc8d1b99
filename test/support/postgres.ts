import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../src/store/postgres/migrations.js';

/** The superuser URL of the test cluster, or '' when PostgreSQL is not available (tests then skip). */
export function pgAdminUrl(): string {
  return inject('pgAdminUrl') ?? '';
}

export const PG_SKIP_MESSAGE = 'PostgreSQL not available: install it (apt-get install postgresql) or set TEST_DATABASE_URL to run the PostgreSQL tests.';

export function warnIfNoPg(): void {
  if (!pgAdminUrl()) console.warn(PG_SKIP_MESSAGE);
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database (migrated unless `migrated: false`), dropped again by `drop()`. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const admin = pgAdminUrl();
  if (!admin) throw new Error(PG_SKIP_MESSAGE);
  const name = `mw_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client(admin);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = withDatabase(admin, name);
  if (options.migrated !== false) {
    const pool = new pg.Pool({ connectionString: url });
    try {
      await migrate(pool);
    } finally {
      await pool.end();
    }
  }
  return {
    url,
    async drop() {
      const c = new pg.Client(admin);
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
