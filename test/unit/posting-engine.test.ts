import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/posting/engine.js';
import type { KnowledgeDocument } from '../../src/core/knowledge/types.js';
import { FACT_IDS, type Facts, type PostingDefinition } from '../../src/core/posting/types.js';

const knowledge: KnowledgeDocument = {
  org: 'test',
  organisation: 'Testbestuur',
  title: 'Code',
  leaderTerm: 'leidinggevende',
  contentHash: 'x',
  sections: ['1', '2', '3', '4', '5', '6'].map((n) => ({
    id: `test:${n}`,
    org: 'test',
    headingPath: ['Regels'],
    rule: n,
    audience: ['medewerkers'],
    text: `Tekst van regel ${n}.`,
  })),
};

const definition: PostingDefinition = {
  org: 'test',
  leaderTerm: 'leidinggevende',
  doubtCite: ['test:6'],
  doubtAdvice: ['Vraag je leidinggevende.'],
  facts: FACT_IDS.map((id) => ({
    id,
    question: `Vraag ${id}?`,
    why: 'Omdat.',
    source: 'test:1',
    ...(id === 'written_consent' ? { askWhen: { recognisable_people: true } } : {}),
  })),
  rules: [
    { id: 'unsure', verdict: 'twijfel', when: { unsure: true }, cite: ['test:6'] },
    { id: 'harm', verdict: 'nee', when: { could_harm: true }, cite: ['test:2'], alternatives: ['Niet doen.'] },
    { id: 'images', verdict: 'nee', when: { recognisable_people: true, written_consent: false }, cite: ['test:3'], alternatives: ['Vraag toestemming.'] },
    { id: 'role', verdict: 'ja, mits', when: { about_school: true, role_stated: false }, cite: ['test:4'], conditions: ['Noem je rol.'] },
    { id: 'opinion', verdict: 'ja, mits', when: { personal_opinion: true, role_stated: false }, cite: ['test:5'], conditions: ['Zet er een disclaimer bij.'] },
    { id: 'default', verdict: 'ja', when: {}, cite: ['test:1'] },
  ],
};

const clean: Facts = Object.fromEntries(FACT_IDS.map((id) => [id, false]));

describe('decide', () => {
  it.each<[string, Facts, string, string[]]>([
    ['nothing special', clean, 'ja', ['test:1']],
    ['one "nee" rule decides', { ...clean, could_harm: true, unsure: true }, 'nee', ['test:2']],
    ['"weet ik niet" on a deciding fact gives twijfel', { ...clean, recognisable_people: true, written_consent: null }, 'twijfel', ['test:3', 'test:6']],
    ['"weet ik niet" on the precondition gives twijfel', { ...clean, recognisable_people: null }, 'twijfel', ['test:3', 'test:6']],
    ['unsure gives twijfel', { ...clean, unsure: true }, 'twijfel', ['test:6']],
    ['unsure unknown gives twijfel, not ja', { ...clean, unsure: null }, 'twijfel', ['test:6']],
    ['consent given', { ...clean, recognisable_people: true, written_consent: true }, 'ja', ['test:1']],
    ['ja, mits collects every condition', { ...clean, about_school: true, personal_opinion: true }, 'ja, mits', ['test:4', 'test:5']],
  ])('%s', (_name, facts, verdict, cited) => {
    const decision = decide(definition, knowledge, facts);
    expect(decision.kind).toBe('verdict');
    if (decision.kind !== 'verdict') return;
    expect(decision.verdict).toBe(verdict);
    expect(decision.rules.map((r) => r.id)).toEqual(cited);
    expect(decision.rules[0]?.quote).toMatch(/^Tekst van regel/);
    expect(decision.rules[0]?.citation).toContain('Testbestuur, Code, Regels, regel');
  });

  it('returns the conditions of "ja, mits" and the alternatives of "nee"', () => {
    const mits = decide(definition, knowledge, { ...clean, about_school: true, personal_opinion: true });
    expect(mits.kind === 'verdict' && mits.conditions).toEqual(['Noem je rol.', 'Zet er een disclaimer bij.']);
    const nee = decide(definition, knowledge, { ...clean, recognisable_people: true });
    expect(nee.kind === 'verdict' && nee.alternatives).toEqual(['Vraag toestemming.']);
    const twijfel = decide(definition, knowledge, { ...clean, recognisable_people: true, written_consent: null });
    expect(twijfel.kind === 'verdict' && twijfel.unknownFacts).toEqual(['written_consent']);
    expect(twijfel.kind === 'verdict' && twijfel.alternatives).toContain('Vraag je leidinggevende.');
  });

  it('stops as soon as a "nee" rule holds, without asking the rest', () => {
    const decision = decide(definition, knowledge, { could_harm: true });
    expect(decision).toMatchObject({ kind: 'verdict', verdict: 'nee' });
  });

  it('asks first what can change the outcome most, and only what can still change it', () => {
    // A "nee" rule's fact (recognisable_people, also gating written_consent) before the "ja, mits" facts.
    expect(decide(definition, knowledge, {})).toMatchObject({ kind: 'question', fact: 'recognisable_people' });
    expect(decide(definition, knowledge, { recognisable_people: false, could_harm: false, unsure: false })).toMatchObject({ kind: 'question', fact: 'role_stated' });
    // Facts that no rule uses (e.g. is_leader here) are never asked.
    const asked = new Set<string>();
    let facts: Facts = {};
    for (;;) {
      const d = decide(definition, knowledge, facts);
      if (d.kind === 'verdict') break;
      asked.add(d.fact);
      facts = { ...facts, [d.fact]: false };
    }
    expect(asked.has('is_leader')).toBe(false);
    expect(asked.has('written_consent')).toBe(false);
  });

  it('asks a follow-up only when its precondition holds or is unknown', () => {
    const base: Facts = { about_school: false, personal_opinion: false, could_harm: false };
    expect(decide(definition, knowledge, { ...base, recognisable_people: true })).toMatchObject({ kind: 'question', fact: 'written_consent' });
    expect(decide(definition, knowledge, { ...base, recognisable_people: false })).toMatchObject({ kind: 'question', fact: 'unsure' });
  });

  it('reports progress and the rule the question comes from', () => {
    const decision = decide(definition, knowledge, { about_school: true });
    expect(decision.kind).toBe('question');
    if (decision.kind !== 'question') return;
    expect(decision.progress.answered).toBe(1);
    expect(decision.progress.remainingAtMost).toBeGreaterThan(0);
    expect(decision.source).toMatchObject({ id: 'test:1', quote: 'Tekst van regel 1.' });
  });

  it('never says ja when any answer on the path was "weet ik niet" for a deciding fact', () => {
    for (const fact of ['could_harm', 'recognisable_people', 'unsure'] as const) {
      const decision = decide(definition, knowledge, { ...clean, [fact]: null });
      expect(decision.kind === 'verdict' && decision.verdict).toBe('twijfel');
    }
  });
});
