import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../../tools/lib/bot-process.js';
import { activityText, FakeConnector } from '../support/fake-connector.js';
import { execute, installation, installed, message, submit, type TestUser } from '../support/activities.js';
import { findAction } from '../support/bot-harness.js';
import { LEADERS_FIXTURE, PEOPLE, registerPeople } from '../support/doubt-helpers.js';
import { createTestDatabase, pgAdminUrl, warnIfNoPg, type TestDatabase } from '../support/postgres.js';

const { docent, docent2, docent3, lotte, nina } = PEOPLE;

warnIfNoPg();

/**
 * Two real `src/serve.ts` processes on one PostgreSQL database behind one fake Bot Connector,
 * as two instances behind a load balancer: each request goes to whichever instance the test picks.
 */
describe.skipIf(!pgAdminUrl())('two server processes on one database', () => {
  let db: TestDatabase;
  const connector = new FakeConnector();
  let serviceUrl: string;
  let a: BotProcess;
  let b: BotProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    serviceUrl = await connector.start();
    registerPeople(connector);
    const env = { DATABASE_URL: db.url, LEADER_MAPPING_FILE: LEADERS_FIXTURE, ORG: 'oog', LOG_LEVEL: 'info', SWEEP_INTERVAL_MINUTES: '60', ENV_FILE: '' };
    [a, b] = await Promise.all([startBotProcess(env, 60_000), startBotProcess(env, 60_000)]);
  }, 90_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await connector.stop();
    await db?.drop();
  });

  const post = async (bot: BotProcess, body: Record<string, unknown>) => {
    const before = connector.calls.length;
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    const replies = connector.calls.slice(before).filter((c) => c.method === 'POST').map((c) => ({ to: c.conversationId, activity: c.body, text: activityText(c.body) }));
    return { status: res.status, body: text, replies };
  };
  const say = (bot: BotProcess, who: TestUser, text: string) => post(bot, message(who, text, serviceUrl));
  const cardsTo = (who: TestUser, pattern: RegExp) => connector.activitiesTo(who.conversationId).filter((act) => pattern.test(activityText(act)));
  const sql = async <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => {
    const client = new pg.Client(db.url);
    await client.connect();
    try {
      return (await client.query<R>(text, params)).rows;
    } finally {
      await client.end();
    }
  };
  const ask = async (compose: BotProcess, send: BotProcess, who: TestUser, text: string) => {
    const composed = await say(compose, who, 'twijfel');
    const card = composed.replies.find((r) => findAction(r.activity, 'Verstuur'));
    const data = (findAction(card!.activity, 'Verstuur') as { data: Record<string, unknown> }).data;
    return post(send, submit(who, { ...data, doubtText: text }, serviceUrl));
  };
  const doubtOf = async (who: TestUser) => (await sql<{ data: { id: string; history: { event: string }[]; outbox: { id: string; kind: string; activityId?: string }[] } }>('SELECT data FROM doubts WHERE asker_id = $1', [who.aadObjectId]))[0]!.data;

  it('runs the start-up sweep once across both instances', async () => {
    // Each instance ticks one second after start; only one of them may claim the interval.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const runs = [a, b].map((p) => (p.output().match(/"maintenance.done"/g) ?? []).length);
    expect(runs[0]! + runs[1]!).toBe(1);
    expect(await sql('SELECT name FROM job_runs')).toEqual([{ name: 'maintenance' }]);
  });

  it('a doubt composed on A, sent through B and answered through A reaches the asker; the leader got its card once', async () => {
    await say(a, lotte, 'hallo');
    const sent = await ask(a, b, docent, 'Mag ik de foto van de sportdag delen?');
    expect(sent.replies.find((r) => r.to === docent.conversationId)?.text).toMatch(/Je vraag is ontvangen/);
    const doubt = await doubtOf(docent);
    const delivered = doubt.outbox.find((n) => n.kind === 'new-doubt')!;
    expect(delivered.activityId).toBeDefined();

    const [card] = cardsTo(lotte, /Mag ik de foto van de sportdag delen\?/);
    const approve = findAction(card!, 'Mag geplaatst worden') as { data: Record<string, unknown> };
    const answered = await post(a, execute(lotte, 'doubt.answer', { ...approve.data, comment: 'Prima.' }, serviceUrl, delivered.activityId));
    expect(answered.status).toBe(200);
    expect(answered.replies.find((r) => r.to === docent.conversationId)?.text).toMatch(/Antwoord van Lotte Leider/);
    expect(cardsTo(lotte, /Mag ik de foto van de sportdag delen\?/)).toHaveLength(1);
  });

  it('two answers to one doubt at the same moment, one per instance: exactly one wins', async () => {
    await ask(b, b, docent2, 'Mag ik een filmpje van de musical op YouTube zetten?');
    const doubt = await doubtOf(docent2);
    const delivered = doubt.outbox.find((n) => n.kind === 'new-doubt')!;
    const [card] = cardsTo(lotte, /filmpje van de musical/);
    const approve = (findAction(card!, 'Mag geplaatst worden') as { data: Record<string, unknown> }).data;
    const reject = (findAction(card!, 'Niet plaatsen') as { data: Record<string, unknown> }).data;
    const [onA, onB] = await Promise.all([
      post(a, execute(lotte, 'doubt.answer', { ...approve, comment: 'Ja.' }, serviceUrl, delivered.activityId)),
      post(b, execute(lotte, 'doubt.answer', { ...reject, comment: 'Nee.' }, serviceUrl, delivered.activityId)),
    ]);
    const outcomes = [onA.body, onB.body].map((body) => (/al beantwoord/.test(body) ? 'refused' : /Beantwoord/.test(body) ? 'answered' : body.slice(0, 200)));
    expect(outcomes.sort()).toEqual(['answered', 'refused']);
    const stored = await doubtOf(docent2);
    expect(stored.history.filter((h) => h.event === 'answered')).toHaveLength(1);
    const answersToAsker = connector.activitiesTo(docent2.conversationId).filter((act) => /Antwoord van Lotte Leider/.test(activityText(act)));
    expect(answersToAsker).toHaveLength(1);
  });

  it('both instances deliver what waited for a leader at the same moment: the leader gets the card once', async () => {
    // Nina has never opened the bot, so the doubt for her waits in the outbox.
    const sent = await ask(a, a, docent3, 'Mag ik de kerstviering livestreamen?');
    expect(sent.replies.find((r) => r.to === docent3.conversationId)?.text).toMatch(/Je vraag is ontvangen/);
    expect(cardsTo(nina, /kerstviering/)).toHaveLength(0);
    expect((await doubtOf(docent3)).outbox.find((n) => n.kind === 'new-doubt')?.activityId).toBeUndefined();

    // Teams sends installationUpdate and conversationUpdate together when she adds the app; behind a
    // load balancer each instance gets one, and both deliver what waits for her at the same moment.
    const [onA, onB] = await Promise.all([post(a, installation(nina, serviceUrl)), post(b, installed(nina, serviceUrl))]);
    expect([onA.status, onB.status]).toEqual([200, 200]);
    expect(cardsTo(nina, /kerstviering/)).toHaveLength(1);
    const delivered = (await doubtOf(docent3)).outbox.find((n) => n.kind === 'new-doubt')!;
    expect(delivered.activityId).toBeDefined();
    expect(cardsTo(nina, /Welkom/)).toHaveLength(1);
  });

  it('with A killed (SIGKILL), B serves the same doubts', async () => {
    await a.stop('SIGKILL');
    const mine = await say(b, docent, 'mijn vragen');
    expect(mine.status).toBe(200);
    expect(mine.replies.map((r) => r.text).join('\n')).toContain('Mag ik de foto van de sportdag delen?');
    const sent = await ask(b, b, docent, 'Mag ik de schoolkrant op Instagram delen?');
    expect(sent.replies.find((r) => r.to === docent.conversationId)?.text).toMatch(/Je vraag is ontvangen/);
    expect(cardsTo(lotte, /schoolkrant op Instagram/)).toHaveLength(1);
  });
});
