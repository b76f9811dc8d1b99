import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../src/core/posting/check-definition.js';
import { decide } from '../../src/core/posting/engine.js';
import { holds } from '../../src/core/posting/condition.js';
import { validatePostingDefinition, postingSchemaFileText } from '../../src/core/posting/schema.js';
import { FACT_IDS, type FactValue, type Facts } from '../../src/core/posting/types.js';
import { loadKnowledge, loadPostingDefinition } from '../../src/board/board-files.js';
import { loadSwearWords } from '../../src/board/shared-lists.js';
import { DataFileError } from '../../src/board/load-yaml.js';

const ORGS = ['oog', 'konot', 'kempenkind', 'kopwerk', 'school001'];

/** Small deterministic PRNG so the sampled answer sets are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(ORGS)('posting definition of %s', (org) => {
  it('is valid, cites only existing sections, ends every answer path in a verdict and reaches every question', async () => {
    const definition = loadPostingDefinition('dialogs', org);
    const knowledge = loadKnowledge('knowledge', org);
    const report = checkDefinition(definition, knowledge);
    expect(report.problems).toEqual([]);
    expect(report.reachable.sort()).toEqual([...FACT_IDS].sort());
    for (const verdict of ['ja', 'ja, mits', 'twijfel', 'nee'] as const) expect(report.verdicts[verdict]).toBeGreaterThan(0);
  });

  it('gives the same verdict in the dialog as with all answers at once, and never ja after a "weet ik niet" on a deciding fact', async () => {
    const definition = loadPostingDefinition('dialogs', org);
    const knowledge = loadKnowledge('knowledge', org);
    const random = mulberry32(org.length * 7919);
    const values: FactValue[] = [true, false, null];
    for (let i = 0; i < 3000; i++) {
      const full = Object.fromEntries(FACT_IDS.map((id) => [id, values[Math.floor(random() * 3)]!])) as Facts;
      // A fact whose precondition is certainly false does not apply (no photo of pupils in a post not about school).
      for (const f of definition.facts) if (f.askWhen && holds({ not: f.askWhen }, full)) delete full[f.id];
      const direct = decide(definition, knowledge, full);
      let answers: Facts = {};
      let step = decide(definition, knowledge, answers);
      while (step.kind === 'question') {
        answers = { ...answers, [step.fact]: full[step.fact] };
        step = decide(definition, knowledge, answers);
      }
      expect(direct.kind).toBe('verdict');
      if (direct.kind !== 'verdict' || step.kind !== 'verdict') return;
      expect(step.verdict, JSON.stringify(full)).toBe(direct.verdict);
      if (step.verdict === 'ja') {
        // A "weet ik niet" may only end in ja when no answer to that question could have changed it.
        for (const fact of FACT_IDS.filter((f) => answers[f] === null)) {
          for (const value of [true, false]) {
            const other = decide(definition, knowledge, { ...full, [fact]: value });
            expect(other.kind === 'verdict' && other.verdict, `${fact}=${value} ${JSON.stringify(full)}`).toBe('ja');
          }
        }
      }
    }
  });
});

describe.each(ORGS)('posting texts of %s', (org) => {
  it('write names out (no abbreviation like "OOG") and give advice that does not just repeat the verdict', async () => {
    const definition = loadPostingDefinition('dialogs', org);
    const texts = [
      ...definition.doubtAdvice,
      ...definition.facts.flatMap((f) => [f.question, f.why]),
      ...definition.rules.flatMap((r) => [...(r.conditions ?? []), ...(r.alternatives ?? [])]),
    ];
    for (const text of texts) expect(text, text).not.toMatch(/\b[A-Z]{2,}\b/);
    // The card's headline already says "Post dit niet." / "Post dit nog niet.".
    for (const text of [...definition.doubtAdvice, ...definition.rules.flatMap((r) => r.alternatives ?? [])]) {
      expect(text, text).not.toMatch(/^(plaats|post|publiceer) (dit|het) (\(nog\) )?niet\.$/i);
    }
  });
});

describe('posting definition files', () => {
  it('ship a JSON Schema that matches the zod schema (regenerate: npm run decide -- --write-schema)', () => {
    expect(readFileSync('dialogs/schema/posting.schema.json', 'utf8')).toBe(postingSchemaFileText());
  });

  it.each<[string, unknown, RegExp]>([
    ['unknown fact in a rule', { facts: [], rules: [{ id: 'x', verdict: 'ja', when: { no_such_fact: true }, cite: ['oog:1'] }] }, /rules\[0\]\.when/],
    ['"nee" without alternatives', { rules: [{ id: 'x', verdict: 'nee', when: {}, cite: ['oog:1'] }] }, /alternatives/],
    ['"ja, mits" without conditions', { rules: [{ id: 'x', verdict: 'ja, mits', when: {}, cite: ['oog:1'] }] }, /conditions/],
    ['missing question', { facts: [] }, /vraag "about_school" ontbreekt/],
    ['section of another organisation', { doubtCite: ['konot:r9'] }, /hoort niet bij oog/],
  ])('rejects a definition with %s, in Dutch', (_name, patch, message) => {
    const valid = {
      org: 'oog',
      leaderTerm: 'leidinggevende',
      doubtCite: ['oog:3.1.11'],
      doubtAdvice: ['Vraag je leidinggevende.'],
      facts: FACT_IDS.map((id) => ({ id, question: 'Een vraag?', why: 'Daarom dus.', source: 'oog:3.1.1' })),
      rules: [{ id: 'default', verdict: 'ja', when: {}, cite: ['oog:3.1.3'] }],
    };
    expect(validatePostingDefinition(valid).ok).toBe(true);
    const result = validatePostingDefinition({ ...valid, ...(patch as object) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(message);
  });

  it('loader reports a missing file, bad YAML and a wrong org as DataFileError', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'posting-'));
    expect(() => loadPostingDefinition(dir, 'oog')).toThrow(/bestaat niet/);
    mkdirSync(path.join(dir, 'oog'));
    writeFileSync(path.join(dir, 'oog', 'posting.yaml'), 'org: [');
    expect(() => loadPostingDefinition(dir, 'oog')).toThrow(DataFileError);
    writeFileSync(path.join(dir, 'oog', 'posting.yaml'), readFileSync('dialogs/konot/posting.yaml', 'utf8'));
    expect(() => loadPostingDefinition(dir, 'oog')).toThrow(/verwacht "oog"/);
  });

  it('loads the reviewed schuttingtaal list', () => {
    const words = loadSwearWords('dialogs');
    expect(words.length).toBeGreaterThan(30);
    expect(words).toContain('kut*');
  });
});
