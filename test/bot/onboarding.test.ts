import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installed, user } from '../support/activities.js';
import { findAction, type BotUnderTest } from '../support/bot-harness.js';
import { actionData, startDiskBot, type DiskBot } from '../support/disk-bot.js';

const newTeacher = user('nieuw', 7);

describe('onboarding over HTTP, across a restart of the bot', () => {
  let disk: DiskBot;
  let bot: BotUnderTest;

  beforeAll(async () => {
    disk = await startDiskBot('oog');
    bot = disk.bot;
  });
  afterAll(async () => disk.dispose());

  it('greets a new user once on installation and offers onboarding', async () => {
    const first = await bot.post(installed(newTeacher, disk.connector.url));
    expect(first.replies).toHaveLength(1);
    expect(first.replies[0]!.text).toMatch(/Welkom/);
    expect(findAction(first.replies[0]!.activity, 'Start de onboarding')).toBeDefined();
    const again = await bot.post(installed(newTeacher, disk.connector.url));
    expect(again.replies).toHaveLength(0);
  });

  it('walks the whole course: right and wrong answers, skip, stop, resume after a restart, acknowledgement', async () => {
    const course = bot.deps.board.onboardingCourse;
    const steps = course.steps;
    expect(steps.length).toBeGreaterThanOrEqual(6);

    let [card] = await bot.say(newTeacher, 'onboarding');
    expect(card!.text).toContain(`Stap 1 van ${steps.length}`);
    expect(card!.text).toContain(steps[0]!.rule.quote);

    // Step 1: the right answer.
    const right = steps[0]!.quiz.options.find((o) => o.correct)!;
    [card] = await bot.click(newTeacher, { ...actionData(card!, 'Controleer mijn antwoord'), optionId: right.id });
    expect(card!.text).toMatch(/Goed zo/);
    [card] = await bot.click(newTeacher, actionData(card!, 'Volgende'));
    expect(card!.text).toContain(`Stap 2 van ${steps.length}`);

    // Step 2: a wrong answer gets the explanation with the right answer.
    const wrong = steps[1]!.quiz.options.find((o) => !o.correct)!;
    [card] = await bot.click(newTeacher, { ...actionData(card!, 'Controleer mijn antwoord'), optionId: wrong.id });
    expect(card!.text).toMatch(/Niet helemaal/);
    expect(card!.text).toContain(steps[1]!.quiz.options.find((o) => o.correct)!.label);
    // A forged answer for a step that is not the current one is refused.
    const [refused] = await bot.click(newTeacher, { verb: 'onboarding.answer', stepId: steps[4]!.id, optionId: steps[4]!.quiz.options[0]!.id });
    expect(refused!.text).not.toMatch(/Goed zo|Niet helemaal/);
    [card] = await bot.click(newTeacher, actionData(card!, 'Volgende'));

    // Step 3: skipped.
    expect(card!.text).toContain(`Stap 3 van ${steps.length}`);
    [card] = await bot.click(newTeacher, actionData(card!, 'Overslaan'));
    expect(card!.text).toContain(`Stap 4 van ${steps.length}`);

    // Stop, restart the bot process state, resume where we left off.
    [card] = await bot.click(newTeacher, actionData(card!, 'Stoppen, later verder'));
    expect(card!.text).toMatch(/Gepauzeerd/);
    bot = await disk.restart();
    [card] = await bot.say(newTeacher, 'onboarding');
    expect(card!.text).toContain(`Stap 4 van ${steps.length}`);

    // The rest: right answers.
    for (let i = 3; i < steps.length; i++) {
      const option = steps[i]!.quiz.options.find((o) => o.correct)!;
      [card] = await bot.click(newTeacher, { ...actionData(card!, 'Controleer mijn antwoord'), optionId: option.id });
      [card] = await bot.click(newTeacher, actionData(card!, i === steps.length - 1 ? 'Naar de afronding' : 'Volgende'));
    }
    // The statement is printed once, and the button is short enough not to be cut off.
    expect(card!.text.split('Ik heb de code gelezen en begrijp wat er van mij verwacht wordt')).toHaveLength(2);
    expect(findAction(card!.activity, 'Ik bevestig dit')).toBeDefined();

    // Before confirming, the whole code can be read, part by part, word for word; progress stays.
    let [code] = await bot.click(newTeacher, actionData(card!, 'Lees de hele code'));
    expect(code!.text).toContain('Kies een deel om het helemaal te lezen');
    const sections = bot.deps.board.knowledge.sections;
    const read: string[] = [];
    [code] = await bot.click(newTeacher, { verb: 'onboarding.read-code', chapter: 0 });
    for (let i = 0; i < 20; i++) {
      read.push(code!.text);
      if (!findAction(code!.activity, 'Volgend deel')) break;
      [code] = await bot.click(newTeacher, actionData(code!, 'Volgend deel'));
    }
    const all = read.join('\n');
    for (const s of sections) expect(all, s.id).toContain(s.text.split('\n')[0]!.trim());
    [card] = await bot.click(newTeacher, actionData(code!, 'Terug naar de afronding'));
    expect(findAction(card!.activity, 'Ik bevestig dit')).toBeDefined();
    [card] = await bot.click(newTeacher, actionData(card!, 'Ik bevestig dit'));

    const progress = (await bot.deps.store.onboarding.get(newTeacher.aadObjectId))!;
    expect(progress.status).toBe('completed');
    const ack = progress.acknowledgements.at(-1)!;
    expect(ack.code.version).toBe(bot.deps.board.version);
    expect(ack.code.contentHash).toBe(bot.deps.board.knowledge.contentHash);
    expect(Date.parse(ack.at)).not.toBeNaN();
  });
});
