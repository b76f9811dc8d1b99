import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'restify';
import { createApp } from './app/create-app.js';
import type { AppDeps, AppStore } from './app/types.js';
import { loadOnboardingCourse } from './infra/load-onboarding.js';
import { loadPostingDefinition, loadSwearWords } from './infra/load-posting.js';
import { loadConfig, type Config } from './config.js';
import { answerQuestion } from './core/answering/answer.js';
import { createSearchIndex } from './core/retrieval/index.js';
import { systemClock } from './core/shared/clock.js';
import { createHttpServer, listen } from './http/server.js';
import { listOrgs, loadKnowledge } from './infra/load-knowledge.js';
import { loadVocabulary } from './infra/load-vocabulary.js';
import { createLogger, type Logger } from './infra/logger.js';
import { openDataStore } from './store/open-data-store.js';

/** Repository root, where knowledge/, dialogs/ and the default data/ live. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Runtime {
  config: Config;
  logger: Logger;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Reads the configuration from the environment, validated once against the available boards. */
export function configFromEnvironment(env: Record<string, string | undefined> = process.env): Config {
  const knowledgeDir = path.resolve(ROOT_DIR, env.KNOWLEDGE_DIR || 'knowledge');
  return loadConfig(env, { rootDir: ROOT_DIR, knownOrgs: listOrgs(knowledgeDir) });
}

/** Loads the board's knowledge, dialogs and store: everything the bot needs, with real adapters. */
export async function buildDeps(config: Config, overrides: Partial<Pick<AppDeps, 'clock' | 'newId' | 'logger'>> = {}): Promise<AppDeps> {
  const knowledge = loadKnowledge(config.knowledgeDir, config.org);
  const index = createSearchIndex(knowledge, loadVocabulary(path.join(config.knowledgeDir, 'vocabulary')));
  const onboardingCourse = await loadOnboardingCourse(config.dialogsDir, config.org);
  const posting = {
    definition: await loadPostingDefinition(config.dialogsDir, config.org),
    swearWords: await loadSwearWords(config.dialogsDir),
    extraNames: [],
  };
  const store: AppStore = await openDataStore(config.dataDir);
  return {
    posting,
    config,
    knowledge,
    answer: (question) => answerQuestion(index, question),
    store,
    onboardingCourse,
    clock: systemClock,
    newId: randomUUID,
    logger: createLogger(config.logLevel),
    ...overrides,
  };
}

/** The composition root: wires real adapters into the bot and starts listening. */
export async function startRuntime(config: Config): Promise<Runtime> {
  const started = performance.now();
  const deps = await buildDeps(config);
  const { logger, store } = deps;
  const bot = createApp(deps);
  const server: Server = createHttpServer({ bot, config, logger, isStoreWritable: () => store.isWritable() });
  const port = await listen(server, config.port, config.host);
  const url = `http://${config.host}:${port}`;
  logger.info({ event: 'server.started', url, org: config.org, mode: config.mode, startupMs: Math.round(performance.now() - started) });

  return {
    config,
    logger,
    url,
    port,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
