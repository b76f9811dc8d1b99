import { describe, expect, it } from 'vitest';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { analyzeQuery } from '../../src/core/retrieval/query.js';
import { coveredAmong } from '../../src/core/retrieval/unit-match.js';

const vocabulary = loadVocabulary();
const board = loadBoardKnowledge('knowledge', 'oog');
const index = createSearchIndex(board.knowledge, vocabulary, board);

// A remembered word's match against a heading or title is kept; a unit with alternatives of its own
// (a copy) is matched afresh. Every heading and title must cover the question the same either way.
describe('kept heading and title matches of remembered words', () => {
  it.each(['mag ik een foto van mijn klas op insta zetten?', 'wat doe ik als een ouder boos reageert op facebook?', 'mag ik vloeken op mijn eigen twitter?'])('%j', (question) => {
    const asked = analyzeQuery(index, question);
    const copies = asked.units.map((u) => ({ ...u, alts: new Map(u.alts) }));
    const weights = asked.units.map((_, i) => i + 1);
    for (let round = 0; round < 2; round++) {
      for (const s of index.sections) {
        expect(coveredAmong(asked.units, weights, s.fields.head.tf)).toBe(coveredAmong(copies, weights, s.fields.head.tf));
        expect(coveredAmong(asked.units, weights, s.titleKeys)).toBe(coveredAmong(copies, weights, s.titleKeys));
      }
    }
  });
});
