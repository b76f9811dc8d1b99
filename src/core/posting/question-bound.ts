import type { KnowledgeDocument } from '../knowledge/types.js';
import { decide } from './engine.js';
import type { Facts, PostingDefinition } from './types.js';

/** Decisions the exact count may take; beyond it the plain count of open facts is used. */
const BUDGET = 20_000;

/**
 * The most questions the dialog can still ask after the current one, over every answer
 * (ja / nee / weet ik niet) to every question: the promise "nog hooguit M daarna" on the card.
 * Exact within a budget; otherwise the number of facts not yet answered, which is never less.
 */
export function questionsAfterAtMost(definition: PostingDefinition, knowledge: KnowledgeDocument, facts: Facts): number {
  let calls = 0;
  const memo = new Map<string, number>();
  const depth = (current: Facts): number => {
    const key = JSON.stringify(Object.entries(current).sort(([a], [b]) => a.localeCompare(b)));
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (++calls > BUDGET) throw new RangeError('budget');
    const decision = decide(definition, knowledge, current);
    let result = 0;
    if (decision.kind === 'question') {
      for (const value of [true, false, null]) result = Math.max(result, 1 + depth({ ...current, [decision.fact]: value }));
    }
    memo.set(key, result);
    return result;
  };
  try {
    return Math.max(depth(facts) - 1, 0);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return definition.facts.filter((f) => facts[f.id] === undefined).length - 1;
  }
}
