import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'restify';
import { createApp } from './app/create-app.js';
import type { AppDeps, AppStore } from './teams/deps.js';
import { loadConfig, type Config } from './config.js';
import { answerQuestion } from './core/answering/answer.js';
import { createSearchIndex } from './core/retrieval/index.js';
import { systemClock } from './core/shared/clock.js';
import { createHttpServer, listen } from './http/server.js';
import { listOrgs } from './board/board-files.js';
import { loadBoard } from './board/load-board.js';
import type { Board } from './board/board.js';
import { loadFirstNames, loadSwearWords, loadVocabulary } from './board/shared-lists.js';
import { createLogger, createPrettyLogger, type Logger } from './infra/logger.js';
import { environmentWithFile } from './infra/env-file.js';
import { openDataStore } from './store/open-data-store.js';
import { startMaintenanceTimer } from './app/maintenance.js';
import { DoubtService } from './core/doubts/doubt-service.js';
import { createLeaderDirectory, createSelfLeaderDirectory, type LeaderDirectory } from './core/doubts/leader-directory.js';
import type { LeaderMapping } from './core/doubts/leader-mapping.js';
import type { Clock, IdGenerator } from './core/shared/clock.js';
import { createGraphManagerDirectory, type GraphDirectory } from './infra/graph-manager.js';
import { knownIdentitiesOver } from './teams/member-identity.js';
import { createShortAnswerer, type ShortAnswerer } from './core/ai/short-answer.js';
import { createTokenBudget } from './core/ai/budget.js';
import { wordsOf } from './core/privacy/mask.js';
import { createOpenAiChat } from './infra/open-ai-chat.js';

/** Repository root, where knowledge/, dialogs/ and the default data/ live. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Runtime {
  config: Config;
  logger: Logger;
  /** The boards served (organisation ids). */
  orgs: readonly string[];
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The local demo settings (anonymous mode, SELF_LEADER): read by `npm start` alone. */
const LOCAL_DEMO_ENV_FILE = 'env/.env.local';

/**
 * Reads the configuration from the environment, validated once against the available boards.
 * `ENV_FILE` names a settings file to read as well (the environment wins). With `localDemo` (only
 * `npm start`) and neither ENV_FILE nor BOT_ID set, the local demo file is read; a production start
 * never reads it.
 */
export function configFromEnvironment(processEnv: Record<string, string | undefined> = process.env, options: { localDemo?: boolean } = {}): Config {
  const demo = options.localDemo && !processEnv.BOT_ID ? LOCAL_DEMO_ENV_FILE : undefined;
  const env = environmentWithFile(processEnv, processEnv.ENV_FILE || demo, ROOT_DIR);
  const knowledgeDir = path.resolve(ROOT_DIR, env.KNOWLEDGE_DIR || 'knowledge');
  return loadConfig(env, { rootDir: ROOT_DIR, knownOrgs: listOrgs(knowledgeDir) });
}

/** Loads the board's knowledge, dialogs and store: everything the bot needs, with real adapters. */
export async function buildDeps(config: Config, overrides: Partial<Pick<AppDeps, 'clock' | 'newId' | 'logger'>> = {}): Promise<AppDeps> {
  // Every file is read before the data-directory lock is taken: a broken one fails fast, naming the file.
  const board = loadBoard(config, config.org);
  const index = createSearchIndex(board.knowledge, loadVocabulary(path.join(config.knowledgeDir, 'vocabulary')), board);
  const posting = { swearWords: loadSwearWords(config.dialogsDir), extraNames: [] };
  const firstNames = loadFirstNames(config.dialogsDir);
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const store = await openStore(config, logger);
  const clock = overrides.clock ?? systemClock;
  const newId = overrides.newId ?? randomUUID;
  const graph = config.graph ? createGraphManagerDirectory({ ...config.graph, clock }) : undefined;
  const doubts = createDoubtService({ config, store, clock, newId, logger, ...(board.leaders ? { leaderMapping: board.leaders.mapping } : {}), ...(graph ? { graph } : {}) });
  const shortAnswer = shortAnswererFor(config, board, clock);
  return {
    posting,
    privacy: { firstNames },
    config,
    board,
    answer: (question) => answerQuestion(index, question),
    store,
    clock,
    newId,
    logger,
    doubts,
    ...(graph ? { identity: { graph } } : {}),
    ...(shortAnswer ? { shortAnswer } : {}),
  };
}

/** AI answers over the configured endpoint, or undefined when AI_* is not set (the default). */
function shortAnswererFor(config: Config, board: Board, clock: Clock): ShortAnswerer | undefined {
  if (!config.ai) return undefined;
  return createShortAnswerer({
    complete: createOpenAiChat(config.ai),
    budget: createTokenBudget(config.ai.dailyTokenBudget, clock),
    clock,
    organisation: board.organisation,
    sendPersonalData: config.ai.sendPersonalData,
    knownWords: wordsOf([board.organisation, board.title, ...board.knowledge.sections.map((s) => s.text)]),
  });
}

/** PostgreSQL when DATABASE_URL is set (refused unless its schema is current), else the embedded store in DATA_DIR. */
export async function openStore(config: Config, logger: Logger): Promise<AppStore> {
  if (!config.databaseUrl) return openDataStore(config.dataDir);
  // Loaded only when used: the embedded default never loads the PostgreSQL client.
  const { openPgDataStore } = await import('./store/postgres/open-pg-data-store.js');
  return openPgDataStore(config.databaseUrl, {
    // The pool replaces a dropped connection by itself; this is only worth a warning.
    onConnectionError: (err) => logger.warn({ event: 'db.connection_lost', err: { message: err.message } }),
  });
}

/** The doubts domain over the store, routed by the demo self-routing, the mapping file and/or Graph. */
export function createDoubtService(deps: {
  config: Config;
  store: AppStore;
  clock: Clock;
  newId: IdGenerator;
  logger: Logger;
  leaderMapping?: LeaderMapping;
  /** Microsoft Graph, when GRAPH_* settings are configured. */
  graph?: GraphDirectory;
}): DoubtService {
  const { config, store, logger } = deps;
  let directory: LeaderDirectory;
  if (config.selfLeader) directory = createSelfLeaderDirectory();
  else {
    const options: Parameters<typeof createLeaderDirectory>[0] = {};
    if (deps.leaderMapping) options.mapping = deps.leaderMapping;
    if (deps.graph) options.manager = deps.graph;
    directory = createLeaderDirectory(options);
  }
  return new DoubtService({
    store: store.doubts,
    clock: deps.clock,
    newId: deps.newId,
    directory,
    settings: { reminderWorkingDays: config.reminderWorkingDays, escalationWorkingDays: config.escalationWorkingDays, retentionMonths: config.retentionMonths },
    canReach: async (key) => (await store.conversations.get(key)) !== undefined,
    identities: knownIdentitiesOver(store),
    closedIndex: store.closedDoubts,
    ...(store.locks ? { sharedLock: store.locks.withLock.bind(store.locks) } : {}),
    onEvent: (e) => logger.info({ event: e.event, doubtId: e.doubtId, actor: e.actor, detail: e.detail }),
  });
}

/** The composition root: wires real adapters into the bot and starts listening. */
export async function startRuntime(config: Config, options: { prettyLogs?: boolean } = {}): Promise<Runtime> {
  const started = performance.now();
  const deps = await buildDeps(config, options.prettyLogs ? { logger: await createPrettyLogger(config.logLevel) } : {});
  const { logger, store } = deps;
  const bot = createApp(deps);
  const server: Server = createHttpServer({ bot, config, logger, orgs: [deps.board.org], isStoreWritable: () => store.isWritable(), ...(store.kind ? { storeKind: store.kind } : {}) });
  const port = await listen(server, config.port, config.host);
  const url = `http://${config.host}:${port}`;
  const maintenance = startMaintenanceTimer(
    {
      doubts: deps.doubts,
      notifier: bot.notifier,
      logger,
      learning: { feedback: store.feedback, clock: deps.clock, retentionMonths: config.retentionMonths },
      ...(store.locks ? { claimRun: (ms: number) => store.locks!.claimInterval('maintenance', ms) } : {}),
    },
    config.sweepIntervalMinutes,
  );
  logger.info({ event: 'server.started', url, org: deps.board.org, mode: config.mode, startupMs: Math.round(performance.now() - started) });

  return {
    config,
    logger,
    orgs: [deps.board.org],
    url,
    port,
    stop: async () => {
      await maintenance.stop();
      await new Promise<void>((resolve) => { server.close(() => resolve()); });
      await store.close();
    },
  };
}
