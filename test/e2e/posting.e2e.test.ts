import { expect, it } from 'vitest';
import { describeE2e, mediawijsBot, useJourney, type PlaygroundChat } from './support/harness.js';

/** The fact the current question card asks about, read from its "Ja" button (undefined on a verdict). */
const currentFact = (chat: PlaygroundChat) => chat.latestCardAction('Ja')?.fact as string | undefined;

// A teacher with a recognisable class photo and no written consent; every other question: "Nee".
const ANSWERS: Record<string, 'Ja' | 'Nee'> = { about_school: 'Ja', recognisable_people: 'Ja', written_consent: 'Nee' };

describeE2e('journey: "mag ik dit posten?" from a natural question to a verdict', () => {
  const journey = useJourney({ bot: mediawijsBot({ org: 'oog' }) });

  it('quotes the code first, goes back one question, and ends with "Nee" and the deciding rule', async () => {
    const chat = journey.chat;
    await chat.sendMessage('mag ik een foto van mijn klas op instagram zetten?');
    expect(await chat.waitForBotReply()).toMatch(/Dit staat in de code:[\s\S]+Bron: Openbaar Onderwijs Groningen/);
    await chat.screenshot('posting-1-code-first');
    await chat.clickCardButton('Sla over');
    const firstQuestion = await chat.waitForBotReply();
    const firstFact = currentFact(chat);
    expect(firstFact).toBeDefined();

    // Answer the first question, then "Terug": the same question must come back.
    await chat.clickCardButton(ANSWERS[firstFact!] ?? 'Nee');
    expect(await chat.waitForBotReply()).not.toBe(firstQuestion);
    expect(currentFact(chat)).not.toBe(firstFact);
    await chat.clickCardButton('Terug');
    expect(await chat.waitForBotReply()).toBe(firstQuestion);
    expect(currentFact(chat)).toBe(firstFact);
    await chat.screenshot('posting-2-back');

    let reply = firstQuestion;
    for (let fact = currentFact(chat), asked = 0; fact !== undefined; fact = currentFact(chat), asked++) {
      if (asked > 15) throw new Error(`Na ${asked} vragen nog geen uitkomst; laatste vraag: ${reply}`);
      await chat.clickCardButton(ANSWERS[fact] ?? 'Nee');
      reply = await chat.waitForBotReply();
    }
    expect(reply).toMatch(/⛔ Nee/);
    expect(reply).toMatch(/Deze regels? beslis/);
    expect(reply).toMatch(/toestemming/);
    expect(reply).toMatch(/Bron: Openbaar Onderwijs Groningen/);
    await chat.screenshot('posting-3-verdict');
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
  });

  it('reads a typed situation, shows what it read and assumed as pre-ticks, and answers typed replies', async () => {
    const chat = journey.chat;
    await chat.sendMessage('mag ik dit posten?');
    expect(await chat.waitForBotReply()).toMatch(/Plak je bericht/);
    await chat.sendMessage('Ik wil tweeten dat ik de onderwijsstaking van morgen terecht vind. Ik heb niet vermeld of ik dat als mezelf of namens de school zeg.');
    const precheck = await chat.waitForBotReply();
    expect(precheck).toMatch(/Dit haal ik uit je tekst:/);
    expect(precheck).toMatch(/Je maakt niet duidelijk of het privé is of namens de school/);
    expect(precheck).toMatch(/Dit noem je niet, dus ik ga ervan uit:/);
    await chat.screenshot('posting-4-pre-ticks');
    // Typed "klopt" accepts every pre-tick: no question is needed for this situation.
    await chat.sendMessage('klopt');
    const verdict = await chat.waitForBotReply();
    expect(verdict).toMatch(/☑️ Ja, mits/);
    expect(verdict).toMatch(/persoonlijke titel/);
    expect(verdict).toMatch(/Openbaar Onderwijs Groningen/);
    expect(verdict).not.toMatch(/\bOOG\b/);
    await chat.screenshot('posting-5-ja-mits');

    // Typed replies on an open question work like the buttons.
    await chat.sendMessage('mag ik dit posten?');
    await chat.waitForBotReply();
    await chat.clickCardButton('Sla over');
    const first = await chat.waitForBotReply();
    expect(first).toMatch(/Vraag 1 · nog hooguit \d+ daarna/);
    await chat.sendMessage('nee');
    const second = await chat.waitForBotReply();
    expect(second).toMatch(/Vraag 2 /);
    await chat.sendMessage('terug');
    expect(await chat.waitForBotReply()).toBe(first);
    await chat.screenshot('posting-6-typed-back');
    await chat.sendMessage('stop');
    expect(await chat.waitForBotReply()).toMatch(/Gestopt/);
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
  });
});
