import { expect, it } from 'vitest';
import { describeE2e, mediawijsBot, useJourney } from './support/harness.js';

describeE2e('journey: a question answered from the code, with its source', () => {
  const journey = useJourney({ bot: mediawijsBot({ org: 'oog' }) });

  it('welcomes the new user and answers a question with a citation', async () => {
    const chat = journey.chat;
    expect((await chat.botTexts()).join('\n')).toContain('Mediawijs');
    // A general question (a question word): "Mag ik ... op Instagram zetten?" would start the posting check instead.
    await chat.sendMessage('Wanneer heb ik toestemming nodig voor een foto van een leerling?');
    const replies = (await chat.waitForBotReplies()).join('\n');
    expect(replies).toMatch(/Dit staat in de code:[\s\S]+Bron: Openbaar Onderwijs Groningen, Code Sociale Media/);
    // The answer card, not a text fallback: its feedback buttons are there to click.
    expect((await chat.lastMessageButtons()).join(' | ')).toMatch(/Nuttig \|.*Niet nuttig/);
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
    await chat.screenshot('vraag-met-bron');
  });
});

describeE2e('journey: the bot is not sure and asks "Bedoel je…?"', () => {
  const journey = useJourney({ bot: mediawijsBot({ org: 'oog' }) });

  it('offers passages as buttons without quoting, and opens the one the teacher picks', async () => {
    const chat = journey.chat;
    expect((await chat.botTexts()).join('\n')).toContain('Mediawijs');
    await chat.sendMessage('wie gaat er eigenlijk over die code');
    const offer = (await chat.waitForBotReplies()).join('\n');
    expect(offer).toMatch(/Ik weet het niet zeker/);
    expect(offer).not.toMatch(/Bron:/);
    const buttons = await chat.lastMessageButtons();
    // Passages are offered by their hand-written titles; the last button is the leidinggevende.
    const passage = buttons.find((b) => !b.endsWith('leidinggevende') && !/Nuttig/.test(b));
    expect(passage, buttons.join(' | ')).toBeDefined();
    expect(buttons.join(' | ')).toMatch(/Vraag mijn leidinggevende/);
    await chat.screenshot('bedoel-je');
    await chat.clickCardButton(passage!);
    const opened = (await chat.waitForBotReplies()).join('\n');
    expect(opened).toMatch(/Dit staat in de code:[\s\S]+Bron: Openbaar Onderwijs Groningen, Code Sociale Media/);
    await chat.expectNoCardError();
    chat.expectNoBotErrors();
    await chat.screenshot('bedoel-je-gekozen');
  });
});
