import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '../support/activities.js';
import { findAction, type BotUnderTest, type Reply } from '../support/bot-harness.js';
import { actionData, startDiskBot, type DiskBot } from '../support/disk-bot.js';

const teacher = user('posting', 3);
const second = user('posting2', 4);
const third = user('posting3', 5);
const fourth = user('posting4', 6);

/** The question card's fact id, read from its "Ja" button. */
const factOf = (reply: Reply) => actionData(reply, 'Ja').fact as string;

/** Answers question cards (default "nee") until a card without answer buttons comes back. */
async function answerUntilVerdict(bot: BotUnderTest, who: typeof teacher, card: Reply, answers: Record<string, string>): Promise<Reply> {
  for (let i = 0; i < 20 && findAction(card.activity, 'Ja'); i++) {
    const fact = factOf(card);
    [card] = (await bot.click(who, { verb: 'posting.answer', fact, value: answers[fact] ?? 'nee' })) as [Reply];
  }
  return card;
}

describe('"Mag ik dit posten?" over HTTP', () => {
  let disk: DiskBot;
  let bot: BotUnderTest;

  beforeAll(async () => {
    disk = await startDiskBot('oog');
    bot = disk.bot;
  });
  afterAll(async () => disk.dispose());

  it('starts from a natural question and reaches a verdict with quoted rules', async () => {
    let [card] = await bot.say(teacher, 'mag ik een foto van mijn klas op instagram zetten?');
    // The code's answer comes first, quoted, then the check for the user's own post.
    expect(card!.text).toMatch(/Dit staat in de code/);
    expect(card!.text).toMatch(/Bron: Openbaar Onderwijs Groningen, Code Sociale Media/);
    expect(card!.text).toMatch(/Plak het hieronder/);
    [card] = await bot.click(teacher, actionData(card!, 'Sla over'));
    // Answer as a teacher with a recognisable class photo and no written consent.
    card = await answerUntilVerdict(bot, teacher, card!, { about_school: 'ja', recognisable_people: 'ja', written_consent: 'nee' });
    expect(card!.text).toMatch(/⛔ Nee/);
    expect(card!.text).toContain('waarvoor je geen schriftelijk vastgelegde toestemming hebt');
    expect(card!.text).toMatch(/Bron: Openbaar Onderwijs Groningen/);
  });

  it('pre-checks a pasted draft and proposes answers to confirm', async () => {
    let [card] = await bot.say(second, 'mag ik dit posten?');
    [card] = await bot.click(second, { ...actionData(card!, 'Controleer mijn bericht'), draft: 'Wat een toffe dag met groep 6! Bel me op 06-12345678', hasMedia: 'true' });
    expect(card!.text).toMatch(/telefoonnummer/i);
    expect(findAction(card!.activity, /Klopt, ga verder|Ga verder/)).toBeDefined();
  });

  it('"weet ik niet" on a deciding question leads to twijfel and offers the leidinggevende', async () => {
    let [card] = await bot.say(third, 'kan ik dit tweeten');
    [card] = await bot.click(third, actionData(card!, 'Sla over'));
    card = await answerUntilVerdict(bot, third, card!, { about_school: 'ja', recognisable_people: 'ja', written_consent: 'weet-niet' });
    expect(card!.text).toMatch(/🤔 Twijfel/);
    expect(findAction(card!.activity, 'Leg voor aan mijn leidinggevende')).toBeDefined();
  });

  it('goes back one step, refuses an answer to another question, restarts, and resumes after a restart of the bot', async () => {
    let [card] = await bot.say(fourth, 'mag ik dit posten?');
    [card] = await bot.click(fourth, actionData(card!, 'Sla over'));
    const first = factOf(card!);
    [card] = await bot.click(fourth, { verb: 'posting.answer', fact: first, value: 'ja' });
    const second = factOf(card!);
    expect(second).not.toBe(first);

    const refused = await bot.click(fourth, { verb: 'posting.answer', fact: first, value: 'nee' });
    expect(refused[0]!.text).toMatch(/hoort bij een andere vraag/);

    [card] = await bot.click(fourth, actionData(card!, 'Terug'));
    expect(factOf(card!)).toBe(first);
    [card] = await bot.click(fourth, { verb: 'posting.answer', fact: first, value: 'ja' });
    expect(factOf(card!)).toBe(second);

    bot = await disk.restart();
    const resumed = await bot.say(fourth, 'mag ik dit posten?');
    expect(resumed[0]!.text).toMatch(/verder waar je was/);
    expect(factOf(resumed[1]!)).toBe(second);

    [card] = await bot.click(fourth, actionData(resumed[1]!, 'Opnieuw'));
    expect(card!.text).toMatch(/Plak je bericht/);
    [card] = await bot.click(fourth, actionData(card!, 'Sla over'));
    [card] = await bot.click(fourth, actionData(card!, 'Stoppen'));
    expect(card!.text).toMatch(/Gestopt/);
  });

  it('tells the user when a card belongs to a dialog that is already closed', async () => {
    const [reply] = await bot.click(user('nobody', 99), { verb: 'posting.answer', fact: 'about_school', value: 'ja' });
    expect(reply!.text).toMatch(/al afgesloten/);
  });
});
