/**
 * `npm run data:assign-board -- --org <id>`: moves the records of a single-board deployment (ORG)
 * into that board's part of the store, before the same DATA_DIR or database serves several boards
 * with TENANT_ORGS (see README, "Several boards in one deployment"). Stop the bot first (the data
 * directory is locked meanwhile; on PostgreSQL stop every instance). Running it again changes
 * nothing. Reads DATA_DIR / DATABASE_URL as the server does.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { configFromEnvironment, openStore } from '../src/composition-root.js';
import { assignToBoard } from '../src/store/assign-board.js';
import { listOrgs } from '../src/board/board-files.js';

const { values } = parseArgs({ options: { org: { type: 'string' } }, allowPositionals: false });
const config = configFromEnvironment();
const org = values.org?.trim().toLowerCase();
if (!org || !listOrgs(config.knowledgeDir).includes(org)) {
  console.error(`Geef het bestuur van de bestaande gegevens: --org <${listOrgs(config.knowledgeDir).join('|')}>`);
  process.exit(2);
}

try {
  const store = await openStore(config, pino({ level: 'warn' }));
  try {
    const moved = await assignToBoard(store, org);
    console.log(`Gegevens toegewezen aan ${org} (${store.kind ?? 'store'}):`);
    for (const [kind, n] of Object.entries(moved)) console.log(`  ${kind.padEnd(14)} ${n}`);
    console.log('Zet nu TENANT_ORGS (met de tenant van dit bestuur) in plaats van ORG en start de bot.');
  } finally {
    await store.close();
  }
} catch (error) {
  console.error(`Toewijzen mislukt: ${(error as Error).message}`);
  process.exitCode = 1;
}
