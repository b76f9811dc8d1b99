import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** One versioned migration: `migrations/NNN-name.sql`, applied in one transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The migrations shipped with this Mediawijs, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file.replace(/\.sql$/, ''), sql: readFileSync(join(dir, file), 'utf8') }));
}

/** The schema version this code needs. */
export function requiredSchemaVersion(): number {
  return Math.max(0, ...loadMigrations().map((m) => m.version));
}

/** The version the database is at (0 for an empty database). */
export async function currentSchemaVersion(db: pg.Pool | pg.PoolClient): Promise<number> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations') AS t`);
  if (!exists.rows[0]?.t) return 0;
  const { rows } = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** The database is at another schema version than this code needs; the message says what to do. */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';
  constructor(
    readonly found: number,
    readonly required: number,
  ) {
    super(
      found < required
        ? `the database schema is at version ${found}, this Mediawijs needs version ${required}. Run \`npm run db:migrate\` (with the same DATABASE_URL) and start again.`
        : `the database schema is at version ${found}, newer than this Mediawijs knows (${required}). Run the newer Mediawijs, or restore a backup made before its \`npm run db:migrate\`.`,
    );
  }
}

/** Refuses an older or newer schema, so no instance writes rows it does not understand. */
export async function assertSchemaCurrent(db: pg.Pool): Promise<void> {
  const found = await currentSchemaVersion(db);
  const required = requiredSchemaVersion();
  if (found !== required) throw new SchemaVersionError(found, required);
}

/**
 * Applies the migrations the database lacks, each in its own transaction, under an advisory lock
 * so two instances migrating at once do not both apply one. Returns the versions applied.
 */
export async function migrate(pool: pg.Pool, migrations = loadMigrations()): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const found = await currentSchemaVersion(client);
    const latest = Math.max(0, ...migrations.map((m) => m.version));
    if (found > latest) throw new SchemaVersionError(found, latest);
    for (const m of migrations.filter((m) => m.version > found)) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}

/** Advisory lock ids are one shared number space per database; these are Mediawijs' own. */
export const MIGRATION_LOCK = 0x4d570001;
export const MAINTENANCE_LOCK = 0x4d570002;
