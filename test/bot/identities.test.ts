import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsMember, user, type TestUser } from '../support/activities.js';
import type { BotUnderTest } from '../support/bot-harness.js';
import { startDiskBot, type DiskBot } from '../support/disk-bot.js';
import { askLeader, to } from '../support/doubt-helpers.js';
import { FakeClock } from '../support/fake-clock.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/leaders-upn.yaml');

const karin = user('Karin Kok', 31);
const piet = user('Piet Peters', 32);
const kees = user('Kees Klaassen', 33);
const wim = user('Wim Wit', 34);
const lars = user('Lars Lux', 35);
const anna = user('Anna de Vries', 41);
const bram = user('Bram Jansen', 42);
const nina = user('Nina Nieuw', 43);

/**
 * Activities carry from.id and from.aadObjectId only; a board's leaders.yaml names people by UPN
 * or e-mail. Over HTTP with a fake connector that answers member look-ups exactly as Teams does.
 */
describe('people as Teams names them (member look-up over the Bot Connector)', () => {
  const clock = new FakeClock();
  let disk: DiskBot;
  let bot: BotUnderTest;
  const latest = async (who: TestUser) => ((await bot.deps.store.doubts.listByAsker(who.aadObjectId))).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
  const lookupsOf = (who: TestUser) => disk.connector.memberLookups.filter((l) => l.userId === who.id);

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mw-identities-'));
    copyFileSync(FIXTURE, path.join(dataDir, 'leaders.yaml'));
    disk = await startDiskBot('oog', { dataDir, overrides: { clock, identity: { timeoutMs: 300 } } });
    bot = disk.bot;
    const members: Array<[TestUser, string, string?]> = [
      [karin, 'karin@bestuur.example'],
      [piet, 'piet@bestuur.example'],
      // UPN and e-mail differ; the mapping uses the e-mail address.
      [kees, 'k.klaassen@bestuur.example', 'kees.mail@bestuur.example'],
      [wim, 'wim@bestuur.example'],
      [lars, 'lars@bestuur.example'],
      [anna, 'anna.devries@bestuur.example'],
      [bram, 'bram.jansen@bestuur.example'],
      [nina, 'nina@bestuur.example'],
    ];
    for (const [who, upn, email] of members) disk.connector.addMember(teamsMember(who, upn, email));
    // The leidinggevenden Anna and Bram have opened the bot before; Nina has not.
    await bot.say(anna, 'hallo');
    await bot.say(bram, 'hallo');
  });
  afterAll(async () => disk.dispose());

  it('looks a user up once when they first talk to the bot, with the URL Teams serves, and caches it', async () => {
    expect(lookupsOf(anna)).toEqual([{ conversationId: anna.conversationId, userId: anna.id, status: 200 }]);
    await bot.say(anna, 'help');
    expect(lookupsOf(anna)).toHaveLength(1);
    expect(await bot.deps.store.users.get(anna.aadObjectId)).toMatchObject({ upn: 'anna.devries@bestuur.example', email: 'anna.devries@bestuur.example' });
    expect(await bot.deps.store.identities.get('anna.devries@bestuur.example')).toMatchObject({ id: anna.aadObjectId });
    // After a day the cache expires and the next turn looks up again.
    clock.addDays(1);
    clock.addMinutes(1);
    await bot.say(anna, 'help');
    expect(lookupsOf(anna)).toHaveLength(2);
  });

  it('routes a teacher listed by UPN under users: to her leidinggevende, who gets it at once', async () => {
    const { compose, replies } = await askLeader(bot, karin, 'Mag ik een foto van de excursie delen?');
    expect(compose.text).toContain('Bram Jansen (leidinggevende)');
    expect(to(replies, karin)[0]!.text).toMatch(/verstuurd naar Bram Jansen \(leidinggevende\)/);
    expect(to(replies, bram)[0]!.text).toContain('Mag ik een foto van de excursie delen?');
    expect(await latest(karin)).toMatchObject({ routingSource: 'mapping', stage: 'leader', assigneeIds: [bram.aadObjectId], asker: { upn: 'karin@bestuur.example' } });
  });

  it('delivers at once to a leidinggevende listed by UPN only (any case) who has opened the bot', async () => {
    const { replies } = await askLeader(bot, piet, 'Mag ik de nieuwsbrief op LinkedIn zetten?');
    expect(to(replies, piet)[0]!.text).toMatch(/verstuurd naar Anna de Vries/);
    expect(to(replies, piet)[0]!.text).not.toMatch(/nog niet geopend/);
    const [card] = to(replies, anna);
    expect(card!.text).toContain('Mag ik de nieuwsbrief op LinkedIn zetten?');
    const doubt = await latest(piet);
    expect(doubt.assigneeIds).toEqual([anna.aadObjectId]);
    // Anna answers with the card's button: the access check knows her by object id.
    const answered = await bot.execute(anna, 'doubt.answer', { doubtId: doubt.id, decision: 'approve' });
    expect(answered.cardText).toMatch(/Beantwoord/);
    expect(to(answered.replies, piet)[0]!.text).toMatch(/Antwoord van Anna de Vries/);
  });

  it('matches a mapping entry by e-mail address when the UPN differs', async () => {
    const { replies } = await askLeader(bot, kees, 'Mag ik reageren op een recensie?');
    expect(to(replies, anna)).toHaveLength(1);
    expect((await latest(kees)).leader).toMatchObject({ key: anna.aadObjectId, name: 'Anna de Vries' });
  });

  it('hands a parked doubt over when a leidinggevende listed by UPN opens the bot, identified by the look-up', async () => {
    const { replies } = await askLeader(bot, wim, 'Mag ik een filmpje van de musical delen?');
    expect(to(replies, wim)[0]!.text).toMatch(/bewaard voor Nina Nieuw .*nog niet bereiken/);
    expect(await latest(wim)).toMatchObject({ assigneeIds: ['upn:nina@bestuur.example'] });

    const first = await bot.say(nina, 'hallo');
    const card = to(first, nina).find((r) => /twijfelt over een bericht/.test(r.text));
    expect(card!.text).toContain('Mag ik een filmpje van de musical delen?');
    const doubt = await latest(wim);
    expect(doubt.assigneeIds).toEqual([nina.aadObjectId]);
    expect(doubt.outbox[0]!.deliveredAt).toBeDefined();
    const answered = await bot.execute(nina, 'doubt.answer', { doubtId: doubt.id, decision: 'reject', comment: 'Liever niet.' });
    expect(answered.cardText).toMatch(/Niet plaatsen/);
    const [open] = await bot.say(nina, 'onboarding overzicht');
    expect(open!.text).toMatch(/Onboarding-overzicht/);
    expect(open!.text).toContain('Wim Wit');
  });

  it('with the look-up failing, still records and routes the doubt as well as it can, and says so; a slow connector does not hold the answer', async () => {
    // 403: the connector refuses (not retried by the connector client, unlike a 5xx below).
    disk.connector.failMemberLookups(403);
    const { replies } = await askLeader(bot, lars, 'Mag ik de schoolfoto op Facebook zetten?');
    const [confirmation] = to(replies, lars);
    expect(confirmation!.text).toContain('Ik kon je gegevens nu niet opvragen bij Teams, daardoor kon ik je leidinggevende niet vinden.');
    expect(confirmation!.text).toContain('Daarom gaat je vraag naar Afdeling Communicatie.');
    expect(await latest(lars)).toMatchObject({ open: true, stage: 'communicatie', assigneeIds: ['upn:communicatie@bestuur.example'] });
    expect(lookupsOf(lars).map((l) => l.status)).toEqual([403]);
    // Tried again after the retry interval, not on every message.
    const tries = lookupsOf(lars).length;
    await bot.say(lars, 'help');
    expect(lookupsOf(lars)).toHaveLength(tries);

    // A connector that hangs: the answer comes after the short time-out, not after the connector.
    disk.connector.failMemberLookups(500, { delayMs: 1_500 });
    clock.addMinutes(10);
    const before = lookupsOf(lars).length;
    const started = performance.now();
    const [help] = await bot.say(lars, 'help');
    expect(help!.text).toMatch(/Waarmee kan ik je helpen/);
    expect(performance.now() - started).toBeLessThan(1_000);
    // Let the slow look-up finish before the connector recovers.
    for (let i = 0; i < 60 && lookupsOf(lars).length === before; i++) await new Promise((r) => setTimeout(r, 50));
    disk.connector.clearMemberFailure();

    // Once the look-up works again, Lars is known by his UPN (the connector client retries 5xx
    // itself, so a look-up still under way may be the one that succeeds).
    clock.addMinutes(10);
    await bot.say(lars, 'help');
    for (let i = 0; i < 100 && !(await bot.deps.store.users.get(lars.aadObjectId))?.upn; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await bot.deps.store.users.get(lars.aadObjectId)).toMatchObject({ upn: 'lars@bestuur.example' });
  });
});
