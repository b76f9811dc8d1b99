import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAction, type BotUnderTest } from '../support/bot-harness.js';
import { startDiskBot, type DiskBot } from '../support/disk-bot.js';
import { actionData, askLeader, dataDirWithLeaders, PEOPLE, to } from '../support/doubt-helpers.js';
import { FakeClock } from '../support/fake-clock.js';

const { docent, lotte } = PEOPLE;

describe('"mijn gegevens" and "verwijder mijn gegevens" over HTTP', () => {
  const clock = new FakeClock();
  let disk: DiskBot;
  let bot: BotUnderTest;

  beforeAll(async () => {
    disk = await startDiskBot('oog', { dataDir: dataDirWithLeaders('mw-privacy-'), overrides: { clock } });
    bot = disk.bot;
    await bot.say(lotte, 'hallo');
  });
  afterAll(async () => disk.dispose());

  it('shows what is stored, then deletes it after confirmation; an open doubt is withdrawn and anonymised', async () => {
    // One answered and resolved doubt, one still open, one feedback and onboarding progress.
    await askLeader(bot, docent, 'Mag ik een foto van de kerstmarkt delen?');
    const first = ((await bot.deps.store.doubts.listByAsker(docent.aadObjectId)))[0]!;
    const answered = await bot.execute(lotte, 'doubt.answer', { doubtId: first.id, decision: 'approve' }, first.outbox[0]!.activityId);
    await bot.click(docent, actionData(to(answered.replies, docent)[0]!, 'Opgelost'));
    clock.addMinutes(1);
    await askLeader(bot, docent, 'Mag ik de open dag aankondigen op X?');
    const [answer] = await bot.say(docent, 'mag ik een foto van mijn klas op instagram zetten?');
    const up = findAction(answer!.activity, /Nuttig/) as { data?: Record<string, unknown> } | undefined;
    if (up?.data) await bot.click(docent, up.data);
    await bot.say(docent, 'onboarding');

    const [data] = await bot.say(docent, 'mijn gegevens');
    expect(data!.text).toContain('Mag ik een foto van de kerstmarkt delen?');
    expect(data!.text).toContain('Mag ik de open dag aankondigen op X?');
    expect(data!.text).toMatch(/Je onboarding/);
    expect(data!.text).toMatch(/Je chat met Mediawijs/);
    expect(data!.text).toMatch(/Je profiel/);
    // Nobody else's data: the leader's name may appear, the leader's other doubts not.
    expect(data!.text).not.toContain(lotte.aadObjectId);
    // A card by kind of data, each saying how it is deleted, without jargon or bare counts.
    expect(data!.activity.attachments).toBeDefined();
    for (const kind of ['Je twijfels', 'Je onboarding', 'Je profiel', 'Je chat met Mediawijs']) {
      const at = data!.text.indexOf(kind);
      expect(at, kind).toBeGreaterThanOrEqual(0);
      expect(data!.text.indexOf('🗑️ Met "verwijder mijn gegevens"', at), kind).toBeGreaterThan(at);
    }
    expect(data!.text).not.toMatch(/Chatverwijzing|Concepttekst|\(\d+\)/);
    // The card's own button asks for the same confirmation as typing the command.
    const [fromCard] = await bot.click(docent, actionData(data!, 'Verwijder mijn gegevens'));
    expect(fromCard!.text).toMatch(/Wil je al je gegevens bij Mediawijs verwijderen\?/);

    const [confirm] = await bot.say(docent, 'verwijder mijn gegevens');
    expect(confirm!.text).toMatch(/Wil je al je gegevens bij Mediawijs verwijderen\?/);
    expect(await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).toHaveLength(2); // nothing yet

    const [done] = await bot.click(docent, actionData(confirm!, 'Ja, verwijder'));
    expect(done!.text).toMatch(/Klaar\./);
    expect(done!.text).toMatch(/bewaard zonder je naam en tekst/);
    expect(await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).toHaveLength(0);
    expect(await bot.deps.store.doubts.get(first.id)).toBeUndefined();
    expect(await bot.deps.store.onboarding.get(docent.aadObjectId)).toBeUndefined();
    expect(await bot.deps.store.conversations.get(docent.aadObjectId)).toBeUndefined();
    expect((await bot.deps.store.feedback.list()).some((f) => f.userId === docent.aadObjectId)).toBe(false);

    // The leader's open card is now a withdrawn doubt without the asker's text.
    const [open] = await bot.say(lotte, 'openstaande twijfels');
    expect(open!.text).not.toContain('open dag');
    const leftovers = JSON.stringify(await bot.deps.store.doubts.listByAssignee(lotte.aadObjectId));
    expect(leftovers).not.toContain('open dag');
    expect(leftovers).not.toContain(docent.aadObjectId);
  });

  it('deletes nothing when the user says no', async () => {
    await askLeader(bot, docent, 'Mag ik een poll over het schoolfeest plaatsen?');
    const [confirm] = await bot.say(docent, 'verwijder mijn gegevens');
    const [kept] = await bot.click(docent, actionData(confirm!, 'Nee, niet verwijderen'));
    expect(kept!.text).toMatch(/niets verwijderd/);
    expect(await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).toHaveLength(1);
  });
});
