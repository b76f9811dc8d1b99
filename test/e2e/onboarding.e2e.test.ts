import path from 'node:path';
import { expect, it } from 'vitest';
import { loadOnboardingCourse } from '../../src/board/board-files.js';
import { REPO_ROOT } from '../../tools/lib/bot-process.js';
import { describeE2e, mediawijsBot, useJourney } from './support/harness.js';

describeE2e('journey: onboarding, the first steps, stopped and resumed', () => {
  const journey = useJourney({ bot: mediawijsBot({ org: 'oog' }) });

  it('welcomes on opening, checks an answer, moves on, stops and resumes at step 2', async () => {
    // The course the bot serves, so the journey can pick the right answer without hard-coding it.
    const course = loadOnboardingCourse(path.join(REPO_ROOT, 'dialogs'), 'oog');
    const [step1, step2] = course.steps;
    const steps = `van ${course.steps.length}`;
    const chat = journey.chat;

    // The Playground adds the bot to the personal chat on opening: the welcome card with its offer.
    const welcome = (await chat.botTexts()).join('\n');
    expect(welcome).toMatch(/Welkom!/);
    expect(welcome).toContain('Start de onboarding');

    await chat.sendMessage('onboarding');
    const first = await chat.waitForBotReply();
    expect(first).toContain(`Stap 1 ${steps}`);
    expect(first).toContain(step1!.theme);
    expect(first).toMatch(/Bron: Openbaar Onderwijs Groningen/);
    await chat.chooseCardOption(step1!.quiz.options.find((o) => o.correct)!.label);
    await chat.screenshot('onboarding-1-step-1');
    await chat.clickCardButton('Controleer mijn antwoord');
    expect(await chat.waitForBotReply()).toMatch(/Goed zo![\s\S]+Het goede antwoord:/);
    await chat.screenshot('onboarding-2-feedback');

    await chat.clickCardButton('Volgende');
    const second = await chat.waitForBotReply();
    expect(second).toContain(`Stap 2 ${steps}`);
    expect(second).toContain(step2!.theme);
    await chat.clickCardButton('Stoppen, later verder');
    expect(await chat.waitForBotReply()).toMatch(/Gepauzeerd[\s\S]+stap 2 van/);

    await chat.sendMessage('onboarding');
    const resumed = await chat.waitForBotReply();
    expect(resumed).toContain(`Stap 2 ${steps}`);
    expect(resumed).toContain(step2!.theme);
    await chat.screenshot('onboarding-3-resumed');
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
  });

  it('goes on to the end: reads the whole code before confirming, then confirms with a button that is not cut off', async () => {
    const course = loadOnboardingCourse(path.join(REPO_ROOT, 'dialogs'), 'oog');
    const chat = journey.chat;
    await chat.sendMessage('onboarding');
    let card = await chat.waitForBotReply();
    // Skip the remaining steps; the first test left the course at step 2.
    for (let i = 0; i < 2 * course.steps.length && !card.includes('Afronding'); i++) {
      const buttons = await chat.lastMessageButtons();
      await chat.clickCardButton(['Naar de afronding', 'Volgende', 'Overslaan'].find((b) => buttons.includes(b)) ?? 'Overslaan');
      card = await chat.waitForBotReply();
    }
    expect(card).toMatch(/Je hebt alle stappen doorlopen/);
    // The statement once, and a short button that the Playground shows in full.
    expect(card.split('Ik heb de code gelezen en begrijp wat er van mij verwacht wordt')).toHaveLength(2);
    expect(await chat.lastMessageButtons()).toEqual(['Ik bevestig dit', 'Lees de hele code', 'Stoppen, later verder']);
    await chat.screenshot('onboarding-4-afronding');

    await chat.clickCardButton('Lees de hele code');
    expect(await chat.waitForBotReply()).toMatch(/Kies een deel om het helemaal te lezen[\s\S]+Inleiding/);
    await chat.screenshot('onboarding-5-hele-code');
    await chat.clickCardButton('Begin bij deel 1');
    expect(await chat.waitForBotReply()).toMatch(/Deel 1 van \d+[\s\S]+Sociale media is een verzamelnaam/);
    await chat.screenshot('onboarding-6-deel-1');
    await chat.clickCardButton('Terug naar de afronding');
    expect(await chat.waitForBotReply()).toMatch(/Je hebt alle stappen doorlopen/);
    await chat.clickCardButton('Ik bevestig dit');
    expect(await chat.waitForBotReply()).toMatch(/Onboarding afgerond/);
    await chat.screenshot('onboarding-7-afgerond');
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
  });
});
