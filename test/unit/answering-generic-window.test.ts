import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answering/answer.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { loadKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';

const oog = createSearchIndex(loadKnowledge('knowledge', 'oog'), loadVocabulary());

// Words found all over the code (sociale media, team/medewerker) must not pull a quote window away
// from the clause with the question's specific words.
describe('quote windows favour the specific words of the question', () => {
  it.each([['zijn er casussen en voorbeelden over sociale media voor ons team?', 'digitale toolbox met voorbeelden, een werkvorm en casussen']])(
    '%j quotes %j',
    (question, phrase) => {
      const result = answerQuestion(oog, question);
      expect(result.kind).toBe('answer');
      if (result.kind !== 'answer') return;
      const quotes = [result.best, ...result.related].map((p) => p.quote);
      expect(quotes.some((q) => q.includes(phrase))).toBe(true);
      for (const p of [result.best, ...result.related]) expect(p.section.text.includes(p.quote)).toBe(true);
    },
  );
});
