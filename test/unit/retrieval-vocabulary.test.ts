import { describe, expect, it } from 'vitest';
import type { KnowledgeDocument } from '../../src/core/knowledge/types.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { analyzeQuery } from '../../src/core/retrieval/query.js';
import { search } from '../../src/core/retrieval/search.js';
import { stem } from '../../src/core/retrieval/stem.js';
import { parseVocabulary } from '../../src/core/retrieval/vocabulary.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';

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
    // English chat words are no unknown words that no passage can cover: "not done" asks whether it may.
    ['mag ik dat posten of is dat not done?', 'not', stem('toestemming')],
  ])('%s: %s → %s', (question, word, key) => expect(altsOf(question, word)).toContain(key));

  // Whether a question is about social media at all (a question that is not must match the code closely).
  it.each([
    ['mag ik dit op tiktok zetten', true],
    ['hoe vraag ik verlof aan', false],
    // Sharing someone else's post again is a social-media act as much as posting.
    ['mag ik tv fragmenten reposten?', true],
    ['mag ik dat filmpje doorsturen naar collegas?', true],
    ['iemand heeft een nepprofiel van mij gemaakt', true],
    ['mogen kinderen hun smartwatch in de klas dragen?', true],
    // A compound that ends in a social-media word is one; a stem that merely looks like one is not.
    ['een collega zette iets in de dorpsapp', true],
    ['bij een sextingzaak, wie helpt de school?', true],
    // A first part that reads like a verb particle ("in|stagram") is still the platform.
    ['wat moet ik met dat instagramdrama in groep 8?', true],
    ['mijn rooster is erg instabiel dit jaar', false],
    ['wie regelt de kerstborrel?', false],
    ['mag ik in de klas snoep uitdelen?', false],
    // Asked of a bot about social media, "dit thema" is social media; "het thema van de ouderavond" is not.
    ['hoe vaak horen we iets over dit thema?', true],
    ['wat is het thema van de ouderavond?', false],
    // The values a code names (konot's kernwaarden, "normen en waarden") are part of it.
    ['welke kernwaarden hebben we ook alweer?', true],
    // A school's parent app names school life, not the code ("inschrijven via parro").
    ['moeten ouders zich via parro inschrijven voor de oudergesprekken?', false],
  ] as const)('%j is about social media: %s', (question, inDomain) => {
    expect(analyzeQuery(index, question).inDomain).toBe(inDomain);
  });

  it('leaves out the words that only place a story: days, times of day, classes', () => {
    const surfaces = analyzeQuery(index, 'gister vanmiddag zette een ll uit 4vwo zaterdag een foto op insta').units.map((u) => u.surface);
    expect(surfaces).not.toContain('gister');
    expect(surfaces).not.toContain('vanmiddag');
    expect(surfaces).not.toContain('4vwo');
    expect(surfaces).not.toContain('zaterdag');
    expect(surfaces).toContain('foto');
  });

  it('treats a matched vocabulary phrase as one concept', () => {
    const units = analyzeQuery(index, 'mag ik in mijn vrije tijd iets posten').units;
    expect(units.find((u) => u.surface === 'tijd')?.importance).toBe(0);
    expect(units.find((u) => u.surface === 'vrije')?.importance).toBeGreaterThan(0);
  });

  it('gives a phrase that names a topic its weight even when its word alone only says posting', () => {
    // "erbij zetten" is "vermelden" (say whose opinion it is); "zetten" alone is a weak posting word.
    const mention: KnowledgeDocument['sections'][number] = { id: 't:3', org: 't', headingPath: ['Mening'], audience: ['medewerkers'], text: 'Vermeld dat het je persoonlijke mening is.' };
    const withMention = createSearchIndex({ ...doc, sections: [...doc.sections, mention] }, loadVocabulary());
    const zetten = (q: string) => analyzeQuery(withMention, q).units.find((u) => u.surface === 'zetten');
    expect(zetten('moet ik erbij zetten dat het mijn eigen mening is?')?.alts.has('vermeld')).toBe(true);
    expect(zetten('moet ik erbij zetten dat het mijn eigen mening is?')?.importance).toBe(1);
    expect(zetten('mag ik dit op insta zetten?')?.importance).toBeLessThan(1);
  });

  it('gives words that only say "social media" or "the code" little weight, platform-specific words full weight', () => {
    const importance = (q: string, w: string): number | undefined => analyzeQuery(index, q).units.find((u) => u.surface === w)?.importance;
    expect(importance('mag dit online', 'online')).toBeLessThan(0.5);
    expect(importance('wat zegt de code over schuttingtaal', 'code')).toBeLessThan(0.5);
    expect(importance('wat zegt de code over schuttingtaal', 'schuttingtaal')).toBe(1);
  });

  it('weighs the asking clause of "context, question?" more, not a clause that only qualifies it', () => {
    const importance = (q: string, w: string): number | undefined => analyzeQuery(index, q).units.find((u) => u.surface === w)?.importance;
    const asked = importance('een ouder scheldt online, mag ik reageren', 'reageren')!;
    expect(asked).toBeGreaterThan(importance('mag ik reageren', 'reageren')!);
    // "…, ook als …" qualifies the question before it: that one is asked.
    expect(importance('een ouder scheldt online, mag ik reageren, ook als het kind bij mij zit', 'reageren')).toBe(asked);
    expect(importance('een ouder scheldt online, mag ik reageren, ook als het kind bij mij zit', 'scheldt')).toBe(importance('een ouder scheldt online', 'scheldt'));
  });

  it('matches a multi-word code term only where all of its words occur', () => {
    const vocab = parseVocabulary({ themes: [{ theme: 't', groups: [{ words: ['nudes'], code: ['seksueel grensoverschrijdend gedrag'] }] }] });
    const d: KnowledgeDocument = {
      ...doc,
      sections: [
        { id: 't:a', org: 't', headingPath: ['A'], audience: ['medewerkers'], text: 'Gedrag op sociale media is als gedrag in de klas.' },
        { id: 't:b', org: 't', headingPath: ['B'], audience: ['medewerkers'], text: 'Seksueel grensoverschrijdend gedrag melden we altijd.' },
      ],
    };
    const i = createSearchIndex(d, vocab);
    const hits = search(i, 'nudes').hits;
    expect(hits[0]?.indexed.section.id).toBe('t:b');
    expect(hits.find((h) => h.indexed.section.id === 't:a')?.matched[0]).toBe(0);
  });

  it('accepts theme weight and audience and rejects a weight above 1', () => {
    expect(parseVocabulary({ themes: [{ theme: 'x', weight: 0.3, audience: 'ouders', groups: [{ words: ['a'], weight: 0.5 }] }] }).themes[0]).toMatchObject({
      weight: 0.3,
      audience: 'ouders',
    });
    expect(() => parseVocabulary({ themes: [{ theme: 'x', weight: 2, groups: [] }] }, 'w.yaml')).toThrow(/Woordenlijst w.yaml is ongeldig/);
  });

  it('rejects a malformed vocabulary with a Dutch message', () => {
    expect(() => parseVocabulary({ themes: [{ theme: 'x', groups: [{ words: [] }] }] }, 'test.yaml')).toThrow(/Woordenlijst test.yaml is ongeldig/);
  });
});
