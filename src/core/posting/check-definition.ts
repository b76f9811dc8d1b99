import type { KnowledgeDocument } from '../knowledge/types.js';
import { decide } from './engine.js';
import type { FactId, Facts, PostingDefinition, Verdict } from './types.js';

export interface DefinitionReport {
  /** Dutch descriptions of everything wrong; empty when the definition is sound. */
  problems: string[];
  /** Number of distinct answer paths through the dialog (each ends in a verdict). */
  paths: number;
  /** Facts that some answer path asks. */
  reachable: FactId[];
  /** How many paths end in each verdict. */
  verdicts: Record<Verdict, number>;
}

/**
 * Checks a definition against its knowledge: every cited section exists, and every answer path
 * (ja / nee / weet ik niet at every question) ends in a verdict and every fact is asked somewhere.
 */
export function checkDefinition(definition: PostingDefinition, knowledge: KnowledgeDocument, maxPaths = 2_000_000): DefinitionReport {
  const problems: string[] = [];
  const ids = new Set(knowledge.sections.map((s) => s.id));
  const missing = (id: string, where: string) => {
    if (!ids.has(id)) problems.push(`${where}: sectie "${id}" bestaat niet in knowledge/${knowledge.org}`);
  };
  definition.doubtCite.forEach((id) => missing(id, 'doubtCite'));
  definition.facts.forEach((f) => missing(f.source, `vraag ${f.id}`));
  definition.rules.forEach((r) => r.cite.forEach((id) => missing(id, `regel ${r.id}`)));

  const reachable = new Set<FactId>();
  const verdicts: Record<Verdict, number> = { ja: 0, 'ja, mits': 0, twijfel: 0, nee: 0 };
  let paths = 0;
  const stack: Facts[] = [{}];
  while (stack.length > 0) {
    const facts = stack.pop()!;
    const decision = decide(definition, knowledge, facts);
    if (decision.kind === 'verdict') {
      verdicts[decision.verdict] += 1;
      paths += 1;
      if (paths >= maxPaths) {
        problems.push(`meer dan ${maxPaths} antwoordpaden; niet alles gecontroleerd`);
        break;
      }
      continue;
    }
    if (decision.fact in facts) {
      problems.push(`vraag ${decision.fact} wordt opnieuw gesteld na ${JSON.stringify(facts)}`);
      continue;
    }
    reachable.add(decision.fact);
    for (const value of [true, false, null]) stack.push({ ...facts, [decision.fact]: value });
  }
  for (const f of definition.facts) {
    if (!reachable.has(f.id)) problems.push(`vraag ${f.id} wordt in geen enkel antwoordpad gesteld`);
  }
  return { problems, paths, reachable: [...reachable], verdicts };
}
