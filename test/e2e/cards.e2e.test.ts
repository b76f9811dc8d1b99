import { expect, it } from 'vitest';
import { describeE2e, mediawijsBot, useJourney } from './support/harness.js';

describeE2e('guard: Mediawijs cards render in the Playground', () => {
  const journey = useJourney({ bot: mediawijsBot({ org: 'oog' }) });

  // The Playground, like Teams on install, sends installationUpdate and conversationUpdate together.
  it('shows the welcome card exactly once on opening', async () => {
    const welcomes = (await journey.chat.botTexts()).filter((t) => t.startsWith('Welkom!'));
    expect(welcomes).toHaveLength(1);
  });

  it('renders the help card with its text and all three buttons', async () => {
    const chat = journey.chat;
    await chat.sendMessage('help');
    const help = await chat.waitForBotReply();
    expect(help).toMatch(/^Waarmee kan ik je helpen\?/);
    expect(help).toContain('Openbaar Onderwijs Groningen');
    expect(await chat.lastMessageButtons()).toEqual(['Start de onboarding', 'Mag ik dit posten?', 'Vraag mijn leidinggevende']);
    await chat.screenshot('help-card');
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
  });
});
