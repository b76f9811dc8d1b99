/**
 * The bot server as src/serve.ts starts it, except that each distinct question is answered by the
 * answering core once and then from memory. The load benchmark runs it beside the real server to
 * tell what retrieval costs per message from what the rest of the turn (HTTP, Teams stack, store,
 * cards, logging) costs: only the latter is comparable with the echo bot.
 */
import { createApp } from '../../src/app/create-app.js';
import { buildDeps, configFromEnvironment } from '../../src/composition-root.js';
import { createHttpServer, listen } from '../../src/http/server.js';
import type { AnswerResult } from '../../src/core/answering/types.js';

const config = configFromEnvironment();
const deps = await buildDeps(config);
const answers = new Map<string, Promise<AnswerResult>>();
const answer = deps.answer.bind(deps);
deps.answer = (question) => {
  let result = answers.get(question);
  if (!result) answers.set(question, (result = answer(question)));
  return result;
};
const server = createHttpServer({ bot: createApp(deps), config, orgs: [deps.board.org], logger: deps.logger, isStoreWritable: () => deps.store.isWritable() });
await listen(server, config.port, config.host);
const stop = () => {
  server.close();
  void deps.store.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
