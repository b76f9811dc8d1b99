import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answering/answer.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import type { KnowledgeDocument, Section } from '../../src/core/knowledge/types.js';

const section = (id: string, text: string): Section => ({ id: `t:${id}`, org: 't', headingPath: ['Regels voor medewerkers'], audience: ['medewerkers'], text });
const doc: KnowledgeDocument = {
  org: 't',
  organisation: 'Testbestuur',
  title: 'Code',
  version: '1',
  contentHash: 'x',
  leaderTerm: 'leidinggevende',
  sections: [
    section('follow', 'Accepteer als medewerker geen volgverzoeken van leerlingen op je persoonlijke Instagram-account.'),
    section('photo', "Plaats geen foto's van leerlingen zonder toestemming van hun ouders."),
  ],
};
const index = createSearchIndex(doc, loadVocabulary(), {
  questions: {
    org: 't',
    bySection: new Map([
      ['t:follow', ['mag ik lln laten volgen op mijn insta', 'een leerling wil mij volgen op instagram, mag dat']],
      ['t:photo', ['mag ik een klassenfoto op insta zetten']],
    ]),
  },
  outOfScope: [
    'hoeveel volgers heeft het instagram account van onze school',
    'hoe zet ik tweestapsverificatie aan op instagram',
    'wanneer is de volgende studiedag',
    'hoe vraag ik ouderschapsverlof aan',
    'wie regelt de vervanging als ik ziek ben',
    'hoe maak ik een poll in teams',
    'waar vind ik het rooster van volgende week',
    'hoe laat begint de ouderavond',
  ],
});

describe('the nearest out-of-scope question', () => {
  it('declines a question much closer to an out-of-scope example than to any question a section answers', () => {
    // "volgers" and "instagram" also reach the follow rule, which covers a good share of the question.
    expect(answerQuestion(index, 'hoeveel volgers heeft de insta van onze school eigenlijk?').kind).not.toBe('answer');
  });

  it('answers a question closer to a question the code answers', () => {
    const result = answerQuestion(index, 'een leerling wil me volgen op insta, mag dat?');
    expect(result.kind).toBe('answer');
    if (result.kind === 'answer') expect(result.best.section.id).toBe('t:follow');
  });
});

describe('a question asking whether something is allowed', () => {
  const permissionIndex = createSearchIndex(doc, loadVocabulary(), {
    questions: { org: 't', bySection: new Map([['t:photo', ['wat als ik zonder toestemming een foto van de klas op fb zet']]]) },
    outOfScope: ['hoe zorg ik dat mensen me niet meer kunnen taggen in fotos op fb', 'mag ik fotos van mijn eigen kinderen op fb zetten'],
  });

  it('is not declined for an app manual sharing its words: it asks a rule, not how the app works', () => {
    // The manual example matches "fotos", "fb" and more words than the stored question does.
    const answer = answerQuestion(permissionIndex, 'mag ik de klassenfoto op mn fb zetten of moet ik zorgen dat niemand getagd wordt?');
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.best.section.id).toBe('t:photo');
  });

  it('is still declined by an out-of-scope example that asks the same kind of thing', () => {
    expect(answerQuestion(permissionIndex, 'mag ik fotos van mijn eigen kinderen op mijn fb zetten?').kind).not.toBe('answer');
  });
});

describe('the nearest out-of-scope question on a real board', () => {
  const board = loadBoardKnowledge('knowledge', 'oog');
  const oog = createSearchIndex(board.knowledge, loadVocabulary(), board);

  it('declines when an out-of-scope example is the much closer neighbour, even if a passage covers more of the question', () => {
    // "Instagram-account" and "volgers" reach the rule on pupils following staff, which covers more
    // of the question's words than the out-of-scope example does; the example is still far closer.
    expect(answerQuestion(oog, 'Hoeveel volgers heeft het Instagram-account van onze school nu eigenlijk?').kind).not.toBe('answer');
    expect(answerQuestion(oog, 'een leerling wil mij volgen op insta, mag ik dat accepteren?').kind).toBe('answer');
  });
});

describe('"how do I …" questions on the real boards', () => {
  const boards = ['oog', 'konot', 'kopwerk', 'kempenkind', 'school001'].map((org) => {
    const board = loadBoardKnowledge('knowledge', org);
    return [org, createSearchIndex(board.knowledge, loadVocabulary(), board)] as const;
  });

  // A manual for an app, even when it names people the codes speak of (ouders, klas): the codes
  // hold rules of conduct, so a how-to is answered only through a specific word of a rule.
  it.each(boards)('%s declines how to set up a chat group for the parents', (_org, index) => {
    expect(answerQuestion(index, 'hoe maak ik een whatsappgroep aan voor de ouders van groep 5?').kind).not.toBe('answer');
  });

  // A stored story shares its words ("ik zet alleen dingen in mijn close friends op insta …"), but an
  // app-manual example covers the question as well: it asks how the app works, not what the code says.
  it.each(boards)('%s declines how to post a story for close friends only', (_org, index) => {
    expect(answerQuestion(index, 'hoe zet ik een story op insta alleen voor close friends?').kind).not.toBe('answer');
  });

  it('still answers a how-to that names a topic of the code', () => {
    const [, oog] = boards[0]!;
    expect(answerQuestion(oog, 'hoe meld ik een nepaccount van een collega?').kind).toBe('answer');
  });
});

describe('a question without a social-media word', () => {
  it('is answered when a stored question and it each cover half of the other (the same question in other words)', () => {
    const board = loadBoardKnowledge('knowledge', 'kempenkind');
    const index = createSearchIndex(board.knowledge, loadVocabulary(), board);
    const answer = answerQuestion(index, 'is er nou een lijst met verboden dingen of gaan ze uit van ons gezonde verstand?');
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.best.section.id).toBe('kempenkind:intro.p2');
  });

  it('is declined when it shares only a place with a stored question', () => {
    const board = loadBoardKnowledge('knowledge', 'oog');
    const index = createSearchIndex(board.knowledge, loadVocabulary(), board);
    expect(answerQuestion(index, 'waar kan ik parkeren bij het ondersteuningsbureau?').kind).not.toBe('answer');
    expect(answerQuestion(index, 'geldt de code ook voor wie op het ondersteuningsbureau werkt?').kind).toBe('answer');
  });

  // kopwerk stores "mag een ouder in de oudergroep zetten welk kind hoofdluis heeft?": the one word
  // shared is half of that question at most, and the rest of it (the group chat) is what makes it the code's.
  it('is declined when it shares only its subject with a stored question about posting it', () => {
    const board = loadBoardKnowledge('knowledge', 'kopwerk');
    const index = createSearchIndex(board.knowledge, loadVocabulary(), board);
    expect(answerQuestion(index, 'wat moet ik doen als er hoofdluis in de klas is?').kind).not.toBe('answer');
    expect(answerQuestion(index, 'mag ik in de ouderapp zetten welk kind hoofdluis heeft?').kind).toBe('answer');
  });
});
