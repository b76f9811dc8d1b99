import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, rerank, type RerankCandidate } from '../../src/core/retrieval/rerank.js';
import { RERANK_WEIGHTS } from '../../src/core/retrieval/rerank-weights.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { search } from '../../src/core/retrieval/search.js';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';

const query = { units: [], inDomain: true, procedure: false, mentions: new Set() } as never;

function candidate(id: string, score: number, textPart: number, questionPart: number): RerankCandidate {
  return {
    indexed: { section: { id, text: 'tekst van de sectie', headingPath: [], audience: [], org: 'x' }, prior: 1, fields: { head: { tf: new Map() } } } as never,
    score,
    textPart,
    textCoverage: 0.5,
    questionPart,
  };
}

describe('re-ranking the top hits', () => {
  it('has one fitted weight per feature', () => {
    expect(RERANK_WEIGHTS).toHaveLength(FEATURE_NAMES.length);
  });

  it('reorders by the model but keeps the scores where they were, best first', () => {
    const hits = [candidate('a', 10, 10, 0), candidate('b', 8, 0, 8)];
    const onlyQuestions = FEATURE_NAMES.map((n) => (n === 'questionPart' ? 1 : 0));
    const ranked = rerank(hits, query, [], onlyQuestions);
    expect(ranked.map((h) => h.indexed.section.id)).toEqual(['b', 'a']);
    expect(ranked.map((h) => h.score)).toEqual([10, 8]);
  });

  it('without weights the hand-set order stands', () => {
    const hits = [candidate('a', 10, 10, 0), candidate('b', 8, 0, 8)];
    expect(rerank(hits, query, [], undefined).map((h) => h.indexed.section.id)).toEqual(['a', 'b']);
  });

  it('the decision to answer is judged on the hand-set best hit, whatever goes first', () => {
    const board = loadBoardKnowledge('knowledge', 'oog');
    const index = createSearchIndex(board.knowledge, loadVocabulary(), board);
    const question = 'mag ik een foto van mijn klas op insta zetten?';
    const plain = search(index, question, { weights: null });
    const reranked = search(index, question);
    expect(reranked.decisive?.indexed.section.id).toBe(plain.hits[0]!.indexed.section.id);
    const scores = reranked.hits.map((h) => h.score);
    expect(scores).toEqual(reranked.hits.map((h) => h.score).sort((a, b) => b - a));
  });
});
