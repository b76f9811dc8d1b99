import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'restify';
import { createBoardBots } from './app/board-bots.js';
import type { Notifier } from './teams/notifier.js';
import type { AppDeps, AppStore } from './teams/deps.js';
import { boardOrgs, loadConfig, type Config } from './config.js';
import { answerQuestion } from './core/answering/answer.js';
import { createSearchIndex, type SearchIndexExtras } from './core/retrieval/index.js';
import type { AnswerResult } from './core/answering/types.js';
import type { Vocabulary } from './core/retrieval/vocabulary.js';
import { startAnswerWorker } from './infra/answer-worker.js';
import { byLoad, TurnGauge } from './http/turn-gauge.js';
import { systemClock } from './core/shared/clock.js';
import { createHttpServer, listen } from './http/server.js';
import { listOrgs } from './board/board-files.js';
import { loadBoards } from './board/load-board.js';
import { scopeToBoard } from './store/board-scope.js';
import type { Board } from './board/board.js';
import { loadFirstNames, loadSwearWords, loadVocabulary } from './board/shared-lists.js';
import { createLogger, createPrettyLogger, type Logger } from './infra/logger.js';
import { environmentWithFile } from './infra/env-file.js';
import { openDataStore } from './store/open-data-store.js';
import { startMaintenanceTimer, type MaintenanceDeps } from './app/maintenance.js';
import { DoubtService } from './core/doubts/doubt-service.js';
import { createLeaderDirectory, createSelfLeaderDirectory, type LeaderDirectory } from './core/doubts/leader-directory.js';
import type { LeaderMapping } from './core/doubts/leader-mapping.js';
import type { Clock, IdGenerator } from './core/shared/clock.js';
import { createGraphManagerDirectory, type GraphDirectory } from './infra/graph-manager.js';
import { knownIdentitiesOver } from './teams/member-identity.js';
import { createShortAnswerer, type ShortAnswerer } from './core/ai/short-answer.js';
import { createSharedTokenBudget, createTokenBudget, type TokenBudget } from './core/ai/budget.js';
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

/** Everything a deployment serves: each board's dependencies, over one store. */
export interface Deployment {
  /** Organisation id → that board's dependencies (one entry with ORG, one per board with TENANT_ORGS). */
  boards: Map<string, AppDeps>;
  /** The store every board's view is cut from; closed once, when the deployment stops. */
  store: AppStore;
  logger: Logger;
  /** The activities in flight: the HTTP server counts them, answering reads them. */
  turns: TurnGauge;
  /** Stops what answers questions (the answer worker, when there is one). */
  closeAnswering(): Promise<void>;
}

type CoreOverrides = Partial<Pick<AppDeps, 'clock' | 'newId' | 'logger'>>;

/**
 * Loads every board the deployment serves and opens the store: everything the bots need, with real
 * adapters. With TENANT_ORGS each board gets its own view of the store (scopeToBoard), its own
 * search index, doubts service and leidinggevende mapping, and serves only its own tenants.
 */
export async function buildDeployment(config: Config, overrides: CoreOverrides = {}): Promise<Deployment> {
  // Every file is read before the data-directory lock is taken: a broken one fails fast, naming the file.
  const boards = loadBoards(config, boardOrgs(config));
  const vocabulary = loadVocabulary(path.join(config.knowledgeDir, 'vocabulary'));
  const posting = { swearWords: loadSwearWords(config.dialogsDir), extraNames: [] };
  const firstNames = loadFirstNames(config.dialogsDir);
  const logger = overrides.logger ?? createLogger(config.logLevel);
  // The worker builds its indexes while the store opens.
  const turns = new TurnGauge();
  const answering = startAnswering(config, boards, vocabulary, logger, turns);
  const store = await openStore(config, logger).catch(async (error: unknown) => {
    await (await answering.catch(() => undefined))?.close();
    throw error;
  });
  const answers = await answering;
  const clock = overrides.clock ?? systemClock;
  const newId = overrides.newId ?? randomUUID;
  const graph = config.graph ? createGraphManagerDirectory({ ...config.graph, clock }) : undefined;
  // One daily AI budget for the deployment, whichever board asks: on a shared database all
  // instances count against it together; the embedded store has one process, counting in memory.
  const locks = store.locks;
  const budget = config.ai
    ? locks
      ? createSharedTokenBudget(config.ai.dailyTokenBudget, clock, (counter, delta) => locks.addToCounter(counter, delta))
      : createTokenBudget(config.ai.dailyTokenBudget, clock)
    : undefined;

  const depsOf = (board: Board): AppDeps => {
    const tenants = config.tenantOrgs ? config.allowedTenants.filter((t) => config.tenantOrgs?.[t] === board.org) : undefined;
    const boardStore = tenants ? scopeToBoard(store, board.org) : store;
    // Graph answers for its own tenant only: another board's people are not in that directory.
    const boardGraph = graph && (!tenants || tenants.includes(config.graph!.tenantId.toLowerCase())) ? graph : undefined;
    const doubts = createDoubtService({ config, store: boardStore, clock, newId, logger, ...(board.leaders ? { leaderMapping: board.leaders.mapping } : {}), ...(boardGraph ? { graph: boardGraph } : {}) });
    const shortAnswer = budget ? shortAnswererFor(config, board, clock, budget) : undefined;
    return {
      posting,
      privacy: { firstNames },
      config,
      board,
      answer: answers.answerer(board.org),
      store: boardStore,
      clock,
      newId,
      logger,
      doubts,
      ...(tenants ? { tenants } : {}),
      ...(boardGraph ? { identity: { graph: boardGraph } } : {}),
      ...(shortAnswer ? { shortAnswer } : {}),
    };
  };
  return { boards: new Map([...boards].map(([org, board]) => [org, depsOf(board)])), store, logger, turns, closeAnswering: () => answers.close() };
}

interface Answering {
  answerer(org: string): (question: string) => Promise<AnswerResult>;
  close(): Promise<void>;
}

/** What a board's search index is built from besides its code: the same on this thread and the worker's. */
function indexExtrasOf(board: Board): SearchIndexExtras {
  return { questions: board.questions, outOfScope: board.outOfScope, silent: board.silent, analysed: board.analysed, codeIntents: board.codeIntents };
}

/**
 * Every board's search index on this thread, and with the answer worker (ANSWER_THREAD=worker, or
 * auto on a machine with more than one core) on the worker too: while the server handles more than
 * one activity, questions go to the worker, so retrieval runs beside the turns instead of between
 * them; a lone question is answered here, without the hop.
 */
async function startAnswering(config: Config, boards: ReadonlyMap<string, Board>, vocabulary: Vocabulary, logger: Logger, turns: TurnGauge): Promise<Answering> {
  // On one core a second thread only adds the hop: there is no idle core for it to use.
  const useWorker = config.answerThread === 'worker' || (config.answerThread === 'auto' && availableParallelism() > 1);
  const worker = useWorker
    ? startAnswerWorker(
        { vocabulary, boards: [...boards.values()].map((b) => ({ org: b.org, knowledge: b.knowledge, extras: indexExtrasOf(b) })) },
        (error) => logger.error({ event: 'answers.worker_stopped', err: { message: error.message } }, 'the answer worker stopped; the next busy moment starts a new one'),
      )
    : undefined;
  const indexes = new Map([...boards].map(([org, board]) => [org, createSearchIndex(board.knowledge, vocabulary, indexExtrasOf(board))]));
  for (const [org, index] of indexes) {
    if (boards.get(org)!.questions && index.analysedAtBuild > 0) {
      // Same answers, but every start analyses thousands of questions again.
      logger.warn({ event: 'knowledge.question_keys_stale', org }, `knowledge/${org}/question-keys.json is missing or out of date: run npm run knowledge:build`);
    }
  }
  const here = (org: string) => {
    const index = indexes.get(org)!;
    return async (question: string) => answerQuestion(index, question);
  };
  if (!worker) return { answerer: here, close: async () => undefined };
  const started = await worker;
  return {
    answerer: (org) => byLoad(turns, here(org), started.answerer(org)),
    close: () => started.close(),
  };
}

/** The dependencies of a single-board deployment (ORG): what tests and the benchmark build one bot from. */
export async function buildDeps(config: Config, overrides: CoreOverrides = {}): Promise<AppDeps> {
  if (config.tenantOrgs) throw new Error('buildDeps builds one board; with TENANT_ORGS use buildDeployment');
  const [deps] = (await buildDeployment(config, overrides)).boards.values();
  return deps!;
}

/** AI answers over the configured endpoint, or undefined when AI_* is not set (the default). */
function shortAnswererFor(config: Config, board: Board, clock: Clock, budget: TokenBudget): ShortAnswerer | undefined {
  if (!config.ai) return undefined;
  return createShortAnswerer({
    complete: createOpenAiChat(config.ai),
    budget,
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

/** The composition root: wires real adapters into a bot per board and starts listening. */
export async function startRuntime(config: Config, options: { prettyLogs?: boolean } = {}): Promise<Runtime> {
  const started = performance.now();
  const deployment = await buildDeployment(config, options.prettyLogs ? { logger: await createPrettyLogger(config.logLevel) } : {});
  const { logger, store } = deployment;
  const { bots, http } = createBoardBots(deployment.boards, config);
  const orgs = [...deployment.boards.keys()];
  const server: Server = createHttpServer({ bot: http, config, logger, orgs, isStoreWritable: () => store.isWritable(), turns: deployment.turns, ...(store.kind ? { storeKind: store.kind } : {}) });
  const port = await listen(server, config.port, config.host);
  const url = `http://${config.host}:${port}`;
  // Each board sweeps its own doubts and learning records, once per interval across instances.
  const timers = [...deployment.boards].map(([org, deps]) => startMaintenanceTimer(maintenanceDeps(deps, bots.get(org)!.notifier), config.sweepIntervalMinutes));
  logger.info({ event: 'server.started', url, orgs, mode: config.mode, startupMs: Math.round(performance.now() - started) });

  return {
    config,
    logger,
    orgs,
    url,
    port,
    stop: async () => {
      await Promise.all(timers.map((t) => t.stop()));
      await new Promise<void>((resolve) => { server.close(() => resolve()); });
      await store.close();
      await deployment.closeAnswering();
    },
  };
}

/** What one board's maintenance sweep works on: its doubts, its notifier, its learning records. */
export function maintenanceDeps(deps: AppDeps, notifier: Notifier): MaintenanceDeps {
  const { store } = deps;
  return {
    doubts: deps.doubts,
    notifier,
    logger: deps.logger,
    learning: { feedback: store.feedback, clock: deps.clock, retentionMonths: deps.config.retentionMonths },
    ...(store.locks ? { claimRun: (ms: number) => store.locks!.claimInterval('maintenance', ms) } : {}),
  };
}
