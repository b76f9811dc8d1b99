import { createApp } from '../../src/app/create-app.js';
import { buildDeps, configFromEnvironment } from '../../src/composition-root.js';
import { createHttpServer, listen } from '../../src/http/server.js';
import { freePort } from '../lib/bot-process.js';

/**
 * The bot as startRuntime wires it (without the maintenance timer), with the answering core timed
 * inside each turn: the benchmark can then tell the answer's share of a round trip from the rest
 * of the turn (HTTP, turn state, bookkeeping, cards), the part this repository can make cheaper
 * without touching retrieval.
 */
export async function startTimedAnswerBot(dataDir: string, env: Record<string, string> = {}): Promise<{ url: string; answerTimes: number[]; stop(): Promise<void> }> {
  const config = configFromEnvironment({ PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const deps = await buildDeps(config);
  const answerTimes: number[] = [];
  const answer = deps.answer.bind(deps);
  // One question at a time: answered on the main thread, as the server answers a lone question.
  deps.answer = async (question) => {
    const started = performance.now();
    try {
      return await answer(question);
    } finally {
      answerTimes.push(performance.now() - started);
    }
  };
  const bot = createApp(deps);
  const server = createHttpServer({ bot, config, logger: deps.logger, orgs: [deps.board.org], isStoreWritable: () => deps.store.isWritable() });
  const port = await listen(server, config.port, config.host);
  return {
    url: `http://${config.host}:${port}`,
    answerTimes,
    stop: async () => {
      await new Promise<void>((resolve) => { server.close(() => resolve()); });
      await deps.store.close();
    },
  };
}
