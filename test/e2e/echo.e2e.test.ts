import { expect, it } from 'vitest';
import { describeE2e, echoBot, useJourney } from './support/harness.js';

// Proves the harness itself with a stand-in bot; the Mediawijs journeys use the same helpers.
describeE2e('e2e harness (echo bot in the Agents Playground)', () => {
  const journey = useJourney({ bot: echoBot() });

  it('sends a message and reads the reply', async () => {
    const chat = journey.chat;
    await chat.sendMessage('hallo');
    expect(await chat.waitForBotReply()).toBe('Echo: hallo');
    await chat.screenshot('echo-hallo');
  });

  it('fills card inputs by label and by id, and clicks a card button', async () => {
    const chat = journey.chat;
    await chat.sendMessage('kaart');
    expect(await chat.waitForBotReply()).toContain('Proefkaart');
    await chat.expectNoCardError();
    await chat.fillCardInput('Je naam', 'Sam');
    await chat.fillCardInput('kleur', 'Blauw');
    await chat.clickCardButton('Versturen');
    expect(await chat.waitForBotReply()).toBe('Bedankt, Sam! Kleur: blauw.');
    await chat.screenshot('echo-kaart');
    chat.expectNoBotErrors();
  });

  it.each(['kapotte kaart', 'lege kaart'])('notices a card that does not render (%s)', async (message) => {
    const chat = journey.chat;
    await chat.sendMessage(message);
    await chat.waitForBotReply();
    await expect(chat.expectNoCardError()).rejects.toThrow(/Kaartfout/);
  });

  it('names the buttons that do exist when a button is missing', async () => {
    const chat = journey.chat;
    await chat.sendMessage('kaart');
    await chat.waitForBotReply();
    await expect(chat.clickCardButton('Bestaat niet')).rejects.toThrow(/"Versturen", "Annuleren"/);
  });

  it('reports a turn that failed in the bot', async () => {
    const chat = journey.chat;
    await chat.sendMessage('crash');
    const failed = () => {
      try {
        chat.expectNoBotErrors();
        return false;
      } catch {
        return true;
      }
    };
    await expect.poll(failed, { timeout: 10_000 }).toBe(true);
  });
});
