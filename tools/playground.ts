/**
 * Starts the Microsoft 365 Agents Playground against a bot that is already running:
 *   npx tsx tools/playground.ts [--endpoint http://127.0.0.1:3978/api/messages] [--port 56150] [--config file.yml] [--open]
 * (`npm start` starts bot and Playground together; use this when the bot runs elsewhere, e.g. `npm run serve`.)
 */
import { parseArgs } from 'node:util';
import { PlaygroundError, startPlayground } from '../src/infra/playground.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      endpoint: { type: 'string', default: 'http://127.0.0.1:3978/api/messages' },
      port: { type: 'string', default: '56150' },
      config: { type: 'string' },
      open: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PlaygroundError(`--port moet een poortnummer zijn (kreeg "${values.port}").`);
  const playground = await startPlayground({ botEndpoint: values.endpoint, port, configFile: values.config, openBrowser: values.open });
  console.log(`Agents Playground: ${playground.url}  ->  bot ${values.endpoint}\n(stoppen: Ctrl+C)`);
  const stop = () => {
    void playground.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
