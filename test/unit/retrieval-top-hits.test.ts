import { describe, expect, it } from 'vitest';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { search, type SearchResult } from '../../src/core/retrieval/search.js';

const vocabulary = loadVocabulary();
const board = loadBoardKnowledge('knowledge', 'oog');
const index = createSearchIndex(board.knowledge, vocabulary, board);

const summary = (result: SearchResult, hits: number) => ({
  hits: result.hits.slice(0, hits).map((h) => [h.indexed.section.id, h.score, h.coverage, h.matched, h.question]),
  decisive: result.decisive && [result.decisive.indexed.section.id, result.decisive.score, result.decisive.coverage],
  codeIntent: result.codeIntent && [result.codeIntent.intent, result.codeIntent.hit.indexed.section.id],
  generic: result.generic,
  common: result.common,
  outOfScope: result.outOfScope,
});

// An answer asks for the refined top only: it must be exactly the top of the full ranking, standard
// questions about the code (whose named section may come from far down) included.
describe("search with hits: 'top'", () => {
  it.each([
    'mag ik een foto van mijn klas op insta zetten?',
    'een ouder reageert boos op facebook, wat doe ik?',
    'hoe vraag ik ouderschapsverlof aan?',
    'voor wie geldt dit protocol eigenlijk?',
    'wie heeft dit protocol opgesteld?',
    'waar kan ik het protocol nalezen?',
    'geldt die code ook voor mn privé insta?',
  ])('%j: the same top as with every hit', (question) => {
    const all = search(index, question);
    const top = search(index, question, { hits: 'top' });
    expect(top.hits.length).toBeGreaterThanOrEqual(Math.min(12, index.sections.length));
    expect(top.hits.length).toBeLessThanOrEqual(all.hits.length);
    expect(summary(top, 12)).toEqual(summary(all, 12));
  });
});
