import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doubt } from '../../src/core/doubts/types.js';
import { findAction, startBot, type BotUnderTest } from '../support/bot-harness.js';
import { startDiskBot, type DiskBot } from '../support/disk-bot.js';
import { stubDeps } from '../support/stub-deps.js';
import { actionData, askLeader, dataDirWithLeaders, PEOPLE, registerPeople, to } from '../support/doubt-helpers.js';
import { FakeClock } from '../support/fake-clock.js';

const { docent, lotte, victor, docent2, onbekend, nina, docent3 } = PEOPLE;

describe('doubts to the leidinggevende over HTTP (two users, fake connector)', () => {
  const clock = new FakeClock();
  let disk: DiskBot;
  let bot: BotUnderTest;
  const doubtsOf = async (who: typeof docent): Promise<Doubt[]> => (await bot.deps.store.doubts.listByAsker(who.aadObjectId));
  const latest = async (who: typeof docent) => (await doubtsOf(who)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;

  beforeAll(async () => {
    disk = await startDiskBot('oog', { dataDir: dataDirWithLeaders('mw-doubts-'), overrides: { clock } });
    bot = disk.bot;
    registerPeople(disk.connector);
    // The leader and the deputy have opened the bot before, so the bot can write to them.
    await bot.say(lotte, 'hallo');
    await bot.say(victor, 'hallo');
  });
  afterAll(async () => disk.dispose());

  it('asks, the leader answers in place, the teacher follows up on the same record and resolves', async () => {
    const { compose, replies } = await askLeader(bot, docent, 'Mag ik de foto van het schoolreisje op Facebook zetten?');
    expect(compose.text).toContain('Lotte Leider (leidinggevende)');
    expect(compose.text).toMatch(/geen namen, foto’s of andere persoonsgegevens/);

    const [confirmation] = to(replies, docent);
    expect(confirmation!.text).toMatch(/Je vraag is ontvangen/);
    expect(confirmation!.text).toMatch(/verstuurd naar Lotte Leider/);
    // Proactively in the leader's own chat, with the five Action.Execute answers.
    const [leaderCard] = to(replies, lotte);
    expect(leaderCard!.text).toMatch(/twijfelt over een bericht/);
    expect(leaderCard!.text).toContain('Mag ik de foto van het schoolreisje op Facebook zetten?');
    const approve = findAction(leaderCard!.activity, 'Mag geplaatst worden') as { type: string; verb: string; data: Record<string, unknown> };
    expect(approve).toMatchObject({ type: 'Action.Execute', verb: 'doubt.answer' });

    const doubt = await latest(docent);
    expect(doubt).toMatchObject({ status: 'waiting', stage: 'leader', assigneeIds: [lotte.aadObjectId] });
    const delivered = doubt.outbox.find((n) => n.kind === 'new-doubt')!;
    expect(delivered.deliveredAt).toBeDefined();
    expect(delivered.activityId).toMatch(/^activity-/);

    const answered = await bot.execute(lotte, 'doubt.answer', { ...approve.data, comment: 'Prima, maar zonder namen erbij.' }, delivered.activityId);
    expect(answered.status).toBe(200);
    expect(answered.cardText).toMatch(/✅ Beantwoord: \*\*Mag geplaatst worden\*\*/);
    expect(answered.cardText).toContain('Prima, maar zonder namen erbij.');
    expect(findAction({ attachments: [{ content: answered.card }] }, 'Mag geplaatst worden')).toBeUndefined();
    const [answerToTeacher] = to(answered.replies, docent);
    expect(answerToTeacher!.text).toMatch(/Antwoord van Lotte Leider/);
    expect(answerToTeacher!.text).toContain('Prima, maar zonder namen erbij.');

    // A second click on the old card is refused: it is answered already.
    const again = await bot.execute(lotte, 'doubt.answer', { doubtId: doubt.id, decision: 'reject' }, delivered.activityId);
    expect(again.cardText).toMatch(/al beantwoord/);

    const followUp = await bot.click(docent, { ...actionData(answerToTeacher!, 'Verstuur'), followUpText: 'Mag ik wel de voornamen noemen?' });
    expect(to(followUp, docent)[0]!.text).toMatch(/vervolgvraag is verstuurd naar Lotte Leider/);
    const [followUpCard] = to(followUp, lotte);
    expect(followUpCard!.text).toMatch(/heeft nog een vraag/);
    expect(followUpCard!.text).toContain('Mag ik wel de voornamen noemen?');
    expect(await doubtsOf(docent)).toHaveLength(1);

    const second = await bot.execute(lotte, 'doubt.answer', { doubtId: doubt.id, decision: 'reject', comment: 'Nee, geen namen van leerlingen.' });
    expect(second.cardText).toMatch(/Niet plaatsen/);
    const [secondAnswer] = to(second.replies, docent);
    expect(secondAnswer!.text).toMatch(/Plaats het bericht dus niet/);

    const resolved = await bot.click(docent, actionData(secondAnswer!, 'Opgelost'));
    expect(resolved[0]!.text).toMatch(/opgelost/);
    const closed = await latest(docent);
    expect(closed).toMatchObject({ id: doubt.id, status: 'resolved', open: false });
    expect(closed.messages.map((m) => m.kind)).toEqual(['doubt', 'answer', 'follow-up', 'answer']);
    expect(await bot.deps.store.closedDoubts.get(doubt.id)).toBe(closed.closedAt);

    const [mine] = await bot.say(docent, 'mijn vragen');
    expect(mine!.text).toContain('Mag ik de foto van het schoolreisje op Facebook zetten?');
    expect(mine!.text).toMatch(/Opgelost/);
    // The whole thread, in order: both answers with their decision, and the follow-up between them.
    const thread = ['Lotte Leider · **Mag geplaatst worden**', 'Prima, maar zonder namen erbij.', 'Jouw vervolgvraag: Mag ik wel de voornamen noemen?', 'Lotte Leider · **Niet plaatsen**', 'Nee, geen namen van leerlingen.'];
    const positions = thread.map((part) => mine!.text.indexOf(part));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each([
    ['a colleague who is not assigned', docent2, () => 'own', 'approve', /kan ik niet vinden/],
    ['the asker', docent, () => 'own', 'approve', /kan ik niet vinden/],
    ['the leader, with a forged doubt id', lotte, () => 'bestaat-niet', 'approve', /kan ik niet vinden/],
    ['the leader, with an unknown decision', lotte, () => 'own', 'yolo', /Dit antwoord ken ik niet/],
    ['the leader, "aanpassen" without a comment', lotte, () => 'own', 'adjust', /Schrijf kort wat er aangepast moet worden/],
  ])('refuses an answer from %s', async (_name, who, id, decision, message) => {
    clock.addMinutes(1);
    await askLeader(bot, docent, `Mag ik een filmpje van de sportdag delen? (${decision})`);
    const doubt = await latest(docent);
    const doubtId = id() === 'own' ? doubt.id : id();
    // Teams sends the clicked card's activity id along.
    const result = await bot.execute(who, 'doubt.answer', { doubtId, decision }, doubt.outbox[0]!.activityId);
    expect(result.status).toBe(200);
    expect(result.cardText).toMatch(message);
    expect(to(result.replies, docent)).toHaveLength(0);
    expect((await bot.deps.store.doubts.get(doubt.id)) as Doubt).toMatchObject({ status: 'waiting', messages: [{ kind: 'doubt' }] });
  });

  it('keeps the answer buttons when the leader only forgot the comment', async () => {
    const doubt = await latest(docent);
    const activityId = doubt.outbox[0]!.activityId;
    const result = await bot.execute(lotte, 'doubt.answer', { doubtId: doubt.id, decision: 'adjust' }, activityId);
    expect(findAction({ attachments: [{ content: result.card }] }, 'Aanpassen')).toBeDefined();
    const refreshed = await bot.execute(lotte, 'doubt.refresh', { doubtId: doubt.id }, activityId);
    expect(refreshed.cardText).toContain(doubt.messages[0]!.text);
    const stranger = await bot.execute(docent2, 'doubt.refresh', { doubtId: doubt.id }, activityId);
    expect(stranger.cardText).not.toContain(doubt.messages[0]!.text);
  });

  it('lists "openstaande twijfels" for the leader, oldest first, and nothing for a teacher', async () => {
    clock.addMinutes(5);
    await askLeader(bot, docent2, 'Eerste vraag van docent2 over een tweet');
    clock.addMinutes(5);
    await askLeader(bot, docent2, 'Tweede vraag van docent2 over een story');
    const [list] = await bot.say(lotte, 'openstaande twijfels');
    const first = list!.text.indexOf('Eerste vraag van docent2');
    const second = list!.text.indexOf('Tweede vraag van docent2');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(list!.text).not.toContain('schoolreisje'); // resolved
    const [none] = await bot.say(docent2, 'openstaande twijfels');
    expect(none!.text).toMatch(/Er wachten geen vragen op jouw antwoord/);
    const [mine] = await bot.say(docent2, 'mijn vragen');
    expect(mine!.text.indexOf('Tweede vraag')).toBeLessThan(mine!.text.indexOf('Eerste vraag'));
  });

  it('sends a doubt of someone missing from the mapping to Communicatie, and says so', async () => {
    const { compose, replies } = await askLeader(bot, onbekend, 'Mag ik reageren op een bericht van een ouder?');
    expect(compose.text).toContain('Ik weet niet wie je leidinggevende is. Je vraag gaat daarom naar: **Afdeling Communicatie**.');
    expect(replies).toHaveLength(1);
    // Communicatie never opened the bot: the asker is told it waits, and that only a reminder follows.
    expect(replies[0]!.text).toContain('Ik weet niet wie je leidinggevende is. Daarom gaat je vraag naar Afdeling Communicatie.');
    expect(replies[0]!.text).toMatch(/bewaard voor Afdeling Communicatie\. Die heeft Mediawijs nog niet geopend/);
    expect(replies[0]!.text).toContain('Dan stuur ik Afdeling Communicatie een herinnering.');
    expect(replies[0]!.text).not.toMatch(/\(Communicatie\)|opvragen bij Teams/);
    expect(await latest(onbekend)).toMatchObject({ stage: 'communicatie', open: true });
  });

  it('parks a doubt for a leader who never opened the bot and delivers it when they do', async () => {
    const { replies } = await askLeader(bot, docent3, 'Mag ik de nieuwsbrief op LinkedIn delen?');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/Nina Nieuw .* heeft Mediawijs nog niet geopend/);
    const parked = (await latest(docent3)).outbox[0]!;
    expect(parked).toMatchObject({ to: nina.aadObjectId, lastError: 'no-conversation' });
    expect(parked.deliveredAt).toBeUndefined();

    const first = await bot.say(nina, 'hallo');
    const card = to(first, nina).find((r) => /twijfelt over een bericht/.test(r.text));
    expect(card!.text).toContain('Mag ik de nieuwsbrief op LinkedIn delen?');
    expect((await latest(docent3)).outbox[0]!.deliveredAt).toBeDefined();
    const again = await bot.say(nina, 'hallo');
    expect(to(again, nina).filter((r) => /twijfelt/.test(r.text))).toHaveLength(0);
  });

  it('retries after a transient failure (503) on the sweep', async () => {
    disk.connector.failConversation(lotte.conversationId, 503, 'ServiceUnavailable');
    const { replies } = await askLeader(bot, docent, 'Mag ik een foto van het team op Instagram zetten?');
    disk.connector.clearFailures();
    expect(to(replies, docent)[0]!.text).toMatch(/Je vraag is ontvangen/);
    let n = (await latest(docent)).outbox[0]!;
    expect(n).toMatchObject({ attempts: 1, lastError: '503 ServiceUnavailable' });
    expect(n.nextAttemptAt).toBeDefined();
    expect(n.deliveredAt).toBeUndefined();

    clock.addMinutes(2);
    const before = disk.connector.calls.length;
    const report = await bot.maintain();
    expect(report.delivered).toBeGreaterThanOrEqual(1);
    expect(disk.connector.calls.slice(before).some((c) => c.conversationId === lotte.conversationId && /Instagram/.test(JSON.stringify(c.body)))).toBe(true);
    n = (await latest(docent)).outbox[0]!;
    expect(n.deliveredAt).toBeDefined();
  });

  it.each([
    [403, 'Forbidden'],
    [404, 'ConversationNotFound'],
  ])('reroutes to the deputy at once after a permanent failure (%i)', async (status, code) => {
    clock.addMinutes(1);
    disk.connector.failConversation(lotte.conversationId, status, code);
    const { replies } = await askLeader(bot, docent, `Mag ik een vacature van school delen? (${status})`);
    disk.connector.clearFailures();
    const doubt = await latest(docent);
    expect(doubt.outbox[0]).toMatchObject({ to: lotte.aadObjectId, lastError: `${status} ${code}` });
    expect(doubt.outbox[0]!.givenUpAt).toBeDefined();
    expect(doubt).toMatchObject({ stage: 'deputy', assigneeIds: expect.arrayContaining([victor.aadObjectId]) });
    const [deputyCard] = to(replies, victor);
    expect(deputyCard!.text).toMatch(/naar jou doorgestuurd/);
    expect(to(replies, docent).some((r) => /doorgestuurd naar Victor Vervanger/.test(r.text))).toBe(true);
  });

  it('reminds the leader and then reroutes to the deputy on the sweep, by working days', async () => {
    clock.addMinutes(1);
    const { replies } = await askLeader(bot, docent2, 'Mag ik een blog over de projectweek schrijven?');
    expect(to(replies, lotte)).toHaveLength(1);
    const id = (await latest(docent2)).id;
    const cardsFor = (who: typeof lotte, from: number) =>
      disk.connector.calls.slice(from).filter((c) => c.conversationId === who.conversationId && JSON.stringify(c.body).includes('projectweek'));

    // Monday → Wednesday: two working days, the reminder is due.
    clock.addDays(2);
    clock.addMinutes(1);
    let mark = disk.connector.calls.length;
    await bot.maintain();
    const reminder = cardsFor(lotte, mark);
    expect(reminder).toHaveLength(1);
    expect(JSON.stringify(reminder[0]!.body)).toMatch(/Herinnering/);

    // Two more working days without an answer: to the deputy, and the teacher hears it.
    clock.addDays(2);
    mark = disk.connector.calls.length;
    await bot.maintain();
    expect(cardsFor(victor, mark)).toHaveLength(1);
    const toTeacher = disk.connector.calls.slice(mark).filter((c) => c.conversationId === docent2.conversationId);
    expect(toTeacher.some((c) => /doorgestuurd/.test(JSON.stringify(c.body)))).toBe(true);
    expect((await bot.deps.store.doubts.get(id)) as Doubt).toMatchObject({ stage: 'deputy' });

    // The deputy answers; the leader's late click is then refused.
    const byDeputy = await bot.execute(victor, 'doubt.answer', { doubtId: id, decision: 'approve' }, 'activity-x');
    expect(byDeputy.cardText).toMatch(/Beantwoord/);
    const byLeader = await bot.execute(lotte, 'doubt.answer', { doubtId: id, decision: 'reject' }, 'activity-y');
    expect(byLeader.cardText).toMatch(/al beantwoord/);
  });

  it('anonymises closed doubts after the retention period', async () => {
    const resolved = (await doubtsOf(docent)).find((d) => d.status === 'resolved')!;
    clock.addDays(400);
    const report = await bot.maintain();
    expect(report.anonymised).toBeGreaterThanOrEqual(1);
    const after = (await bot.deps.store.doubts.get(resolved.id)) as Doubt;
    expect(after.anonymisedAt).toBeDefined();
    expect(after.messages.every((m) => m.text === '')).toBe(true);
    expect(JSON.stringify(after)).not.toContain(docent.aadObjectId);
    expect(await bot.deps.store.closedDoubts.get(resolved.id)).toBeUndefined();
  });
});

describe('doubts when nobody is known as leidinggevende', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBot({ deps: () => stubDeps().deps });
  });
  afterAll(async () => bot.stop());

  it('keeps the doubt, says so honestly and advises to ask in person', async () => {
    const { compose, replies } = await askLeader(bot, onbekend, 'Mag ik reageren op een bericht van een ouder?');
    expect(compose.text).toMatch(/Ik weet nog niet wie je leidinggevende is/);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/bewaard, maar ik weet nog niet wie je leidinggevende is/);
    expect(replies[0]!.text).toMatch(/Vraag het dan ook even zelf/);
    const [stored] = (await bot.deps.store.doubts.listByAsker(onbekend.aadObjectId));
    expect(stored).toMatchObject({ stage: 'unassigned', assigneeIds: [], open: true, outbox: [] });
    const [mine] = await bot.say(onbekend, 'mijn vragen');
    expect(mine!.text).toMatch(/Bewaard, nog niemand gevonden/);
  });
});
