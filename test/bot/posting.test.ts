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

  it('a question typed after a check opened by a question is answered as a question, not taken as the situation', async () => {
    const asker = user('posting-then-question', 41);
    await bot.say(asker, 'mag ik een foto van mijn klas op instagram zetten?');
    const [answer] = await bot.say(asker, 'moet ik eerst uitzoeken hoe tiktok werkt voordat ik het ga gebruiken?');
    expect(answer!.text).not.toMatch(/Dit viel me op|Dit haal ik uit je tekst/);
    expect(answer!.text).toMatch(/Dit staat in de code|Ik weet het niet zeker|Daar zegt de code niets over/);
  });

  it('after "mag ik dit posten?" only the first typed message is the situation; the next is a question again', async () => {
    const asker = user('posting-situation-once', 42);
    await bot.say(asker, 'mag ik dit posten?');
    const [checked] = await bot.say(asker, 'Ik wil een foto van de sportdag met leerlingen erop op de Instagram van school zetten');
    expect(checked!.text).toMatch(/Dit viel me op|Dit haal ik uit je tekst/);
    await bot.say(asker, 'stop');
    await bot.say(asker, 'mag ik dit posten?');
    await bot.say(asker, 'ok'); // too short to be a situation, and it uses up the one chance
    const [answer] = await bot.say(asker, 'wat zegt de code over vriendschapsverzoeken van ouders op facebook?');
    expect(answer!.text).not.toMatch(/Dit viel me op|Dit haal ik uit je tekst/);
  });

  it('starts from a natural question and reaches a verdict with quoted rules', async () => {
    let [card] = await bot.say(teacher, 'mag ik een foto van mijn klas op instagram zetten?');
    // The code's answer comes first, quoted, then the check for the user's own post.
    expect(card!.text).toMatch(/Dit staat in de code/);
    expect(card!.text).toMatch(/Bron: Openbaar Onderwijs Groningen, Code Sociale Media/);
    expect(card!.text).toMatch(/Plak het hieronder/);
    [card] = await bot.click(teacher, actionData(card!, 'Sla over'));
    // Answer as a teacher with a recognisable class photo and no written consent.
    card = await answerUntilVerdict(bot, teacher, card!, { about_school: 'ja', recognisable_people: 'ja', written_consent: 'nee' });
    expect(card.text).toMatch(/⛔ Nee/);
    expect(card.text).toContain('waarvoor je geen schriftelijk vastgelegde toestemming hebt');
    expect(card.text).toMatch(/Bron: Openbaar Onderwijs Groningen/);
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
    expect(card.text).toMatch(/🤔 Twijfel/);
    expect(findAction(card.activity, 'Vraag mijn leidinggevende')).toBeDefined();
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

  it('takes typed replies while a question is open: ja, nee, weet ik niet, terug, stop', async () => {
    const typist = user('posting-typed', 7);
    let [card] = await bot.say(typist, 'mag ik dit posten?');
    [card] = await bot.click(typist, actionData(card!, 'Sla over'));
    const first = factOf(card!);
    expect(card!.text).toMatch(/Vraag 1 · nog hooguit \d+ daarna/);
    [card] = await bot.say(typist, 'Ja!');
    const second = factOf(card!);
    expect(second).not.toBe(first);
    expect(card!.text).toMatch(/Vraag 2 /);
    [card] = await bot.say(typist, 'terug');
    expect(factOf(card!)).toBe(first);
    [card] = await bot.say(typist, 'ja');
    expect(factOf(card!)).toBe(second);
    [card] = await bot.say(typist, 'weet ik niet');
    expect(card!.text).not.toMatch(/Daar zegt de code niets over/);
    expect(card!.text).toMatch(/Vraag 3 |🤔 Twijfel/);
    const [stopped] = await bot.say(typist, 'stop');
    expect(stopped!.text).toMatch(/Gestopt/);
    // Once stopped, "ja" is an ordinary message again.
    const [after] = await bot.say(typist, 'nee');
    expect(after!.text).not.toMatch(/Gestopt|Vraag \d/);
  });

  it('checks a situation typed after "mag ik dit posten?", pre-ticks what it read, and ends a post not about school quickly', async () => {
    const keuken = user('posting-keuken', 8);
    await bot.say(keuken, 'mag ik dit posten?');
    let [card] = await bot.say(keuken, 'Ik wil op Facebook privé een foto van mijn nieuwe keuken delen. Het heeft niets met school te maken.');
    expect(card!.text).toMatch(/Het bericht gaat niet over school/);
    expect(card!.text).toMatch(/Je post privé/);
    [card] = await bot.say(keuken, 'klopt');
    card = await answerUntilVerdict(bot, keuken, card!, {});
    expect(card.text).toMatch(/✅ Ja/);
  });

  it('runs the check for a posting request that mentions doubt, and offers the leidinggevende at the verdict', async () => {
    const doubter = user('posting-doubt', 9);
    let [card] = await bot.say(doubter, 'Mag ik dit posten? Ik wil een cartoon van internet op mijn eigen Facebook zetten, maar ik twijfel nog.');
    expect(card!.text).not.toMatch(/Schrijf kort waar je over twijfelt/);
    expect(card!.text).toMatch(/Dit haal ik uit je tekst:[\s\S]*Je twijfelt nog[\s\S]*Dit noem je niet, dus ik ga ervan uit:/);
    expect(card!.text).toMatch(/Dit viel me op/);
    [card] = await bot.click(doubter, { ...actionData(card!, /Klopt, ga verder/), 'accept.unsure': 'false' });
    card = await answerUntilVerdict(bot, doubter, card!, { creator_consent: 'nee', unsure: 'ja' });
    expect(card.text).toMatch(/⛔ Nee|🤔 Twijfel/);
    expect(findAction(card.activity, 'Vraag mijn leidinggevende')).toBeDefined();
    // A click on an older card now says so once, without the verdict again.
    const old = await bot.click(doubter, { verb: 'posting.answer', fact: 'unsure', value: 'ja' });
    expect(old).toHaveLength(1);
    expect(old[0]!.text).toMatch(/al een uitkomst/);
    expect(old[0]!.text).not.toMatch(/Er staat nu geen vraag open/);
  });

  it('keeps the pasted message when going back from the check, and gives a question about contact no posting form', async () => {
    const paster = user('posting-paste', 10);
    let [card] = await bot.say(paster, 'mag ik dit posten?');
    [card] = await bot.click(paster, { ...actionData(card!, 'Controleer mijn bericht'), draft: 'Wat een toffe dag met groep 6!', hasMedia: 'true' });
    [card] = await bot.click(paster, actionData(card!, 'Terug'));
    expect(JSON.stringify(card!.activity)).toContain('Wat een toffe dag met groep 6!');

    const [answer] = await bot.say(user('posting-friend', 11), 'moeder van een leerling stuurt me een vriendschapsverzoek op fb, mag ik die accepteren?');
    expect(findAction(answer!.activity, 'Controleer mijn bericht')).toBeUndefined();
  });

  it('tells the user when a card belongs to a dialog that is already closed', async () => {
    const [reply] = await bot.click(user('nobody', 99), { verb: 'posting.answer', fact: 'about_school', value: 'ja' });
    expect(reply!.text).toMatch(/al afgesloten/);
  });
});
