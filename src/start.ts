import { configFromEnvironment, startRuntime } from './composition-root.js';
import { startPlayground } from './infra/playground.js';
import { exitOnStartFailure, installLastResortGuard } from './infra/last-resort.js';

/**
 * `npm start`: locally (no BOT_ID) the bot on 127.0.0.1 plus a chat in the Microsoft 365 Agents
 * Playground; with BOT_ID set, only the bot server, as in production.
 */
async function main(): Promise<void> {
  // The local demo settings belong to this command alone, and only without a bot registration.
  const config = configFromEnvironment(undefined, { localDemo: true });
  // Locally a person reads the logs in a terminal; deployed, a log collector reads JSON.
  const runtime = await startRuntime(config, { prettyLogs: config.mode === 'local' });
  installLastResortGuard(runtime.logger);
  const endpoint = `${runtime.url}/api/messages`;
  if (config.mode === 'deployed') {
    console.log(`Mediawijs (${runtime.orgs.join(', ')}) luistert op ${endpoint}`);
    return onShutdown(() => runtime.stop());
  }
  const playground = await startPlayground({ botEndpoint: endpoint, port: config.playgroundPort });
  console.log(`\nMediawijs (${runtime.orgs.join(', ')}) draait lokaal op ${endpoint}`);
  console.log(`Open de chat in de Agents Playground: ${playground.url}\n(stoppen: Ctrl+C)`);
  onShutdown(async () => {
    await playground.stop();
    await runtime.stop();
  });
}

function onShutdown(stop: () => Promise<void>): void {
  const handler = () => {
    // Exit even when stopping fails: a half-stopped bot must not keep the port.
    void stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

main().catch(exitOnStartFailure);
