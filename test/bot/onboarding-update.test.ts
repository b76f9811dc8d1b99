import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeDocument } from '../../src/core/knowledge/types.js';
import { user } from '../support/activities.js';
import { startBot, type BotUnderTest } from '../support/bot-harness.js';
import { actionData, startDiskBot, type DiskBot } from '../support/disk-bot.js';

const colleague = user('bijwerken', 12);

/** Walks the course with the right answers and acknowledges it. */
async function completeCourse(bot: BotUnderTest): Promise<void> {
  let [card] = await bot.say(colleague, 'onboarding');
  for (const step of bot.deps.board.onboardingCourse.steps) {
    const right = step.quiz.options.find((o) => o.correct)!;
    [card] = await bot.click(colleague, { ...actionData(card!, 'Controleer mijn antwoord'), optionId: right.id });
    [card] = await bot.click(colleague, actionData(card!, /^(Volgende|Naar de afronding)$/));
  }
  await bot.click(colleague, actionData(card!, /Ik bevestig dit/));
}

describe('a new version of the code', () => {
  let disk: DiskBot;
  beforeAll(async () => {
    disk = await startDiskBot('oog');
  });
  afterAll(async () => disk.dispose());

  it('invites people who acknowledged the old version, once, to a short update of what changed', async () => {
    await completeCourse(disk.bot);
    const old = disk.bot.deps.board.knowledge;
    const changedId = 'oog:3.1.9';
    const newVersion: KnowledgeDocument = {
      ...old,
      version: 'januari 2027',
      contentHash: `${old.contentHash}-2027`,
      sections: old.sections.map((s) => (s.id === changedId ? { ...s, text: `${s.text} Vermeld altijd de bron.` } : s)),
    };
    await disk.bot.stop();
    const bot = await startBot({ env: { ORG: 'oog', DATA_DIR: disk.dataDir }, connector: disk.connector, overrides: { board: { ...disk.bot.deps.board, knowledge: newVersion, version: newVersion.version } } });
    disk.bot = bot;

    const replies = await bot.say(colleague, 'hallo');
    const invitation = replies.find((r) => /veranderd|bijgewerkt/i.test(r.text));
    expect(invitation, replies.map((r) => r.text).join('\n---\n')).toBeDefined();

    const [update] = await bot.click(colleague, actionData(invitation!, 'Bekijk wat er veranderd is'));
    expect(update!.text).toContain('Vermeld altijd de bron.');
    // Only what changed: an unchanged rule is not repeated.
    expect(update!.text).not.toContain(old.sections.find((s) => s.id === 'oog:3.1.8')!.text);

    const again = await bot.say(colleague, 'hallo');
    expect(again.some((r) => /veranderd|bijgewerkt/i.test(r.text))).toBe(false);

    await bot.click(colleague, actionData(update!, /Ik bevestig dit/));
    const progress = (await bot.deps.store.onboarding.get(colleague.aadObjectId))!;
    expect(progress.acknowledgements.at(-1)!.code.contentHash).toBe(newVersion.contentHash);
    expect(progress.acknowledgements.at(-1)!.code.version).toBe('januari 2027');
  });
});
