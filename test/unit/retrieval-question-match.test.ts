import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { analyzeQuery } from '../../src/core/retrieval/query.js';
import { matchQuestions, MIN_QUESTION_MATCH_WEIGHT } from '../../src/core/retrieval/question-index.js';
import { parseVocabulary } from '../../src/core/retrieval/vocabulary.js';
import { testCode, testSection as section } from '../support/test-code.js';

const doc = testCode([section('photos', 'Plaats geen foto van leerlingen zonder toestemming.'), section('tone', 'Blijf online vriendelijk, ook als je het oneens bent.')]);
// "insta" also stands for "online", through a group that says little about the topic.
const vocabulary = parseVocabulary({ themes: [{ theme: 'platforms', groups: [{ words: ['insta'], code: ['online'], weight: 0.15 }] }] });
const questions = { org: 't', bySection: new Map([['t:photos', ['mag een foto van de klas op insta']], ['t:tone', ['iemand is online boos op mij']]]) };

describe('nearest-question match', () => {
  const index = createSearchIndex(doc, vocabulary, { questions });
  const sectionsMatched = (asked: string) => {
    const query = analyzeQuery(index, asked);
    const matches = [...matchQuestions(index.questions, query, query.units.map(() => 1), 0.5, () => 1)];
    return matches.sort((a, b) => b[1].score - a[1].score).map(([s]) => doc.sections[s]!.id);
  };

  it('leaves out the broad words of a low-information group: "insta" does not reach every question saying "online"', () => {
    const alternatives = analyzeQuery(index, 'insta').units.flatMap((u) => [...u.alts]);
    // The premise: "online" is among the alternatives of "insta", below the cut.
    expect(alternatives.some(([, w]) => w > 0 && w < MIN_QUESTION_MATCH_WEIGHT)).toBe(true);
    expect(sectionsMatched('insta')).toEqual(['t:photos']);
  });

  it('still matches a stored question on the word itself, best', () => {
    expect(sectionsMatched('online')[0]).toBe('t:tone');
  });
});
