import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';
import restify from 'restify';
import { listen } from '../../src/http/server.js';

/**
 * A bare echo bot on the same stack (teams-ai Application, TeamsAdapter, restify), the benchmark's
 * baseline. Listens on `port` (default: a free one) and answers GET /healthz like the real server.
 */
export async function startEchoBot(port = 0): Promise<{ url: string; stop(): Promise<void> }> {
  const adapter = new TeamsAdapter({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' });
  const app = new Application({ adapter, storage: new MemoryStorage(), startTypingTimer: false });
  app.activity('message', async (context) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  const bound = await listen(server, port, '127.0.0.1');
  return { url: `http://127.0.0.1:${bound}`, stop: () => new Promise<void>((resolve) => { server.close(() => resolve()); }) };
}
