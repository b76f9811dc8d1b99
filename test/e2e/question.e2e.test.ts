import { expect, it } from 'vitest';
import { describeE2e, mediawijsBot, useJourney } from './support/harness.js';

describeE2e('journey: a question answered from the code, with its source', () => {
  const journey = useJourney({ bot: mediawijsBot({ org: 'oog' }) });

  it('welcomes the new user and answers a question with a citation', async () => {
    const chat = journey.chat;
    expect((await chat.botTexts()).join('\n')).toContain('Mediawijs');
    await chat.sendMessage('Mag ik een foto van een leerling op Instagram zetten?');
    const replies = (await chat.waitForBotReplies()).join('\n');
    expect(replies).toMatch(/Bron: Openbaar Onderwijs Groningen/);
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
    await chat.screenshot('vraag-met-bron');
  });
});
