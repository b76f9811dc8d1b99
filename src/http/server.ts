import restify from 'restify';
import type { BotApp } from '../app/create-app.js';
import type { Config } from '../config.js';
import type { Logger } from '../infra/logger.js';
import { guardActivity } from './activity-guard.js';

/** Largest request body accepted on /api/messages; Teams activities are far smaller. */
const MAX_BODY_BYTES = 256 * 1024;

export interface HttpDeps {
  bot: BotApp;
  config: Config;
  logger: Logger;
  /** For GET /healthz: whether the store can be written. */
  isStoreWritable(): Promise<boolean>;
}

/** The HTTP shell: /api/messages for the Bot Framework and /healthz for operators. Does not listen. */
export function createHttpServer(deps: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'mediawijs', handleUncaughtExceptions: false });
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
    const guard = guardActivity(req.body, deps.config.allowedTenants);
    if (!guard.ok) {
      deps.logger.warn({ event: 'activity.rejected', status: guard.status, reason: guard.reason });
      res.send(guard.status, { error: guard.reason });
      return;
    }
    try {
      await deps.bot.adapter.process(req, res, async (context) => {
        await deps.bot.app.run(context);
      });
    } catch (err) {
      deps.logger.error({ event: 'activity.failed', err: { message: (err as Error).message } });
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    const writable = await deps.isStoreWritable().catch(() => false);
    res.send(writable ? 200 : 503, { status: writable ? 'ok' : 'store not writable', storeWritable: writable, org: deps.config.org });
  });

  server.on('restifyError', (req, res, err, callback) => {
    // Malformed JSON and oversized bodies arrive here as 4xx from the body parser: log, never crash.
    deps.logger.warn({ event: 'http.error', status: (err as { statusCode?: number }).statusCode, path: req.path() });
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
