import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnboardingProgress } from '../../src/core/onboarding/progress-types.js';
import { findAction, type BotUnderTest } from '../support/bot-harness.js';
import { startDiskBot, type DiskBot } from '../support/disk-bot.js';
import { actionData, askLeader, dataDirWithLeaders, PEOPLE, to } from '../support/doubt-helpers.js';
import { FakeClock } from '../support/fake-clock.js';

const { docent, docent2, lotte, onbekend } = PEOPLE;

describe('onboarding overview and invitations for a leidinggevende', () => {
  const clock = new FakeClock();
  let disk: DiskBot;
  let bot: BotUnderTest;

  beforeAll(async () => {
    disk = await startDiskBot('oog', { dataDir: dataDirWithLeaders('mw-onboarding-leader-'), overrides: { clock } });
    bot = disk.bot;
    // Both colleagues of Lotte have opened the bot; docent2 completed the course (with a wrong quiz answer).
    await bot.say(docent, 'hallo');
    await bot.say(docent2, 'hallo');
    const completed: OnboardingProgress = {
      formatVersion: 1,
      org: 'oog',
      status: 'completed',
      paused: false,
      steps: { 'stap-1': { outcome: 'answered', correct: false, at: '2026-11-20T10:00:00.000Z' } },
      startedAt: '2026-11-20T09:00:00.000Z',
      completedAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      acknowledgements: [
        {
          at: '2026-11-20T10:00:00.000Z',
          kind: 'course',
          statement: 'Ik heb de code gelezen en begrijp wat er van mij verwacht wordt',
          code: { version: bot.deps.board.version, contentHash: bot.deps.board.knowledge.contentHash, sectionHashes: {}, sectionLabels: {} },
        },
      ],
      updating: false,
    };
    await bot.deps.store.onboarding.put(docent2.aadObjectId, completed);
  });
  afterAll(async () => disk.dispose());

  it('shows who completed (and when) and who has not started, without quiz answers', async () => {
    const [overview] = await bot.say(lotte, 'onboarding overzicht');
    expect(overview!.text).toMatch(/Onboarding-overzicht/);
    expect(overview!.text).toMatch(/Afgerond\n1/);
    expect(overview!.text).toMatch(/Nog niet begonnen\n1/);
    expect(overview!.text).toMatch(/docent2: 20 november 2026/);
    expect(overview!.text).toMatch(/Nog niet begonnen[\s\S]*docent\b/);
    expect(overview!.text).not.toMatch(/correct|fout|Niet helemaal/i);
    expect(findAction(overview!.activity, 'Nodig 1 collega uit')).toBeDefined();
  });

  it('invites the people who have not started, at most once a week', async () => {
    const [overview] = await bot.say(lotte, 'onboarding overzicht');
    const replies = await bot.click(lotte, actionData(overview!, 'Nodig 1 collega uit'));
    const [invitation] = to(replies, docent);
    expect(invitation!.text).toMatch(/Uitnodiging: onboarding sociale media/);
    expect(findAction(invitation!.activity, 'Start de onboarding')).toBeDefined();
    expect(to(replies, docent2)).toHaveLength(0);
    expect(to(replies, lotte)[0]!.text).toMatch(/Uitnodiging verstuurd aan 1 collega:\n[\s\S]*docent/);
    expect((await bot.deps.store.onboarding.get(docent.aadObjectId))?.invitedAt).toBe(clock.now().toISOString());

    // Within the week: no button, and a forged click invites nobody.
    clock.addDays(3);
    const [later] = await bot.say(lotte, 'onboarding overzicht');
    expect(findAction(later!.activity, /Nodig/)).toBeUndefined();
    expect(later!.text).toMatch(/kreeg de afgelopen week al een uitnodiging/);
    const forged = await bot.click(lotte, { verb: 'onboarding.invite' });
    expect(to(forged, docent)).toHaveLength(0);
    expect(forged[0]!.text).toMatch(/Er is nu niemand om uit te nodigen/);

    // After a week, again.
    clock.addDays(5);
    const again = await bot.click(lotte, { verb: 'onboarding.invite' });
    expect(to(again, docent)).toHaveLength(1);
  });

  it('refuses the overview and invitations to someone who is not a leidinggevende', async () => {
    for (const who of [docent, onbekend]) {
      const [refused] = await bot.say(who, 'onboarding overzicht');
      expect(refused!.text).toMatch(/Het onboarding-overzicht is voor leidinggevenden/);
      const forged = await bot.click(who, { verb: 'onboarding.invite' });
      expect(forged).toHaveLength(1);
      expect(forged[0]!.text).toMatch(/voor leidinggevenden/);
    }
  });
});

describe('onboarding overview in the self-leader demo', () => {
  let disk: DiskBot;
  beforeAll(async () => {
    disk = await startDiskBot('oog', { env: { SELF_LEADER: 'true' } });
  });
  afterAll(async () => disk.dispose());

  it('knows the demo user as leidinggevende, as the doubts do: the one who just answered their own doubt sees themselves', async () => {
    const bot = disk.bot;
    const { replies } = await askLeader(bot, docent, 'Mag ik dit delen?');
    expect(to(replies, docent).map((r) => r.text).join('\n')).toMatch(/Demo: je bent zelf ingesteld als je eigen leidinggevende/);
    const [doubt] = await bot.deps.store.doubts.listByAsker(docent.aadObjectId);
    const answered = await bot.execute(docent, 'doubt.answer', { doubtId: doubt!.id, decision: 'approve' });
    expect(answered.cardText).toMatch(/Beantwoord/);
    const [overview] = await bot.say(docent, 'onboarding overzicht');
    expect(overview!.text).toMatch(/Onboarding-overzicht/);
    expect(overview!.text).not.toMatch(/Ik ken jou \(nog\) niet/);
    expect(overview!.text).toMatch(/Nog niet begonnen\n1/);
    expect(overview!.text).toContain('docent');
  });
});
