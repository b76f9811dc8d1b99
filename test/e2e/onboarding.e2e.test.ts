import path from 'node:path';
import { expect, it } from 'vitest';
import { loadOnboardingCourse } from '../../src/infra/load-onboarding.js';
import { REPO_ROOT } from '../../tools/lib/bot-process.js';
import { describeE2e, mediawijsBot, useJourney } from './support/harness.js';

describeE2e('journey: onboarding, the first steps, stopped and resumed', () => {
  const journey = useJourney({ bot: mediawijsBot({ org: 'oog' }) });

  it('welcomes on opening, checks an answer, moves on, stops and resumes at step 2', async () => {
    // The course the bot serves, so the journey can pick the right answer without hard-coding it.
    const course = await loadOnboardingCourse(path.join(REPO_ROOT, 'dialogs'), 'oog');
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
});
