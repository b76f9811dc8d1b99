import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { search } from '../../src/core/retrieval/search.js';
import { loadKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';

const vocabulary = loadVocabulary();
const kempenkind = createSearchIndex(loadKnowledge('knowledge', 'kempenkind'), vocabulary);

// "team" means medewerkers, a word in a large share of the code: a section that matches the question
// only through it (and the platform) must not outrank the one about the question's specific subject.
describe('generic words', () => {
  it.each([
    ['kan ik de verzuimcijfers van mijn team op linkedin delen?', 'kempenkind:r3'],
    ['mag ik interne cijfers over ons team op facebook zetten?', 'kempenkind:r3'],
  ])('%j → %s first', (question, expected) => {
    expect(search(kempenkind, question).hits[0]?.indexed.section.id).toBe(expected);
  });
});
