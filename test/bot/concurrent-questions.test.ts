import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotUnderTest } from '../support/bot-harness.js';
import { activityText } from '../support/fake-connector.js';
import { message, user } from '../support/activities.js';

// Questions of several kinds: a posting request, a story, a rule, one about the code itself, one the code does not answer.
const QUESTIONS = [
  'mag ik een filmpje van de musical op tiktok zetten?',
  'een vader scheldt me uit in de klassenapp, wat nu?',
  'mag een leerling mij volgen op insta?',
  'wat is de hoofdregel van de code?',
  'hoe zet ik een out of office aan in outlook?',
  'geldt dat sm protocol ook voor mn prive insta?',
];

describe('questions asked at the same moment (answered on the answer worker while others are in flight)', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBot({ env: { ORG: 'oog', ANSWER_THREAD: 'worker' } });
  });
  afterAll(async () => bot.stop());

  it('get the same replies as one at a time, each in its own conversation', async () => {
    const alone = new Map<string, string>();
    for (const [i, question] of QUESTIONS.entries()) {
      alone.set(question, (await bot.say(user(`alone${i}`, 0x500 + i), question)).map((r) => r.text).join('\n'));
    }

    const askers = Array.from({ length: 4 * QUESTIONS.length }, (_, i) => ({ who: user(`busy${i}`, 0x600 + i), question: QUESTIONS[i % QUESTIONS.length]! }));
    const before = bot.connector.calls.length;
    const statuses = await Promise.all(
      askers.map(async ({ who, question }) => (await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(who, question, bot.connector.url)) })).status),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    const replies = bot.connector.calls.slice(before);
    for (const { who, question } of askers) {
      const mine = replies.filter((c) => (c.body.conversation as { id?: string } | undefined)?.id === who.conversationId);
      expect(mine.map((c) => activityText(c.body)).join('\n')).toBe(alone.get(question));
    }
  });
});
