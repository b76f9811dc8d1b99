/**
 * A tiny stand-in bot that proves the e2e harness without the real Mediawijs bot:
 * it echoes text, and "kaart" answers with an Adaptive Card (an input and a submit button)
 * so the card helpers are exercised too; "kapotte kaart" and "lege kaart" send a broken and an empty card,
 * and "crash" fails the turn. The benchmark's plain echo bot (tools/lib/echo-bot.ts) has none of these.
 * Answers GET /healthz like the real bot, so tools/lib/bot-process.ts can start it.
 * Run: `PORT=3978 npx tsx test/e2e/support/echo-bot.ts`.
 */
import { MemoryStorage, CardFactory, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import restify from 'restify';

// The harness passes PORT; a port argument is handy when running it by hand.
const port = Number(process.argv[2] ?? process.env.PORT ?? 3978);

const adapter = new TeamsAdapter({});
const app = new Application<TurnState>({ storage: new MemoryStorage(), adapter });

const echoCard = () =>
  CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Proefkaart', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Typ je naam en kies een knop.', wrap: true },
      { type: 'Input.Text', id: 'naam', label: 'Je naam', placeholder: 'Bijvoorbeeld Sam' },
      {
        type: 'Input.ChoiceSet',
        id: 'kleur',
        label: 'Lievelingskleur',
        style: 'expanded',
        choices: [
          { title: 'Rood', value: 'rood' },
          { title: 'Blauw', value: 'blauw' },
        ],
      },
    ],
    actions: [
      { type: 'Action.Submit', title: 'Versturen', data: { verb: 'echo-submit' } },
      { type: 'Action.Submit', title: 'Annuleren', data: { verb: 'echo-cancel' } },
    ],
  });

app.message(/^kaart$/i, async (context: TurnContext) => {
  await context.sendActivity({ attachments: [echoCard()] });
});

// Deliberately broken cards, so the harness can prove it notices rendering failures.
app.message(/^kapotte kaart$/i, async (context: TurnContext) => {
  await context.sendActivity({
    attachments: [CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '9.9', body: [{ type: 'Bestaat.Niet', text: 'x' }] })],
  });
});

app.message(/^lege kaart$/i, async (context: TurnContext) => {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [] })] });
});

// A turn that fails, so the harness can prove it reports bot errors (the adapter answers HTTP 500).
app.message(/^crash$/i, async () => {
  throw new Error('bewuste fout voor de harness-test');
});

app.activity('message', async (context: TurnContext) => {
  const value = context.activity.value as { verb?: string; naam?: string; kleur?: string } | undefined;
  if (value?.verb === 'echo-submit') {
    await context.sendActivity(`Bedankt, ${value.naam || 'onbekende'}! Kleur: ${value.kleur || 'geen'}.`);
    return;
  }
  if (value?.verb === 'echo-cancel') {
    await context.sendActivity('Geannuleerd.');
    return;
  }
  await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
});

const server = restify.createServer({ name: 'echo-bot' });
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    await app.run(context);
  });
});
server.get('/healthz', async (_req, res) => {
  res.send(200, { ok: true });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`echo bot listening on http://127.0.0.1:${port}/api/messages`);
});

// Nothing to save: exit at once instead of waiting for the Playground's keep-alive connections.
const stop = () => process.exit(0);
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
