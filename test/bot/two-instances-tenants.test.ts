import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../../tools/lib/bot-process.js';
import { activityText, FakeConnector } from '../support/fake-connector.js';
import { message, submit, teamsMember, type TestUser } from '../support/activities.js';
import { leaderA, leaderB, leaderMapping, teacherA, teacherB, TENANT_A, TENANT_B } from '../support/two-tenants.js';
import { findAction } from '../support/bot-harness.js';
import { createTestDatabase, pgAdminUrl, warnIfNoPg, type TestDatabase } from '../support/postgres.js';

warnIfNoPg();

// Two real server processes, one database, two school boards (TENANT_ORGS): a provider's deployment
// behind a load balancer. Each request goes to the instance the test picks.

describe.skipIf(!pgAdminUrl())('two server processes on one database, a board per tenant', () => {
  let db: TestDatabase;
  let dir: string;
  const connector = new FakeConnector();
  let serviceUrl: string;
  let one: BotProcess;
  let two: BotProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'mw-two-tenants-'));
    writeFileSync(path.join(dir, 'leaders.oog.yaml'), leaderMapping(leaderA, 'Anna', [teacherA]));
    writeFileSync(path.join(dir, 'leaders.konot.yaml'), leaderMapping(leaderB, 'Bert', [teacherB]));
    serviceUrl = await connector.start();
    for (const person of [leaderA, teacherA, leaderB, teacherB]) connector.addMember(teamsMember(person, `${person.name}@school.example`));
    const env = {
      DATABASE_URL: db.url,
      TENANT_ORGS: `${TENANT_A}=oog,${TENANT_B}=konot`,
      LEADER_MAPPING_FILE: path.join(dir, 'leaders.{org}.yaml'),
      SWEEP_INTERVAL_MINUTES: '60',
      ENV_FILE: '',
    };
    [one, two] = await Promise.all([startBotProcess(env, 60_000), startBotProcess(env, 60_000)]);
  }, 90_000);
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await connector.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (bot: BotProcess, body: Record<string, unknown>) => {
    const before = connector.calls.length;
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await res.text();
    const replies = connector.calls.slice(before).filter((c) => c.method === 'POST').map((c) => ({ to: c.conversationId, activity: c.body, text: activityText(c.body) }));
    return { status: res.status, replies };
  };
  const say = (bot: BotProcess, who: TestUser, text: string) => post(bot, message(who, text, serviceUrl));
  const textTo = (replies: Array<{ to: string; text: string }>, who: TestUser) => replies.filter((r) => r.to === who.conversationId).map((r) => r.text).join('\n');
  const doubtsOf = async (who: TestUser) => {
    const client = new pg.Client(db.url);
    await client.connect();
    try {
      return (await client.query<{ data: { id: string; org: string } }>('SELECT data FROM doubts WHERE asker_id = $1', [who.aadObjectId])).rows.map((r) => r.data);
    } finally {
      await client.end();
    }
  };

  it("each instance answers each tenant from its own board's code", async () => {
    const question = 'Mag ik een foto van een leerling op Instagram zetten?';
    for (const bot of [one, two]) {
      expect(textTo((await say(bot, teacherA, question)).replies, teacherA)).toContain('Openbaar Onderwijs Groningen, Code Sociale Media');
      expect(textTo((await say(bot, teacherB, question)).replies, teacherB)).toContain('Konot, Social Media Protocol');
    }
  });

  it("a doubt composed on one instance and sent through the other reaches the own board's leidinggevende only; the other tenant's overview never shows it", async () => {
    // The leaders have opened the bot, each through another instance.
    await say(one, leaderA, 'hallo');
    await say(two, leaderB, 'hallo');
    const composed = await say(one, teacherA, 'twijfel');
    const card = composed.replies.find((r) => findAction(r.activity, 'Verstuur'));
    const data = (findAction(card!.activity, 'Verstuur') as { data: Record<string, unknown> }).data;
    const sent = await post(two, submit(teacherA, { ...data, doubtText: 'Mag ik de foto van de sportdag delen?' }, serviceUrl));
    expect(textTo(sent.replies, teacherA)).toMatch(/Je vraag is ontvangen/);
    expect(textTo(sent.replies, leaderA)).toContain('Mag ik de foto van de sportdag delen?');
    expect(textTo(sent.replies, leaderB)).toBe('');
    expect((await doubtsOf(teacherA)).map((d) => d.org)).toEqual(['oog']);

    for (const bot of [one, two]) {
      expect(textTo((await say(bot, leaderB, 'openstaande twijfels')).replies, leaderB)).not.toContain('sportdag');
      expect(textTo((await say(bot, leaderA, 'openstaande twijfels')).replies, leaderA)).toContain('sportdag');
      expect(textTo((await say(bot, teacherB, 'mijn vragen')).replies, teacherB)).not.toContain('sportdag');
    }
  });
});
