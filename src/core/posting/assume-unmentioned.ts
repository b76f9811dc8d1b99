import type { KnowledgeDocument } from '../knowledge/types.js';
import { decide } from './engine.js';
import type { ProposedFact } from './precheck.js';
import type { FactId, Facts, PostingDefinition } from './types.js';

/**
 * Facts that decide on their own and that a teacher must state, never have pre-ticked from
 * silence: whether everyone gave written consent, whether the maker agreed.
 */
const NEVER_ASSUMED: ReadonlySet<FactId> = new Set(['written_consent', 'creator_consent']);

/**
 * Completes what the text said with the usual case for what it did not mention ("no pupils on the
 * photo", "you post privately"), but only for the facts the verdict still depends on, in the order
 * the dialog would ask them. They are shown pre-ticked on the same card, marked as assumed, so the
 * teacher corrects them in one go instead of answering a question for each; nothing is assumed
 * silently. Consent is never assumed: it is asked.
 */
export function assumeUnmentioned(definition: PostingDefinition, knowledge: KnowledgeDocument, proposals: readonly ProposedFact[]): ProposedFact[] {
  const facts: Facts = Object.fromEntries(proposals.map((p) => [p.fact, p.value]));
  const assumed: ProposedFact[] = [];
  for (let i = 0; i <= definition.facts.length; i++) {
    const decision = decide(definition, knowledge, facts);
    if (decision.kind !== 'question') break;
    if (NEVER_ASSUMED.has(decision.fact)) {
      // Asked later, not proposed. Simulated as given, the branch that needs every other check.
      facts[decision.fact] = true;
      continue;
    }
    facts[decision.fact] = false;
    assumed.push({ fact: decision.fact, value: false, reason: 'Dit noem je niet.', assumed: true });
  }
  return [...proposals, ...assumed];
}
