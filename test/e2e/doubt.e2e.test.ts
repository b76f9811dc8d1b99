import { expect, it } from 'vitest';
import { describeE2e, LOCAL_USER, mediawijsBot, useJourney } from './support/harness.js';

// SELF_LEADER: the local user is their own leidinggevende, so one Playground user plays both roles.
describeE2e('journey: a doubt sent to the leidinggevende and answered', () => {
  const journey = useJourney({ bot: mediawijsBot({ org: 'oog', env: { SELF_LEADER: 'true' } }) });

  it('sends the doubt, the leader card arrives, "Mag geplaatst worden" updates it in place and answers the asker', async () => {
    const chat = journey.chat;
    await chat.sendMessage('ik twijfel of ik dit mag delen');
    expect(await chat.waitForBotReply()).toMatch(/Vraag mijn leidinggevende[\s\S]+Je bent zelf ingesteld als leidinggevende/);
    await chat.fillCardInput('Je vraag', 'Mag ik de foto van leerling Jayden de Boer op de schoolpagina zetten? Er staan geen gezichten op.');
    await chat.screenshot('doubt-1-compose');
    await chat.clickCardButton('Verstuur');

    // The privacy check: what looks like personal data is shown before anything is sent.
    const warned = await chat.waitForBotReply();
    expect(warned).toMatch(/Dit lijken persoonsgegevens[\s\S]+leerling Jayden de Boer/);
    expect(await chat.lastMessageButtons()).toEqual(['Vervang door [leerling]', 'Haal ze weg', 'Verstuur zoals het is', 'Annuleer']);
    await chat.screenshot('doubt-1b-personal-data');
    await chat.clickCardButton('Vervang door [leerling]');
    await chat.waitForBotReply();
    await chat.screenshot('doubt-1c-replaced');
    await chat.clickCardButton('Verstuur');

    // The confirmation, then the leader card as a proactive message in the same chat.
    const sent = (await chat.waitForBotReplies({ quietMs: 1_500 })).join('\n---\n');
    expect(sent).toContain('Je vraag is ontvangen');
    expect(sent).toContain(`${LOCAL_USER.name} twijfelt over een bericht en vraagt jouw mening`);
    expect(sent).toContain('de foto van [leerling] op de schoolpagina');
    expect(sent).not.toContain('Jayden');
    await chat.screenshot('doubt-2-leader-card');

    await chat.clickCardButton('Mag geplaatst worden');
    const answered = (await chat.waitForBotReplies({ quietMs: 1_500 })).join('\n---\n');
    expect(answered).toMatch(/Antwoord van [\s\S]+Mag geplaatst worden/);
    // Action.Execute: the invoke response replaces the clicked card in place, without its buttons.
    // (The Playground ignores the card's `refresh`, "User specific view is not supported yet", and says so
    // in a note below the card; Teams uses it to show each viewer the current state.)
    const texts = (await chat.botTexts()).join('\n---\n');
    expect(texts).toMatch(/Twijfel van Sanne de Vries[\s\S]*Beantwoord: Mag geplaatst worden/);
    expect(texts).not.toContain('vraagt jouw mening');
    await chat.screenshot('doubt-3-answered');
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
  });
});
