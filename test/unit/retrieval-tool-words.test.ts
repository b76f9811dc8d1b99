import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answering/answer.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { analyzeQuery, asksForProcedure, asksPermission } from '../../src/core/retrieval/query.js';
import { tokenize } from '../../src/core/retrieval/normalize.js';
import { loadKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';

const vocabulary = loadVocabulary();
const boards = ['oog', 'konot', 'kopwerk'] as const;
const indexes = new Map<string, ReturnType<typeof createSearchIndex>>(boards.map((org) => [org, createSearchIndex(loadKnowledge('knowledge', org), vocabulary)]));

describe('asksForProcedure', () => {
  it.each([
    ['hoe maak ik een account aan?', true],
    ['hoe zet ik een reel online?', true],
    ['hoe kan ik een account aanmaken?', true],
    ['weet iemand hoe ik mijn wachtwoord reset?', false], // "hoe ik": no verb between, a statement
    ['hoe ga ik om met een boze ouder op facebook?', false],
    ['hoe reageer ik op een nare reactie?', false],
    ['hoe moet ik hiermee omgaan?', false],
    ['mag ik een foto van de klas posten?', false],
    ['hoe werkt tiktok?', false],
    // About the code itself, which may say how: "hoe vertalen we die code naar onze school?"
    ['hoe vertalen we die code naar onze eigen school?', false],
    ['hoe vinden we ons social media protocol terug?', false],
    ['hoe maak ik een code voor de wifi aan?', true],
    // Typed on a phone, "hoe" last: still how to operate something, unless it is how to behave.
    ['insta op prive zetten hoe', true],
    ['account verwijderen hoe dan?', true],
    ['reageren op boze ouder hoe', false],
    ['ik wil het melden maar weet niet hoe', false],
  ])('%j → %s', (question, expected) => {
    expect(asksForProcedure(tokenize(question))).toBe(expected);
  });
});

describe('asksPermission', () => {
  it.each([
    ['mag ik de klassenfoto op mn fb zetten?', true],
    ['een ouder plaatste een foto, mag dat?', true],
    ['is dat wel ok als ik een leerling volg?', true],
    ['is het toegestaan om te appen met ouders', true],
    ['kan dat zomaar, een filmpje van de musical op youtube?', true],
    ['hoe zorg ik dat mensen me niet kunnen taggen op fb', false],
    ['wat zegt de code over appen met ouders', false],
    ['hoeveel volgers heeft onze schoolaccount', false],
  ])('%s → %s', (question, expected) => {
    expect(asksPermission(tokenize(question))).toBe(expected);
  });
});

describe('tool words', () => {
  it('marks platform, account and posting words as tools, topic words not', () => {
    const q = analyzeQuery(indexes.get('oog')!, 'mag ik een screenshot van een leerling op instagram zetten?');
    const tool = Object.fromEntries(q.units.map((u) => [u.surface, u.tool]));
    expect(tool).toMatchObject({ instagram: true, zetten: true, leerling: false });
  });

  // Manuals and product questions: the codes hold rules of conduct, not instructions.
  it.each(boards.flatMap((org) => [
    [org, 'hoe maak ik een instagram account aan?'],
    [org, 'hoe zet ik een reel online?'],
    [org, 'hoe maak ik een account?'],
    [org, 'hoe reset ik mijn wachtwoord van het intranet?'],
    [org, 'hoe krijg ik meer volgers op instagram?'],
    [org, 'hoe download ik een filmpje van youtube?'],
    [org, 'hoe log ik in op linkedin?'],
  ]))('%s declines %j', (org, question) => {
    expect(answerQuestion(indexes.get(org)!, question).kind).toBe('not_found');
  });

  // A tool word next to a real topic still gets the rule.
  it.each([
    ['oog', 'mag ik een foto van mijn klas op instagram zetten?', 'oog:3.1.8'],
    ['konot', 'hoe ga ik om met een ouder die op facebook in discussie gaat?', 'konot:'],
    ['oog', 'mogen leerlingen hun wachtwoord aan hun ouders vertellen?', 'oog:3.2.9'],
  ])('%s answers %j', (org, question, idPrefix) => {
    const result = answerQuestion(indexes.get(org)!, question);
    expect(result.kind).toBe('answer');
    if (result.kind === 'answer') expect(result.best.section.id.startsWith(idPrefix)).toBe(true);
  });
});
