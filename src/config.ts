import path from 'node:path';
import { z } from 'zod';
import { aiConfig, type AiConfig } from './config-ai.js';
import { ConfigError } from './config-error.js';
import { GUID, ORG_ID, tenantSettings } from './config-tenants.js';

export { ConfigError } from './config-error.js';
export type { AiConfig, AiProvider } from './config-ai.js';
export { boardOrgs } from './config-tenants.js';

/** Where Mediawijs runs: `local` = anonymous Bot Framework mode on 127.0.0.1, `deployed` = JWT-authenticated. */
export type RunMode = 'local' | 'deployed';

/** Validated, frozen settings. Built once by {@link loadConfig}; nothing else reads `process.env`. */
export interface Config {
  readonly mode: RunMode;
  readonly port: number;
  /** Interface to listen on: 127.0.0.1 in local mode (no JWT check), all interfaces when deployed. */
  readonly host: string;
  /** The board of a single-board deployment (ORG); undefined when TENANT_ORGS names one per tenant. */
  readonly org: string | undefined;
  /** TENANT_ORGS: tenant id (lower case) → organisation id, each tenant served with its own board; undefined = one board (ORG). */
  readonly tenantOrgs: Readonly<Record<string, string>> | undefined;
  readonly dataDir: string;
  /** PostgreSQL connection URL; set = the shared PostgreSQL store instead of the embedded one in dataDir. A secret: never log it. */
  readonly databaseUrl: string | undefined;
  readonly knowledgeDir: string;
  readonly dialogsDir: string;
  readonly bot: { readonly appId: string; readonly password: string; readonly tenantId: string };
  /** Teams tenant ids allowed to use the bot (with TENANT_ORGS: only tenants that have a board); empty = no restriction (local mode only). */
  readonly allowedTenants: readonly string[];
  /** LEADER_MAPPING_FILE; with TENANT_ORGS it holds `{org}`, replaced by each board's id. */
  readonly leaderMappingFile: string | undefined;
  readonly graph: { readonly tenantId: string; readonly clientId: string; readonly clientSecret: string; readonly baseUrl: string } | undefined;
  readonly reminderWorkingDays: number;
  readonly escalationWorkingDays: number;
  readonly retentionMonths: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly playgroundPort: number;
  /** Local demo only: every user is their own leidinggevende, so one person can see both sides. */
  readonly selfLeader: boolean;
  /** How often the doubt sweep (reminders, rerouting, retries, retention) runs. */
  readonly sweepIntervalMinutes: number;
  /** Activity channels accepted: any in local mode (empty list), `msteams` (plus `emulator` if allowed) when deployed. */
  readonly allowedChannels: readonly string[];
  /**
   * Where the Bot Framework's OpenID metadata (signing keys) is read; undefined = the library's
   * public default. Tests point it at a local server to simulate a stalled upstream.
   */
  readonly openIdMetadataUrl: string | undefined;
  /** Optional short AI answers above the quote; undefined (the default) = off, the bot answers as always. */
  readonly ai: AiConfig | undefined;
  /**
   * Where questions are answered while the server is busy: `worker` on a thread of their own beside
   * the turns, `main` on the main thread (one thread less; answers are the same), `auto` (the
   * default) the worker when the machine has more than one core.
   */
  readonly answerThread: 'auto' | 'worker' | 'main';
}


const port = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? fallback : Number(v)))
    .pipe(z.number().int('must be a whole number').min(1, 'must be 1-65535').max(65535, 'must be 1-65535'));

const positiveInt = (fallback: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? fallback : Number(v)))
    .pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`));

/** A yes/no setting: true, false, 1, 0, ja or nee (empty = false), read as a boolean. */
const flag = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim().toLowerCase() : 'false'))
  .pipe(z.enum(['true', 'false', '1', '0', 'ja', 'nee'], { errorMap: () => ({ message: 'must be true or false' }) }))
  .transform((v) => v === 'true' || v === '1' || v === 'ja');

const text = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? '');

export const envSchema = z.object({
  PORT: port(3978),
  PLAYGROUND_PORT: port(56150),
  ORG: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim().toLowerCase() : 'oog'))
    .pipe(z.string().regex(ORG_ID, 'must be an organisation id such as oog, konot, kempenkind, kopwerk or school001')),
  DATA_DIR: text,
  DATABASE_URL: text,
  KNOWLEDGE_DIR: text,
  DIALOGS_DIR: text,
  BOT_ID: text,
  BOT_PASSWORD: text,
  BOT_TENANT_ID: text,
  ALLOWED_TENANTS: text,
  TENANT_ORGS: text,
  LEADER_MAPPING_FILE: text,
  GRAPH_TENANT_ID: text,
  GRAPH_CLIENT_ID: text,
  GRAPH_CLIENT_SECRET: text,
  GRAPH_BASE_URL: text,
  REMINDER_WORKING_DAYS: positiveInt(2, 30),
  ESCALATION_WORKING_DAYS: positiveInt(2, 30),
  RETENTION_MONTHS: positiveInt(12, 120),
  SELF_LEADER: flag,
  SWEEP_INTERVAL_MINUTES: positiveInt(10, 24 * 60),
  ALLOW_EMULATOR: flag,
  BOT_OPENID_METADATA_URL: text,
  AI_ENDPOINT: text,
  AI_API_KEY: text,
  AI_MODEL: text,
  AI_PROVIDER: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() ?? '')
    .pipe(z.enum(['', 'azure-openai', 'openai'], { errorMap: () => ({ message: 'must be azure-openai or openai' }) })),
  AI_API_VERSION: text,
  AI_TIMEOUT_MS: positiveInt(6000, 60_000),
  AI_DAILY_TOKEN_BUDGET: positiveInt(200_000, 100_000_000),
  AI_SEND_PERSONAL_DATA: flag,
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim().toLowerCase() : 'info'))
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  ANSWER_THREAD: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim().toLowerCase() : 'auto'))
    .pipe(z.enum(['auto', 'worker', 'main'], { errorMap: () => ({ message: 'must be auto, worker or main' }) })),
});

/** Every variable {@link loadConfig} reads (for docs and the env-file check). */
export const SETTINGS: readonly string[] = Object.keys(envSchema.shape);

/** Settings for development and tests only, deliberately left out of a deployment's env file. */
export const LOCAL_ONLY_SETTINGS: readonly string[] = ['PLAYGROUND_PORT', 'SELF_LEADER', 'KNOWLEDGE_DIR', 'DIALOGS_DIR', 'GRAPH_BASE_URL', 'BOT_OPENID_METADATA_URL'];

const SECRET_SETTINGS = new Set(['BOT_PASSWORD', 'GRAPH_CLIENT_SECRET', 'AI_API_KEY']);

export interface LoadConfigOptions {
  /** Repository root; relative directories are resolved against it. */
  rootDir: string;
  /** Organisation ids that have a knowledge base; ORG must be one of them. */
  knownOrgs?: readonly string[];
}

/**
 * Reads and validates the environment once. Throws {@link ConfigError} naming the first wrong variable.
 */
export function loadConfig(env: Record<string, string | undefined>, options: LoadConfigOptions): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    // A secret is never echoed into an error message (it may end up in a log).
    const got = SECRET_SETTINGS.has(variable) ? '' : ` (got ${JSON.stringify(env[variable] ?? '')})`;
    throw new ConfigError(variable, `${issue.message}${got}`);
  }
  const e = parsed.data;
  const resolve = (p: string, fallback: string) => path.resolve(options.rootDir, p || fallback);

  const deployed = e.BOT_ID !== '';
  const tenants = tenantSettings({ ...e, rawOrg: env.ORG?.trim() ?? '', deployed, knownOrgs: options.knownOrgs });
  if (!tenants.tenantOrgs && options.knownOrgs && !options.knownOrgs.includes(e.ORG)) {
    throw new ConfigError('ORG', `unknown organisation "${e.ORG}"; choose one of ${options.knownOrgs.join(', ')}`);
  }

  if (deployed && !GUID.test(e.BOT_ID)) throw new ConfigError('BOT_ID', 'must be the bot\'s Microsoft App ID (a GUID)');
  if (deployed && e.BOT_PASSWORD === '') throw new ConfigError('BOT_PASSWORD', 'is required when BOT_ID is set');
  if (!deployed && e.BOT_PASSWORD !== '') throw new ConfigError('BOT_ID', 'is empty but BOT_PASSWORD is set; set both or neither');
  if (e.BOT_TENANT_ID !== '' && !GUID.test(e.BOT_TENANT_ID)) throw new ConfigError('BOT_TENANT_ID', 'must be a tenant id (GUID)');
  // A single-tenant registration gets tokens for its own tenant only: the other boards' tenants
  // could neither install the app nor get a reply.
  const foreign = Object.keys(tenants.tenantOrgs ?? {}).filter((t) => t !== e.BOT_TENANT_ID.toLowerCase());
  if (e.BOT_TENANT_ID !== '' && foreign.length > 0) {
    throw new ConfigError('BOT_TENANT_ID', `makes the bot single-tenant, but TENANT_ORGS also names tenant ${foreign[0]}; leave BOT_TENANT_ID empty (a multi-tenant registration) to serve several tenants`);
  }


  const graphVars = { GRAPH_TENANT_ID: e.GRAPH_TENANT_ID, GRAPH_CLIENT_ID: e.GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET: e.GRAPH_CLIENT_SECRET };
  const graphSet = Object.entries(graphVars).filter(([, v]) => v !== '');
  if (graphSet.length > 0 && graphSet.length < 3) {
    const missing = Object.entries(graphVars).find(([, v]) => v === '')![0];
    throw new ConfigError(missing, 'is required when any GRAPH_* setting is set (set all three or none)');
  }
  if (e.GRAPH_BASE_URL !== '' && !/^https?:\/\/[^\s]+$/.test(e.GRAPH_BASE_URL)) {
    throw new ConfigError('GRAPH_BASE_URL', 'must be an http(s) URL');
  }

  const selfLeader = e.SELF_LEADER;
  if (deployed && selfLeader) throw new ConfigError('SELF_LEADER', 'is a local demo setting and cannot be used when BOT_ID is set');

  if (e.BOT_OPENID_METADATA_URL !== '' && !/^https?:\/\/[^\s]+$/.test(e.BOT_OPENID_METADATA_URL)) {
    throw new ConfigError('BOT_OPENID_METADATA_URL', 'must be an http(s) URL');
  }
  const allowEmulator = e.ALLOW_EMULATOR;

  const ai = aiConfig(e);

  if (e.DATABASE_URL !== '' && !isPostgresUrl(e.DATABASE_URL)) {
    // The value may hold a password: name the variable, never echo it.
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL (e.g. postgres://user:password@host:5432/mediawijs?sslmode=require)');
  }

  const dataDir = resolve(e.DATA_DIR, 'data');
  const config: Config = {
    mode: deployed ? 'deployed' : 'local',
    port: e.PORT,
    host: deployed ? '0.0.0.0' : '127.0.0.1',
    org: tenants.tenantOrgs ? undefined : e.ORG,
    tenantOrgs: tenants.tenantOrgs,
    dataDir,
    databaseUrl: e.DATABASE_URL || undefined,
    knowledgeDir: resolve(e.KNOWLEDGE_DIR, 'knowledge'),
    dialogsDir: resolve(e.DIALOGS_DIR, 'dialogs'),
    bot: { appId: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID },
    allowedTenants: tenants.allowedTenants,
    leaderMappingFile: e.LEADER_MAPPING_FILE ? path.resolve(options.rootDir, e.LEADER_MAPPING_FILE) : undefined,
    graph:
      graphSet.length === 3
        ? {
            tenantId: e.GRAPH_TENANT_ID,
            clientId: e.GRAPH_CLIENT_ID,
            clientSecret: e.GRAPH_CLIENT_SECRET,
            baseUrl: e.GRAPH_BASE_URL || 'https://graph.microsoft.com/v1.0',
          }
        : undefined,
    reminderWorkingDays: e.REMINDER_WORKING_DAYS,
    escalationWorkingDays: e.ESCALATION_WORKING_DAYS,
    retentionMonths: e.RETENTION_MONTHS,
    logLevel: e.LOG_LEVEL,
    playgroundPort: e.PLAYGROUND_PORT,
    selfLeader,
    sweepIntervalMinutes: e.SWEEP_INTERVAL_MINUTES,
    // Local mode takes whatever the Playground or a test sends; a deployed bot talks to Teams only.
    allowedChannels: deployed ? (allowEmulator ? ['msteams', 'emulator'] : ['msteams']) : [],
    openIdMetadataUrl: e.BOT_OPENID_METADATA_URL || undefined,
    ai,
    answerThread: e.ANSWER_THREAD,
  };
  return deepFreeze(config);
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
