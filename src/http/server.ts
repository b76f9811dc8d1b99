import restify from 'restify';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../config.js';
import type { Logger } from '../infra/logger.js';
import type { TurnGauge } from './turn-gauge.js';
import { guardActivity, type GuardPolicy } from './activity-guard.js';
import { AuthRefused } from './auth-gate.js';

/**
 * What the HTTP layer needs of the bot that app/create-app.ts builds; declared here so http does
 * not import the layer above it.
 */
export interface HttpBot {
  adapter: {
    authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult>;
    processAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
  };
  app: { run(context: TurnContext): Promise<unknown> };
}

/** Largest request body accepted on /api/messages; Teams activities are far smaller. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Teams gives a bot 15 s to answer an activity and sends small bodies at once: a client that takes
 * longer to send its headers or its whole request is slow or hostile, not Teams (Node's defaults
 * are 60 s and 300 s).
 */
export const HTTP_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 } as const;

export interface HttpDeps {
  bot: HttpBot;
  config: Config;
  logger: Logger;
  /** For GET /healthz: whether the store can be written. */
  isStoreWritable(): Promise<boolean>;
  /** The boards served (organisation ids), for /healthz. */
  orgs: readonly string[];
  /** Which store /healthz reports on (`files`, `postgresql`); omitted when unknown. */
  storeKind?: string;
  /** Counts the activities in flight (answering uses the count to choose its thread). */
  turns?: TurnGauge;
}

/** The HTTP shell: /api/messages for the Bot Framework and /healthz for operators. Does not listen. */
export function createHttpServer(deps: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'mediawijs', handleUncaughtExceptions: false });
  server.server.headersTimeout = HTTP_TIMEOUTS.headersMs;
  server.server.requestTimeout = HTTP_TIMEOUTS.requestMs;
  server.server.keepAliveTimeout = HTTP_TIMEOUTS.keepAliveMs;
  const policy: GuardPolicy = {
    allowedTenants: deps.config.allowedTenants,
    allowedChannels: deps.config.allowedChannels,
    loopbackServiceUrlOnly: deps.config.mode === 'local',
  };
  // Teams never compresses activities, and restify's gunzip stream has no error handler: a bad gzip
  // body would crash the process, and a good one would be size-checked only before inflating.
  // So anything but identity is refused before any body is read.
  server.pre((req, res, next) => {
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      deps.logger.warn({ event: 'http.rejected', status: 415, reason: 'content-encoding' });
      res.send(415, { error: 'Content-Encoding is not supported' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    const guard = guardActivity(req.body, policy);
    if (!guard.ok) {
      deps.logger.warn({ event: 'activity.rejected', status: guard.status, reason: guard.reason });
      res.send(guard.status, { error: guard.reason });
      return;
    }
    const activity = req.body as Activity;
    const { adapter, app } = deps.bot;
    let auth;
    try {
      auth = await adapter.authenticate(activity, typeof req.headers.authorization === 'string' ? req.headers.authorization : '');
    } catch (err) {
      // One line, no stack, and nothing of the upstream's error in the body: a prober learns nothing.
      const refused = err instanceof AuthRefused ? err : new AuthRefused('invalid', (err as Error).message);
      deps.logger.warn({ event: 'auth.refused', status: 401, reason: refused.reason, ...(refused.detail ? { detail: refused.detail } : {}) });
      res.send(401, { error: 'unauthorized' });
      return;
    }
    try {
      const run = () => adapter.processAuthenticated(auth, activity, async (context) => {
        await app.run(context);
      });
      const invokeResponse = deps.turns ? await deps.turns.track(run) : await run();
      res.header('User-Agent', 'Mediawijs');
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.status ?? 200, invokeResponse.body);
      else res.send(invokeResponse?.status ?? 200);
    } catch (err) {
      deps.logger.error({ event: 'activity.failed', err: { message: (err as Error).message } });
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  // The Agents Playground checks this address with HEAD, and a browser opens it with GET; both are
  // harmless, so they get a quiet answer instead of restify's 405 and a warning in the log each time.
  const quietAnswer: restify.RequestHandler = (_req, res, next) => {
    res.send(200, { status: 'ok', note: 'POST Bot Framework activities to this address' });
    return next();
  };
  server.get('/api/messages', quietAnswer);
  server.head('/api/messages', quietAnswer);

  server.get('/healthz', async (_req, res) => {
    const writable = await deps.isStoreWritable().catch(() => false);
    const database = deps.storeKind === 'postgresql';
    const status = writable ? 'ok' : database ? 'database unreachable' : 'store not writable';
    // One board: `org`, as always; a deployment serving several names them all.
    const boards = deps.orgs.length === 1 ? { org: deps.orgs[0] } : { orgs: deps.orgs };
    res.send(writable ? 200 : 503, { status, storeWritable: writable, ...boards, ...(deps.storeKind ? { store: deps.storeKind } : {}) });
  });

  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: unknown, callback: () => void) => {
    // Malformed JSON and oversized bodies arrive here as 4xx from the body parser: log, never crash.
    deps.logger.warn({ event: 'http.error', status: (err as { statusCode?: number }).statusCode, method: req.method, path: req.path() });
    return callback();
  });

  return server;
}

/** Starts listening; resolves with the bound port (useful when port 0 asked for a free one). */
export function listen(server: restify.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}
