import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeOpenAi } from '../support/fake-openai.js';
import { describeE2e, mediawijsBot, useJourney, type BotSpec } from './support/harness.js';

const QUESTION = 'foto van de musical met alle kids erop op mijn eigen fb, kan dat?';

describeE2e('journey: an AI short answer streams in, then the quote (fake model on 127.0.0.1)', () => {
  const model = new FakeOpenAi();
  beforeAll(() => model.start());
  afterAll(() => model.stop());
  const plain = mediawijsBot({ org: 'oog' });
  // The model's address is known only once it listens: the bot's settings are read when the journey starts it.
  const bot: BotSpec = {
    ...plain,
    env: (dataDir) => ({ ...plain.env!(dataDir), AI_ENDPOINT: model.url, AI_PROVIDER: 'openai', AI_MODEL: 'fake-model', AI_TIMEOUT_MS: '15000' }),
  };
  const journey = useJourney({ bot });

  it('shows "Kort gezegd" growing, then the final answer with the quote, its source and 👍/👎', async () => {
    const chat = journey.chat;
    await chat.hideLogPanel();
    // A slow model: a few words every 400 ms, so the Playground gets several streaming updates a second apart.
    model.behave = () => ({ content: 'Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders. [P1]', dripMs: 400 });
    await chat.sendMessage(QUESTION);

    // While streaming: the short answer is there, the quote card not yet.
    const deadline = Date.now() + 15_000;
    let midStream = '';
    while (Date.now() < deadline) {
      const last = (await chat.botTexts()).at(-1) ?? '';
      if (/Kort gezegd/.test(last) && !/Dit staat in de code/.test(last)) {
        midStream = last;
        break;
      }
      await chat.page.waitForTimeout(100);
    }
    expect(midStream, 'no streamed "Kort gezegd" seen before the final message').toMatch(/Kort gezegd: Nee/);
    await chat.screenshot('ai-kort-gezegd-streamt');

    const replies = (await chat.waitForBotReplies({ quietMs: 3_000 })).join('\n');
    expect(replies).toMatch(/Kort gezegd: Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders\./);
    expect(replies).toMatch(/"Kort gezegd" is gemaakt met AI[\s\S]+Dit staat in de code:[\s\S]+Bron: Openbaar Onderwijs Groningen/);
    expect(replies).not.toContain('[P1]');
    expect((await chat.lastMessageButtons()).join(' | ')).toMatch(/Nuttig \|.*Niet nuttig/);
    // The stream became the final message (the Playground shows its text and its card as two bubbles), not a second answer.
    expect((await chat.botTexts()).filter((t) => /Kort gezegd: Nee/.test(t))).toHaveLength(1);
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
    await chat.screenshot('ai-kort-gezegd');
  }, 60_000);
});
