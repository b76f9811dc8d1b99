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
    // Every command, the ones for leidinggevenden marked as such.
    for (const command of ['mag ik dit posten?', 'twijfel', 'mijn vragen', 'openstaande twijfels', 'onboarding overzicht', 'mijn gegevens', 'verwijder mijn gegevens']) expect(help).toContain(command);
    expect(help).toContain('Voor leidinggevenden');
    expect(await chat.lastMessageButtons()).toEqual(['Start de onboarding', 'Mag ik dit posten?', 'Vraag mijn leidinggevende']);
    await chat.screenshot('help-card');
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
  });

  it('shows "mijn gegevens" as a card by kind of data, each with how to delete it', async () => {
    const chat = journey.chat;
    await chat.sendMessage('mijn gegevens');
    const data = await chat.waitForBotReply();
    expect(data).toMatch(/^Mijn gegevens/);
    expect(data).toMatch(/Je profiel[\s\S]+🗑️ Met "verwijder mijn gegevens"/);
    expect(data).not.toMatch(/Chatverwijzing|\(\d+\)/);
    expect(await chat.lastMessageButtons()).toEqual(['Verwijder mijn gegevens']);
    await chat.screenshot('mijn-gegevens');
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
  });
});
