/**
 * `npm run db:migrate`: brings the PostgreSQL schema of DATABASE_URL to the version this Mediawijs
 * needs. Safe to run again and from several hosts at once (an advisory lock serialises it).
 */
import pg from 'pg';
import { configFromEnvironment } from '../src/composition-root.js';
import { currentSchemaVersion, migrate, requiredSchemaVersion } from '../src/store/postgres/migrations.js';

const config = configFromEnvironment();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is not set: there is no database to migrate (the embedded store in DATA_DIR needs no migration).');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 1 });
try {
  const before = await currentSchemaVersion(pool);
  const applied = await migrate(pool);
  console.log(
    applied.length === 0
      ? `Schema is already at version ${before}; nothing to do.`
      : `Schema migrated from version ${before} to ${requiredSchemaVersion()} (applied: ${applied.join(', ')}).`,
  );
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
