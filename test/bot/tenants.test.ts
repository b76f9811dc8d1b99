import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doubt } from '../../src/core/doubts/types.js';
import { message, teamsMember, user, type TestUser } from '../support/activities.js';
import { startBot, type BotUnderTest } from '../support/bot-harness.js';
import { actionData, askLeader, to } from '../support/doubt-helpers.js';
import { FakeClock } from '../support/fake-clock.js';
import { leaderA, leaderB, leaderMapping, teacherA, teacherB, TENANT_A, TENANT_B } from '../support/two-tenants.js';
import { createTestDatabase, pgAdminUrl, warnIfNoPg, type TestDatabase } from '../support/postgres.js';

// One deployment, two school boards (TENANT_ORGS): every check below is made from the other
// tenant's side, over HTTP, with the ids a real card would carry.
const TENANT_C = 'cccccccc-3333-4333-8333-00000000000c';

// The same ids in both tenants: isolation must not lean on ids being unique across tenants.
const twinA = { ...user('tweeling', 0x60, TENANT_A), conversationId: 'a:personal-tweeling-a' };
const twinB = { ...user('tweeling', 0x60, TENANT_B), conversationId: 'a:personal-tweeling-b' };


warnIfNoPg();
const stores: Array<['files' | 'postgresql']> = [['files']];
if (pgAdminUrl()) stores.push(['postgresql']);

describe.each(stores)('one deployment, a board per tenant (TENANT_ORGS), %s store', (kind) => {
  const clock = new FakeClock();
  let bot: BotUnderTest;
  let dataDir: string;
  let db: TestDatabase | undefined;
  const oog = () => bot.boards.get('oog')!;
  const konot = () => bot.boards.get('konot')!;
  const doubtOf = async (board: 'oog' | 'konot', who: TestUser): Promise<Doubt> => (await bot.boards.get(board)!.store.doubts.listByAsker(who.aadObjectId))[0]!;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'mw-tenants-'));
    writeFileSync(path.join(dataDir, 'leaders.oog.yaml'), leaderMapping(leaderA, 'Anna', [teacherA, twinA]));
    writeFileSync(path.join(dataDir, 'leaders.konot.yaml'), leaderMapping(leaderB, 'Bert', [teacherB, twinB]));
    if (kind === 'postgresql') db = await createTestDatabase();
    const env: Record<string, string> = { TENANT_ORGS: `${TENANT_A}=oog,${TENANT_B}=konot`, DATA_DIR: dataDir, ...(db ? { DATABASE_URL: db.url } : {}) };
    bot = await startBot({ env, overrides: { clock } });
    for (const person of [leaderA, teacherA, leaderB, teacherB, twinA]) bot.connector.addMember(teamsMember(person, `${person.name}@school.example`));
    // The leaders have opened the bot before, so it can write to them.
    await bot.say(leaderA, 'hallo');
    await bot.say(leaderB, 'hallo');
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers each tenant from its own board's code, and refuses a tenant without a board", async () => {
    expect((await bot.say(teacherA, 'hallo'))[0]!.text).toContain('Openbaar Onderwijs Groningen');
    expect((await bot.say(teacherB, 'hallo'))[0]!.text).toContain('Konot');
    const question = 'Mag ik een foto van een leerling op Instagram zetten?';
    expect((await bot.say(teacherA, question)).map((r) => r.text).join('\n')).toContain('Openbaar Onderwijs Groningen, Code Sociale Media');
    expect((await bot.say(teacherB, question)).map((r) => r.text).join('\n')).toContain('Konot, Social Media Protocol');

    const stranger = user('vreemd', 0x70, TENANT_C);
    const refused = await bot.post(message(stranger, 'hallo', bot.connector.url));
    expect(refused.status).toBe(403);
    expect(refused.replies).toEqual([]);
    const health = (await (await fetch(`${bot.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', orgs: ['oog', 'konot'] });
  });

  it("routes a doubt to the own board's leidinggevende; ids from the other tenant's cards open, answer and close nothing", async () => {
    const a = await askLeader(bot, teacherA, 'Mag ik de foto van de sportdag delen?');
    expect(to(a.replies, leaderA)[0]!.text).toContain('Mag ik de foto van de sportdag delen?');
    expect(to(a.replies, leaderB)).toEqual([]);
    const b = await askLeader(bot, teacherB, 'Mag ik de kerstviering filmen?');
    expect(to(b.replies, leaderB)[0]!.text).toContain('Mag ik de kerstviering filmen?');
    const doubtA = await doubtOf('oog', teacherA);
    expect(doubtA).toMatchObject({ org: 'oog', assigneeIds: [leaderA.aadObjectId] });
    expect(await konot().store.doubts.get(doubtA.id)).toBeUndefined();

    // Tenant B's leader and teacher use A's doubt id as a forged card would.
    const answer = await bot.execute(leaderB, 'doubt.answer', { doubtId: doubtA.id, decision: 'approve', comment: 'Prima' });
    expect(answer.cardText).toMatch(/kan ik niet vinden/);
    const opened = await bot.click(leaderB, { verb: 'doubt.open', doubtId: doubtA.id });
    expect(opened.map((r) => r.text).join('\n')).toMatch(/kan ik niet vinden/);
    const resolved = await bot.click(teacherB, { verb: 'doubt.resolve', doubtId: doubtA.id });
    expect(resolved.map((r) => r.text).join('\n')).toMatch(/kan ik niet vinden/);
    const followUp = await bot.click(teacherB, { verb: 'doubt.follow-up', doubtId: doubtA.id, followUpText: 'En nu?' });
    expect(followUp.map((r) => r.text).join('\n')).not.toContain('sportdag');
    expect(await doubtOf('oog', teacherA)).toEqual(doubtA);

    // Overviews list the own board's doubts only.
    const openForB = (await bot.say(leaderB, 'openstaande twijfels')).map((r) => r.text).join('\n');
    expect(openForB).toContain('kerstviering');
    expect(openForB).not.toContain('sportdag');
    const openForA = (await bot.say(leaderA, 'openstaande twijfels')).map((r) => r.text).join('\n');
    expect(openForA).toContain('sportdag');
    expect(openForA).not.toContain('kerstviering');
  });

  it("sweeps each board's own doubts: a board's sweep reminds its leidinggevende only, once", async () => {
    clock.addDays(2);
    clock.addMinutes(1);
    const mark = bot.connector.calls.length;
    const reminders = (who: TestUser) => bot.connector.calls.slice(mark).filter((c) => c.conversationId === who.conversationId && /Herinnering/.test(JSON.stringify(c.body)));
    await bot.maintain('oog');
    expect(reminders(leaderA)).toHaveLength(1);
    expect(JSON.stringify(reminders(leaderA)[0]!.body)).toContain('sportdag');
    expect(reminders(leaderB)).toHaveLength(0);
    await bot.maintain('konot');
    await bot.maintain();
    expect(reminders(leaderB)).toHaveLength(1);
    expect(JSON.stringify(reminders(leaderB)[0]!.body)).toContain('kerstviering');
    expect(reminders(leaderA)).toHaveLength(1);
  });

  it('keeps onboarding progress, user records and their deletion with the tenant, also for the same ids', async () => {
    await bot.say(twinA, 'onboarding');
    expect(await oog().store.onboarding.get(twinA.aadObjectId)).toMatchObject({ org: 'oog', status: 'in-progress' });
    expect(await konot().store.onboarding.get(twinB.aadObjectId)).toBeUndefined();
    await bot.say(twinB, 'hallo');
    expect(await konot().store.users.get(twinB.aadObjectId)).toBeDefined();

    const overviewA = (await bot.say(leaderA, 'onboarding overzicht')).map((r) => r.text).join('\n');
    const overviewB = (await bot.say(leaderB, 'onboarding overzicht')).map((r) => r.text).join('\n');
    // The twin started in tenant A only; each leader sees their own board's people and progress.
    expect(overviewA).toMatch(/Bezig[\s\S]*• tweeling: begonnen/);
    expect(overviewA).not.toContain('docent-b');
    expect(overviewB).toMatch(/Nog niet begonnen[\s\S]*• tweeling/);
    expect(overviewB).not.toMatch(/tweeling: begonnen|docent-a/);

    // "mijn gegevens" shows the progress kept in the tenant it is asked in, and only there.
    expect((await bot.say(twinA, 'mijn gegevens')).map((r) => r.text).join('\n')).toContain('Je onboarding');
    expect((await bot.say(twinB, 'mijn gegevens')).map((r) => r.text).join('\n')).not.toContain('Je onboarding');

    const [confirm] = await bot.say(twinB, 'verwijder mijn gegevens');
    await bot.click(twinB, actionData(confirm!, /verwijder/i));
    expect(await konot().store.users.get(twinB.aadObjectId)).toBeUndefined();
    expect(await oog().store.onboarding.get(twinA.aadObjectId)).toMatchObject({ status: 'in-progress' });
    expect(await oog().store.users.get(twinA.aadObjectId)).toBeDefined();
  });

  it('records what it could not answer with the board it was asked of, for that board alone', async () => {
    await bot.say(teacherB, 'Hoe laat begint de kerstmarkt op het plein?');
    const learned = (await konot().store.feedback.list()).filter((f) => /kerstmarkt/.test(f.question));
    expect(learned.length).toBeGreaterThan(0);
    expect(learned.every((f) => f.org === 'konot')).toBe(true);
    expect((await oog().store.feedback.list()).some((f) => /kerstmarkt/.test(f.question))).toBe(false);
  });
});
