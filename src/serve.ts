import { configFromEnvironment, startRuntime } from './composition-root.js';
import { exitOnStartFailure, installLastResortGuard } from './infra/last-resort.js';

/**
 * `npm run serve`: only the bot server, as deployed. It reads its settings from the environment only
 * (plus the file named by ENV_FILE, if any): never the local demo file.
 */
async function main(): Promise<void> {
  const config = configFromEnvironment();
  const runtime = await startRuntime(config);
  installLastResortGuard(runtime.logger);
  console.log(`Mediawijs (${runtime.orgs.join(', ')}) luistert op ${runtime.url}/api/messages`);
  // A signal handler cannot await: stop, then exit either way (1 when stopping failed).
  const shutdown = () => {
    runtime.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(exitOnStartFailure);
