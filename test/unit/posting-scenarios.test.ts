import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/posting/engine.js';
import type { Facts } from '../../src/core/posting/types.js';
import { loadKnowledge } from '../../src/board/board-files.js';
import { loadPostingDefinition } from '../../src/board/board-files.js';

interface Scenario {
  id: string;
  org: string;
  verdict: string;
  rules: string[];
  facts: Facts;
}

const set = JSON.parse(readFileSync('../shared/eval/post-scenarios-public.json', 'utf8')) as { items: Scenario[] };
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');

describe('posting scenarios (public evaluation set)', () => {
  it.each(set.items.map((s) => [s.id, s] as const))('%s gives the expected verdict and cites the deciding rules', async (_id, scenario) => {
    const definition = loadPostingDefinition('dialogs', scenario.org);
    const knowledge = loadKnowledge('knowledge', scenario.org);
    const decision = decide(definition, knowledge, scenario.facts);
    expect(decision.kind).toBe('verdict');
    if (decision.kind !== 'verdict') return;
    expect(decision.verdict).toBe(scenario.verdict);
    const quotes = decision.rules.map((r) => normalise(r.quote));
    for (const phrase of scenario.rules) {
      expect(quotes.some((q) => q.includes(normalise(phrase))), `"${phrase}" in ${decision.rules.map((r) => r.id).join(', ')}`).toBe(true);
    }
  });
});
