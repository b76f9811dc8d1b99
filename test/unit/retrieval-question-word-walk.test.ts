import { describe, expect, it } from 'vitest';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { analyzeQuery, type AnalyzedQuery } from '../../src/core/retrieval/query.js';
import { matchQuestions } from '../../src/core/retrieval/question-index.js';
import { unitWeight } from '../../src/core/retrieval/section-text-match.js';

const vocabulary = loadVocabulary();
const board = loadBoardKnowledge('knowledge', 'oog');
const index = createSearchIndex(board.knowledge, vocabulary, board);

const matches = (query: AnalyzedQuery) => {
  const weights = query.units.map((u) => unitWeight(index, u));
  return [...matchQuestions(index.questions, query, weights, 0.8, () => 1)];
};

// A remembered word's walk is kept and replayed; a unit with alternatives of its own (a copy) is
// walked posting by posting. Both must leave exactly the same matches, to the last bit, including
// when two words share keys (the reach goes to the word weighing a key most).
describe('kept walks of remembered words', () => {
  it.each([
    'mag ik een foto van mijn klas op insta zetten?',
    'een ouder reageert boos op facebook, wat doe ik?',
    'mag ik een foto of video van een leerling op facebook of insta zetten?',
    'mag ik vloeken op mijn eigen twitter?',
    'kan ik beelden van de klas delen in de klassenapp?',
  ])('%j: the same matches as walking every posting', (question) => {
    const asked = analyzeQuery(index, question);
    const kept = matches(asked);
    kept.push(...matches(asked)); // the second time from the kept walks
    const walked = matches({ ...asked, units: asked.units.map((u) => ({ ...u, alts: new Map(u.alts) })) });
    expect(kept).toEqual([...walked, ...walked]);
    expect(walked.length).toBeGreaterThan(0);
  });
});
