import { describe, expect, it } from 'vitest';
import type { KnowledgeDocument } from '../../src/core/knowledge/types.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { analyzeQuery } from '../../src/core/retrieval/query.js';
import { stem } from '../../src/core/retrieval/stem.js';
import { parseVocabulary } from '../../src/core/retrieval/vocabulary.js';
import { loadVocabulary } from '../../src/infra/load-vocabulary.js';

const doc: KnowledgeDocument = {
  org: 't',
  organisation: 'Testbestuur',
  title: 'Code',
  leaderTerm: 'leidinggevende',
  contentHash: 'x',
  sections: [
    { id: 't:1', org: 't', headingPath: ['Regels'], audience: ['medewerkers'], text: "Plaats geen foto's van leerlingen op sociale media zonder toestemming." },
    { id: 't:2', org: 't', headingPath: ['Taal'], audience: ['medewerkers'], text: 'Vermijd schuttingtaal en populair taalgebruik.' },
  ],
};
const index = createSearchIndex(doc, loadVocabulary());

function altsOf(question: string, word: string): string[] {
  const unit = analyzeQuery(index, question).units.find((u) => u.surface === word);
  return [...(unit?.alts.keys() ?? [])];
}

describe('synonym expansion by theme', () => {
  it.each([
    ['mag dit op insta?', 'insta', stem('sociale')],
    ['mag dit op insta?', 'insta', stem('media')],
    ['mag ik een selfie posten', 'selfie', stem('foto')],
    ['de kids in mijn klas', 'kids', stem('leerlingen')],
    ['mag ik vloeken online', 'vloeken', stem('schuttingtaal')],
  ])('%s: %s → %s', (question, word, key) => expect(altsOf(question, word)).toContain(key));

  it('marks social-media questions as in domain and generic school questions not', () => {
    expect(analyzeQuery(index, 'mag ik dit op tiktok zetten').inDomain).toBe(true);
    expect(analyzeQuery(index, 'hoe vraag ik verlof aan').inDomain).toBe(false);
  });

  it('rejects a malformed vocabulary with a Dutch message', () => {
    expect(() => parseVocabulary({ themes: [{ theme: 'x', groups: [{ words: [] }] }] }, 'test.yaml')).toThrow(/Woordenlijst test.yaml is ongeldig/);
  });
});
