import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doubt } from '../../src/core/doubts/types.js';
import { findAction, type BotUnderTest, type Reply } from '../support/bot-harness.js';
import { startDiskBot, type DiskBot } from '../support/disk-bot.js';
import { actionData, dataDirWithLeaders, PEOPLE, to } from '../support/doubt-helpers.js';

const { docent, lotte } = PEOPLE;

describe('hand-over from "Mag ik dit posten?" to the leidinggevende', () => {
  let disk: DiskBot;
  let bot: BotUnderTest;

  beforeAll(async () => {
    disk = await startDiskBot('oog', { dataDir: dataDirWithLeaders('mw-handover-') });
    bot = disk.bot;
    await bot.say(lotte, 'hallo');
  });
  afterAll(async () => disk.dispose());

  it('carries the draft, the answers, the verdict and the cited rules, from the server, not from card data', async () => {
    const draft = 'Wat een geweldige sportdag met groep 7 vandaag!';
    let [card] = await bot.say(docent, 'mag ik dit posten?');
    [card] = await bot.click(docent, { ...actionData(card!, 'Controleer mijn bericht'), draft, hasMedia: 'true' });
    if (findAction(card!.activity, /Klopt, ga verder|Ga verder/)) [card] = await bot.click(docent, actionData(card!, /Klopt, ga verder|Ga verder/));
    const answers: Record<string, string> = { about_school: 'ja', recognisable_people: 'ja', written_consent: 'weet-niet' };
    for (let i = 0; i < 20 && findAction(card!.activity, 'Ja'); i++) {
      const fact = actionData(card!, 'Ja').fact as string;
      [card] = (await bot.click(docent, { verb: 'posting.answer', fact, value: answers[fact] ?? 'nee' })) as [Reply];
    }
    expect(card!.text).toMatch(/🤔 Twijfel/);

    // A forged case in the card data must be ignored.
    const [compose] = await bot.click(docent, { ...actionData(card!, 'Leg voor aan mijn leidinggevende'), case: { verdict: 'ja', draftText: 'vervalst' } });
    expect(compose!.text).toContain(draft);
    expect(compose!.text).toContain('Lotte Leider');
    const sent = await bot.click(docent, { ...actionData(compose!, 'Verstuur'), doubtText: 'De check kwam uit op twijfel. Mag dit?', draftText: draft, case: { verdict: 'ja' } });
    expect(to(sent, docent)[0]!.text).toMatch(/Je vraag is ontvangen/);

    const [leaderCard] = to(sent, lotte);
    expect(leaderCard!.text).toContain(draft);
    expect(leaderCard!.text).toMatch(/Antwoorden in de check "Mag ik dit posten\?"/);
    expect(leaderCard!.text).toMatch(/Weet ik niet/);
    expect(leaderCard!.text).toMatch(/Uitkomst van de check: \*\*twijfel\*\*/);
    expect(leaderCard!.text).toMatch(/Bron: Openbaar Onderwijs Groningen/);
    expect(leaderCard!.text).not.toContain('vervalst');

    const [doubt] = (await bot.deps.store.doubts.listByAsker(docent.aadObjectId)) as Doubt[];
    expect(doubt!.case).toMatchObject({ draftText: draft, verdict: 'twijfel' });
    expect(doubt!.case!.answers!.length).toBeGreaterThanOrEqual(3);
    expect(doubt!.case!.rules!.length).toBeGreaterThan(0);
    for (const rule of doubt!.case!.rules!) {
      expect(rule.id).toMatch(/^oog:/);
      expect(rule.citation).toMatch(/Openbaar Onderwijs Groningen/);
      expect(bot.deps.knowledge.sections.find((s) => s.id === rule.id)?.text).toContain(rule.quote.slice(0, 40));
    }

    // A second click on the same "Verstuur" does not send it twice.
    const twice = await bot.click(docent, { ...actionData(compose!, 'Verstuur'), doubtText: 'nog eens' });
    expect(twice[0]!.text).toMatch(/al verstuurd/);
    expect(await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).toHaveLength(1);
  });

  it.each([
    ['"leg voor aan mijn leidinggevende"', 'leg voor aan mijn leidinggevende', ''],
    ['a free-text doubt request', 'ik twijfel of ik deze foto mag delen', 'ik twijfel of ik deze foto mag delen'],
  ])('opens the compose card for %s', async (_name, text, prefill) => {
    const [compose] = await bot.say(docent, text);
    expect(compose!.text).toMatch(/Vraag het je leidinggevende/);
    const input = JSON.stringify(compose!.activity).match(/"id":"doubtText"[^}]*"value":"([^"]*)"/);
    expect(input?.[1] ?? '').toBe(prefill);
  });

  it('prefills the question from an answer card, looked up on the server', async () => {
    const [answer] = await bot.say(docent, 'wanneer wordt het salaris overgemaakt?');
    const [compose] = await bot.click(docent, actionData(answer!, 'Leg voor aan mijn leidinggevende'));
    expect(compose!.text).toContain('wanneer wordt het salaris overgemaakt?');
  });

  it('offers to remove phone numbers and e-mail addresses before sending', async () => {
    const [compose] = await bot.say(docent, 'twijfel');
    const [warned] = await bot.click(docent, { ...actionData(compose!, 'Verstuur'), doubtText: 'Mag ik dit delen? Bel me op 06-12345678', draftText: 'Mail jan@school.nl' });
    expect(warned!.text).toMatch(/Ik zie 1 telefoonnummer en 1 e-mailadres/);
    const [cleaned] = await bot.click(docent, { ...actionData(warned!, 'Verwijder telefoonnummers en e-mailadressen'), doubtText: 'Mag ik dit delen? Bel me op 06-12345678', draftText: 'Mail jan@school.nl' });
    expect(cleaned!.text).toContain('[telefoonnummer verwijderd]');
    expect(cleaned!.text).not.toContain('06-12345678');
    const before = (await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).length;
    const sent = await bot.click(docent, { ...actionData(cleaned!, 'Verstuur'), doubtText: 'Mag ik dit delen? Bel me op [telefoonnummer verwijderd]', draftText: 'Mail [e-mailadres verwijderd]' });
    expect(to(sent, docent)[0]!.text).toMatch(/Je vraag is ontvangen/);
    expect(await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).toHaveLength(before + 1);
  });
});
