/**
 * `npm run db:import -- --from ./data`: copies an embedded store into the PostgreSQL database of
 * DATABASE_URL and prints the records per kind before and after. Stop the bot first (the data
 * directory is locked meanwhile). Records the database already has are left alone, so a second
 * run changes nothing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnvironment, ROOT_DIR } from '../src/composition-root.js';
import { importDataDir, type KindCounts } from '../src/store/postgres/import-data-dir.js';

const { values } = parseArgs({ options: { from: { type: 'string' } }, allowPositionals: false });
const config = configFromEnvironment();
if (!config.databaseUrl) {
  console.error('Set DATABASE_URL to the PostgreSQL database to import into (run `npm run db:migrate` first).');
  process.exit(2);
}
const from = values.from ? path.resolve(process.cwd(), values.from) : config.dataDir;

try {
  const report = await importDataDir(from, config.databaseUrl);
  const kinds = Object.keys(report.source) as (keyof KindCounts)[];
  console.log(`Import from ${path.relative(ROOT_DIR, from) || '.'}:`);
  console.log(['kind'.padEnd(14), 'in DATA_DIR', 'db before', 'db after', 'inserted'].join('  '));
  for (const kind of kinds) {
    console.log([kind.padEnd(14), String(report.source[kind]).padStart(11), String(report.before[kind]).padStart(9), String(report.after[kind]).padStart(8), String(report.inserted[kind]).padStart(8)].join('  '));
  }
  const missing = kinds.filter((k) => report.after[k] < report.source[k]);
  if (missing.length > 0) {
    console.error(`Fewer records in the database than in DATA_DIR for: ${missing.join(', ')}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`Import failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
