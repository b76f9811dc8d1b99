import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { matchBag } from '../../src/core/retrieval/question-bags.js';
import { analyzeQuery } from '../../src/core/retrieval/query.js';
import { search } from '../../src/core/retrieval/search.js';
import { FEATURE_NAMES } from '../../src/core/retrieval/rerank.js';
import { testCode, testSection as section } from '../support/test-code.js';

const doc = testCode([
  section('scope', 'Deze regels gelden ook buiten de school en buiten werktijd.'),
  section('photos', 'Plaats geen foto van leerlingen zonder toestemming van hun ouders.'),
  section('tone', 'Wees respectvol in reacties, ook als je het ergens niet mee eens bent.'),
]);
const vocabulary = { themes: [] } as never;
const questions = {
  org: 't',
  bySection: new Map([
    // "vakantie" and "tiktok" each occur in one stored question of the scope section, never together.
    ['t:scope', ['geldt dit ook in de vakantie', 'ook voor mijn eigen tiktok?']],
    ['t:photos', ['mag een klassenfoto op tiktok']],
    ['t:tone', ['een ouder scheldt in een reactie']],
  ]),
};

describe('all stored questions of a section as one bag (document expansion)', () => {
  const index = createSearchIndex(doc, vocabulary, { questions });

  it('covers a question whose words are spread over several stored questions of one section', () => {
    const query = analyzeQuery(index, 'vakantie tiktok');
    const weights = query.units.map(() => 1);
    const scope = matchBag(index.questionBags, 0, query.units, weights);
    const photos = matchBag(index.questionBags, 1, query.units, weights);
    expect(scope.coverage).toBe(1);
    expect(photos.coverage).toBe(0.5);
    expect(scope.score).toBeGreaterThan(photos.score);
  });

  it('a section without stored questions has an empty bag', () => {
    const bare = createSearchIndex(doc, vocabulary, {});
    expect([0, 1, 2].map((s) => matchBag(bare.questionBags, s, analyzeQuery(bare, 'vakantie tiktok').units, [1, 1]).coverage)).toEqual([0, 0, 0]);
    expect(bare.questionBags.rows.size).toBe(0);
  });

  it('gives the re-ranker its bag score and coverage per candidate', () => {
    const result = search(index, 'geldt dit ook voor tiktok in de vakantie', { features: true, weights: null });
    const scopeAt = result.hits.findIndex((h) => h.indexed.section.id === 't:scope');
    const features = result.features![scopeAt]!;
    // Bag score as a share of the best candidate's, and bag coverage.
    expect(features[FEATURE_NAMES.indexOf('bagPart')]).toBe(1);
    expect(features[FEATURE_NAMES.indexOf('bagCoverage')]).toBeGreaterThan(0.9);
  });
});

describe('hand-written titles as a re-ranking feature', () => {
  it('gives a candidate the share of the question its title covers', () => {
    const titled = {
      ...doc,
      sections: doc.sections.map((s, i) => (i === 2 ? { ...s, title: 'Een ouder die scheldt' } : s)),
    };
    const index = createSearchIndex(titled, vocabulary, { questions });
    const result = search(index, 'scheldt', { features: true, weights: null });
    const at = FEATURE_NAMES.indexOf('title');
    const feature = (id: string) => result.features![result.hits.findIndex((h) => h.indexed.section.id === id)]![at];
    expect(feature('t:tone')).toBe(1);
    expect(feature('t:scope')).toBe(0);
  });
});
