import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAction, type BotUnderTest, type Reply } from '../support/bot-harness.js';
import { startDiskBot, type DiskBot } from '../support/disk-bot.js';
import { actionData, dataDirWithLeaders, PEOPLE, to } from '../support/doubt-helpers.js';

const { docent, lotte } = PEOPLE;

/** The prefilled values of the compose card's two text fields (question, draft), in card order. */
function inputValues(reply: Reply): string[] {
  const values: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.Text' && (o.id === 'doubtText' || o.id === 'draftText')) values.push(typeof o.value === 'string' ? o.value : '');
    Object.values(o).forEach(walk);
  };
  walk(reply.activity.attachments);
  return values;
}

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
    const [compose] = await bot.click(docent, { ...actionData(card!, 'Vraag mijn leidinggevende'), case: { verdict: 'ja', draftText: 'vervalst' } });
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

    const [doubt] = (await bot.deps.store.doubts.listByAsker(docent.aadObjectId));
    expect(doubt!.case).toMatchObject({ draftText: draft, verdict: 'twijfel' });
    expect(doubt!.case!.answers!.length).toBeGreaterThanOrEqual(3);
    expect(doubt!.case!.rules!.length).toBeGreaterThan(0);
    for (const rule of doubt!.case!.rules!) {
      expect(rule.id).toMatch(/^oog:/);
      expect(rule.citation).toMatch(/Openbaar Onderwijs Groningen/);
      expect(bot.deps.board.knowledge.sections.find((s) => s.id === rule.id)?.text).toContain(rule.quote.slice(0, 40));
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
    expect(compose!.text).toMatch(/Vraag mijn leidinggevende/);
    const input = JSON.stringify(compose!.activity).match(/"id":"doubtText"[^}]*"value":"([^"]*)"/);
    expect(input?.[1] ?? '').toBe(prefill);
  });

  it('prefills the question from an answer card, looked up on the server', async () => {
    const [answer] = await bot.say(docent, 'wanneer wordt het salaris overgemaakt?');
    const [compose] = await bot.click(docent, actionData(answer!, 'Vraag mijn leidinggevende'));
    expect(compose!.text).toContain('wanneer wordt het salaris overgemaakt?');
  });

  it('shows likely personal data before sending and replaces it in one click', async () => {
    const before = (await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).length;
    const typed = 'Mag ik de foto van leerling Jayden de Boer delen? Bel me op 06-12345678';
    const [compose] = await bot.say(docent, 'twijfel');
    const [warned] = await bot.click(docent, { ...actionData(compose!, 'Verstuur'), doubtText: typed, draftText: 'Mail jan@school.nl' });
    expect(warned!.text).toMatch(/Dit lijken persoonsgegevens/);
    expect(warned!.text).toContain('naam: **leerling Jayden de Boer** → [leerling]');
    expect(warned!.text).toContain('e-mailadres: **jan@school.nl**');
    // Nothing was stored or sent yet, and there is no plain "Verstuur" on the warning.
    expect(await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).toHaveLength(before);
    expect(findAction(warned!.activity, /^Verstuur$/)).toBeUndefined();

    const [cleaned] = await bot.click(docent, { ...actionData(warned!, 'Vervang ze'), doubtText: typed, draftText: 'Mail jan@school.nl' });
    const values = inputValues(cleaned!);
    expect(values).toEqual(['Mag ik de foto van [leerling] delen? Bel me op [telefoonnummer]', 'Mail [e-mailadres]']);
    expect(cleaned!.text).not.toMatch(/Dit lijken persoonsgegevens/);
    const sent = await bot.click(docent, { ...actionData(cleaned!, 'Verstuur'), doubtText: values[0], draftText: values[1] });
    expect(to(sent, docent)[0]!.text).toMatch(/Je vraag is ontvangen/);
    const stored = await bot.deps.store.doubts.listByAsker(docent.aadObjectId);
    expect(stored).toHaveLength(before + 1);
    expect(JSON.stringify(stored)).not.toContain('Jayden');
  });

  it('removes what was found, or sends it as it is only after that explicit choice', async () => {
    const typed = 'De moeder van Sanne belde: mag ik haar foto delen?';
    const [compose] = await bot.say(docent, 'twijfel');
    const [warned] = await bot.click(docent, { ...actionData(compose!, 'Verstuur'), doubtText: typed });
    const [removed] = await bot.click(docent, { ...actionData(warned!, 'Haal ze weg'), doubtText: typed });
    expect(inputValues(removed!)[0]).toBe('De moeder van belde: mag ik haar foto delen?');

    const before = (await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).length;
    const [again] = await bot.click(docent, { ...actionData(compose!, 'Verstuur'), doubtText: typed });
    const sent = await bot.click(docent, { ...actionData(again!, 'Verstuur zoals het is'), doubtText: typed });
    expect(to(sent, docent)[0]!.text).toMatch(/Je vraag is ontvangen/);
    const stored = await bot.deps.store.doubts.listByAsker(docent.aadObjectId);
    expect(stored).toHaveLength(before + 1);
  });
});
