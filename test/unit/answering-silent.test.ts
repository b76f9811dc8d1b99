import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answering/answer.js';
import { silentConflicts } from '../../src/core/answering/silent-filter.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { listOrgs, loadBoardKnowledge } from '../../src/board/board-files.js';
import { validateSilentTopics } from '../../src/core/knowledge/questions.js';
import { testCode, testSection } from '../support/test-code.js';

// What one board's code is silent on (knowledge/<org>/silent.yaml): a question close to the domain
// that its code does not answer is declined for that board, while the questions its sections answer
// are not (the filter knowledge:build runs).

const vocabulary = loadVocabulary();
const doc = testCode([
  testSection('friends', 'Het is medewerkers niet toegestaan om vrienden te worden met leerlingen op sociale media.'),
  testSection('photo', "Plaats geen foto's van leerlingen zonder toestemming van hun ouders."),
]);
const questions = {
  org: 't',
  bySection: new Map([
    ['t:friends', ['mag ik bevriend zijn met lln op fb', 'een leerling stuurt me een vriendschapsverzoek, accepteren?']],
    ['t:photo', ['mag ik een klassenfoto op insta zetten', "foto's van de sportdag op fb, mag dat?"]],
  ]),
};
const silent = ['mag ik ouders appen vanaf mijn prive nummer', 'moet ik mijn 06 nummer aan ouders geven of mag ik dat weigeren'];

describe('questions a board’s code is silent on', () => {
  const withSilence = createSearchIndex(doc, vocabulary, { questions, silent });

  it('declines a question the board’s code is silent on, which the same code without that knowledge would answer', () => {
    // Kopwerk's code never says which channels staff may use with parents; OOG's does.
    const { knowledge, silent: kopwerkSilent, ...extras } = loadBoardKnowledge('knowledge', 'kopwerk');
    const question = 'moet ik ouders mijn prive nummer geven zodat ze kunnen appen?';
    expect(answerQuestion(createSearchIndex(knowledge, vocabulary, extras), question).kind).toBe('answer');
    expect(answerQuestion(createSearchIndex(knowledge, vocabulary, { ...extras, silent: kopwerkSilent }), question).kind).not.toBe('answer');
  });

  it('is not declined by a how-to question the code is silent on when it asks whether something is allowed', () => {
    // oog's silent.yaml holds "hoe zet ik mijn instagram op privé? ik wil niet dat leerlingen mijn vakantiefoto's kunnen zien".
    const { knowledge, ...extras } = loadBoardKnowledge('knowledge', 'oog');
    expect(answerQuestion(createSearchIndex(knowledge, vocabulary, extras), 'Mag ik een foto van een leerling op Instagram zetten?')).toMatchObject({ kind: 'answer', best: { section: { id: 'oog:3.1.8' } } });
  });

  it('still answers the questions its sections answer', () => {
    expect(answerQuestion(withSilence, 'mag ik met een leerling bevriend zijn op facebook?')).toMatchObject({ kind: 'answer', best: { section: { id: 't:friends' } } });
    expect(answerQuestion(withSilence, "mag ik foto's van mijn klas op insta zetten?")).toMatchObject({ kind: 'answer', best: { section: { id: 't:photo' } } });
  });

  it('the filter reports a silent question that would decline a question a section answers', () => {
    const clash = createSearchIndex(doc, vocabulary, { questions, silent: [...silent, 'mag ik bevriend zijn met lln op fb of insta'] });
    expect(silentConflicts(clash, questions)).toContainEqual({ silent: 'mag ik bevriend zijn met lln op fb of insta', sectionId: 't:friends', question: 'mag ik bevriend zijn met lln op fb' });
    expect(silentConflicts(withSilence, questions)).toEqual([]);
  });

  it.each(listOrgs('knowledge'))('%s: no question its sections answer is declined by its silent.yaml', (org) => {
    const { knowledge, ...extras } = loadBoardKnowledge('knowledge', org);
    expect(extras.silent.length, 'silent.yaml is missing or empty').toBeGreaterThan(20);
    expect(silentConflicts(createSearchIndex(knowledge, vocabulary, extras), extras.questions!)).toEqual([]);
  });
});

describe('a standard question the board says its code is silent on', () => {
  const indexOf = (org: string) => {
    const { knowledge, ...extras } = loadBoardKnowledge('knowledge', org);
    return createSearchIndex(knowledge, vocabulary, extras);
  };

  it('is declined where code-intents.yaml names no section, and answered where it does', () => {
    // Only kopwerk's code says when the staff council consented and since when it applies.
    for (const question of ['heeft de mr eigenlijk ingestemd met deze code?', 'sinds wanneer geldt dit protocol eigenlijk?', 'wie heeft dit protocol goedgekeurd?']) {
      expect(answerQuestion(indexOf('oog'), question).kind, question).not.toBe('answer');
      expect(answerQuestion(indexOf('kopwerk'), question).kind, question).toBe('answer');
    }
    // Konot's code names no sanctions; kopwerk's does.
    const sanction = 'wat gebeurt er als ik me niet aan het protocol hou?';
    expect(answerQuestion(indexOf('konot'), sanction).kind).not.toBe('answer');
    expect(answerQuestion(indexOf('kopwerk'), sanction)).toMatchObject({ kind: 'answer', best: { section: { id: 'kopwerk:sancties.1' } } });
  });
});

describe('silent.yaml', () => {
  const file = { org: 'oog', topics: [{ topic: 'logo', why: 'de code noemt het logo niet', questions: ['mag het schoollogo op mijn linkedin?'] }] };

  it('gives its questions as one list', () => {
    expect(validateSilentTopics(file)).toEqual({ ok: true, value: { org: 'oog', questions: ['mag het schoollogo op mijn linkedin?'] } });
  });

  it('refuses a topic without the reason the code is silent, or without questions', () => {
    expect(validateSilentTopics({ ...file, topics: [{ topic: 'logo', questions: ['mag het logo?'] }] }).ok).toBe(false);
    expect(validateSilentTopics({ ...file, topics: [{ topic: 'logo', why: 'niets over het logo', questions: [] }] }).ok).toBe(false);
  });
});
