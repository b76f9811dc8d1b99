import type { Server } from 'restify';
import { createApp, type BotApp } from '../../src/app/create-app.js';
import { createBoardBots } from '../../src/app/board-bots.js';
import type { AppDeps, AppStore } from '../../src/teams/deps.js';
import { buildDeployment } from '../../src/composition-root.js';
import type { TurnGauge } from '../../src/http/turn-gauge.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createHttpServer, listen, type HttpBot } from '../../src/http/server.js';
import { activityText, FakeConnector } from './fake-connector.js';
import { runMaintenance, type MaintenanceReport } from '../../src/app/maintenance.js';
import { execute, message, submit, type TestUser } from './activities.js';

export interface Reply {
  activity: Record<string, unknown>;
  text: string;
}

export interface BotUnderTest {
  url: string;
  /** The dependencies of the (first) board. */
  deps: AppDeps;
  /** Every board's dependencies, by organisation id (one unless TENANT_ORGS names several). */
  boards: Map<string, AppDeps>;
  connector: FakeConnector;
  config: Config;
  /** POSTs a raw body to /api/messages; returns status, response body and the replies the bot sent meanwhile. */
  post(body: unknown, init?: { contentType?: string; raw?: boolean; headers?: Record<string, string> }): Promise<{ status: number; body: string; replies: Reply[] }>;
  say(from: TestUser, text: string): Promise<Reply[]>;
  click(from: TestUser, value: Record<string, unknown>): Promise<Reply[]>;
  /** An Action.Execute invoke; `card` is the Adaptive Card in the invoke response (the in-place update). */
  execute(from: TestUser, verb: string, data: Record<string, unknown>, replyToId?: string): Promise<{ status: number; card?: Record<string, unknown>; cardText: string; replies: Reply[] }>;
  /** Runs the periodic maintenance sweep once for every board, or for `org`'s only (with whatever clock the deps carry); the counts added up. */
  maintain(org?: string): Promise<MaintenanceReport>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** In-memory fakes, or the real adapters from the composition root when omitted. */
  deps?: (config: Config) => Omit<AppDeps, 'config'> | Promise<Omit<AppDeps, 'config'>>;
  /** Overrides applied on top of the real or fake deps (e.g. a fake clock). */
  overrides?: Partial<Omit<AppDeps, 'config'>>;
  /** Share one fake connector across bot restarts; the harness then leaves it running on stop. */
  connector?: FakeConnector;
}

const ROOT = new URL('../..', import.meta.url).pathname;

/** Builds the whole bot with the given deps, serves it on 127.0.0.1 and plays the connector. */
export async function startBot(options: HarnessOptions): Promise<BotUnderTest> {
  const ownConnector = !options.connector;
  const connector = options.connector ?? new FakeConnector();
  const serviceUrl = ownConnector ? await connector.start() : connector.url;
  const config = loadConfig({ PORT: '1', LOG_LEVEL: 'silent', ...options.env }, { rootDir: ROOT });
  const { boards, bots, http, store, closeAnswering, turns } = await buildBots(config, options);
  const [deps] = boards.values();
  if (!deps) throw new Error('no board');
  const storeKind = store.kind;
  const server: Server = createHttpServer({ bot: http, config, logger: deps.logger, orgs: [...boards.keys()], isStoreWritable: () => store.isWritable(), ...(storeKind ? { storeKind } : {}), ...(turns ? { turns } : {}) });
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  const post: BotUnderTest['post'] = async (body, init = {}) => {
    const before = connector.calls.length;
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': init.contentType ?? 'application/json', ...init.headers },
      body: init.raw ? (body as string) : JSON.stringify(body),
    });
    const text = await res.text();
    const replies = connector.calls.slice(before).map((c) => ({ activity: c.body, text: activityText(c.body) }));
    return { status: res.status, body: text, replies };
  };

  return {
    url,
    deps,
    boards,
    connector,
    config,
    post,
    say: async (from, text) => (await post(message(from, text, serviceUrl))).replies,
    click: async (from, value) => (await post(submit(from, value, serviceUrl))).replies,
    execute: async (from, verb, data, replyToId) => {
      const res = await post(execute(from, verb, data, serviceUrl, replyToId));
      const parsed = res.body ? (JSON.parse(res.body) as { value?: Record<string, unknown> }) : {};
      const card = parsed.value && typeof parsed.value === 'object' ? parsed.value : undefined;
      const cardText = card ? activityText({ attachments: [{ content: card }] }) : '';
      return { status: res.status, ...(card ? { card } : {}), cardText, replies: res.replies };
    },
    maintain: async (only) => {
      const reports: MaintenanceReport[] = [];
      for (const [org, board] of boards) if (only === undefined || only === org) reports.push(await runMaintenance({ doubts: board.doubts, notifier: bots.get(org)!.notifier, logger: board.logger }));
      return sumReports(reports);
    },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await closeAnswering();
      if (ownConnector) await connector.stop();
    },
  };
}

/**
 * One bot over fake deps, or the real composition's bot per board (one for ORG, one per board of
 * TENANT_ORGS) over one store, with `overrides` on top of each board's deps.
 */
async function buildBots(
  config: Config,
  options: HarnessOptions,
): Promise<{ boards: Map<string, AppDeps>; bots: Map<string, BotApp>; http: HttpBot; store: AppStore; closeAnswering: () => Promise<void>; turns?: TurnGauge }> {
  if (options.deps) {
    const deps: AppDeps = { config, ...(await options.deps(config)), ...options.overrides };
    const bot = createApp(deps);
    return { boards: new Map([[deps.board.org, deps]]), bots: new Map([[deps.board.org, bot]]), http: bot, store: deps.store, closeAnswering: async () => undefined };
  }
  // The real composition builds its doubts services with the overridden clock and ids.
  const deployment = await buildDeployment(config, pickCore(options.overrides));
  const boards = new Map([...deployment.boards].map(([org, deps]) => [org, { ...deps, ...options.overrides }]));
  return { boards, ...createBoardBots(boards, config), store: deployment.store, closeAnswering: () => deployment.closeAnswering(), turns: deployment.turns };
}

function sumReports(reports: MaintenanceReport[]): MaintenanceReport {
  const sum: MaintenanceReport = { rerouted: 0, changed: 0, delivered: 0, unreachable: 0, failed: 0, anonymised: 0 };
  for (const r of reports) for (const key of Object.keys(sum) as Array<keyof MaintenanceReport>) sum[key] = (sum[key] ?? 0) + (r[key] ?? 0);
  return sum;
}

function pickCore(overrides: HarnessOptions['overrides']): Partial<Pick<AppDeps, 'clock' | 'newId' | 'logger'>> {
  const picked: Partial<Pick<AppDeps, 'clock' | 'newId' | 'logger'>> = {};
  if (overrides?.clock) picked.clock = overrides.clock;
  if (overrides?.newId) picked.newId = overrides.newId;
  if (overrides?.logger) picked.logger = overrides.logger;
  return picked;
}

/** Recursively finds card actions (Action.Submit/Execute/ShowCard) with the given title. */
export function findAction(activity: Record<string, unknown>, title: string | RegExp): Record<string, unknown> | undefined {
  const matches = (t: unknown) => typeof t === 'string' && (typeof title === 'string' ? t === title : title.test(t));
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && matches(o.title)) {
      found = o;
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(activity.attachments);
  return found;
}
