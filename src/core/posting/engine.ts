import { formatCitation } from '../knowledge/citation.js';
import type { KnowledgeDocument } from '../knowledge/types.js';
import { evaluate, factsOf, F, T, U, type FactState, type TruthSet } from './condition.js';
import type {
  CitedRule,
  Decision,
  FactDefinition,
  FactId,
  Facts,
  PostingDefinition,
  RuleDefinition,
  Verdict,
  VerdictDecision,
} from './types.js';

/** Severity lattice: a verdict of higher severity overrides lower ones. */
const SEVERITY: Record<Verdict, number> = { ja: 0, 'ja, mits': 1, twijfel: 2, nee: 3 };
const BY_SEVERITY: Verdict[] = ['ja', 'ja, mits', 'twijfel', 'nee'];
const NONE = -1;

interface RuleStatus {
  rule: RuleDefinition;
  truth: TruthSet;
  /** Lowest and highest severity this rule can still contribute (NONE = nothing). */
  min: number;
  max: number;
  /** Severities it can still contribute, as a bitmask over 1 << (severity + 1). */
  possible: number;
}

function unknownPolicy(rule: RuleDefinition) {
  return rule.ifUnknown ?? (rule.verdict === 'ja, mits' ? 'apply' : rule.verdict === 'ja' ? 'ignore' : 'twijfel');
}

function contribution(rule: RuleDefinition, truth: number): number {
  if (truth === T) return SEVERITY[rule.verdict];
  if (truth === U) {
    const policy = unknownPolicy(rule);
    return policy === 'twijfel' ? SEVERITY.twijfel : policy === 'apply' ? SEVERITY[rule.verdict] : NONE;
  }
  return NONE;
}

/** Resolves how each fact looks, following `askWhen` preconditions. */
function factStates(definition: PostingDefinition, facts: Facts): (fact: FactId) => FactState {
  const byId = new Map(definition.facts.map((f) => [f.id, f]));
  const cache = new Map<FactId, FactState>();
  const visiting = new Set<FactId>();
  const stateOf = (fact: FactId): FactState => {
    const cached = cache.get(fact);
    if (cached) return cached;
    let state: FactState;
    if (fact in facts && facts[fact] !== undefined) state = { kind: 'answered', value: facts[fact] ?? null };
    else {
      const askWhen = byId.get(fact)?.askWhen;
      if (!askWhen || visiting.has(fact)) state = { kind: 'open' };
      else {
        visiting.add(fact);
        state = evaluate(askWhen, stateOf) === F ? { kind: 'not-applicable' } : { kind: 'open' };
        visiting.delete(fact);
      }
    }
    cache.set(fact, state);
    return state;
  };
  return stateOf;
}

function ruleStatus(rule: RuleDefinition, stateOf: (f: FactId) => FactState): RuleStatus {
  const truth = evaluate(rule.when, stateOf);
  let min = Infinity;
  let max = NONE - 1;
  let possible = 0;
  for (const v of [T, F, U]) {
    if (!(truth & v)) continue;
    const c = contribution(rule, v);
    min = Math.min(min, c);
    max = Math.max(max, c);
    possible |= 1 << (c + 1);
  }
  return { rule, truth, min, max, possible };
}

function isAskableNow(fact: FactDefinition, stateOf: (f: FactId) => FactState): boolean {
  if (!fact.askWhen) return true;
  const truth = evaluate(fact.askWhen, stateOf);
  return (truth & F) === 0;
}

function cite(ids: readonly string[], knowledge: KnowledgeDocument): CitedRule[] {
  const out: CitedRule[] = [];
  for (const id of ids) {
    if (out.some((r) => r.id === id)) continue;
    const section = knowledge.sections.find((s) => s.id === id);
    out.push(section ? { id, citation: formatCitation(knowledge, section), quote: section.text } : { id, citation: id, quote: '' });
  }
  return out;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/**
 * Decides whether a post may be published, or which question to ask next.
 * Pure and deterministic: the same definition, knowledge and facts give the same decision.
 * Stops as soon as the verdict can no longer change (for "ja, mits": once every condition is known).
 */
export function decide(definition: PostingDefinition, knowledge: KnowledgeDocument, facts: Facts): Decision {
  const stateOf = factStates(definition, facts);
  const statuses = definition.rules.map((rule) => ruleStatus(rule, stateOf));
  const lower = Math.max(SEVERITY.ja, ...statuses.map((s) => s.min));
  const upper = Math.max(SEVERITY.ja, ...statuses.map((s) => s.max));

  const undetermined = (s: RuleStatus) => s.min !== s.max;
  let relevantRules: RuleStatus[];
  if (lower < upper) relevantRules = statuses.filter((s) => undetermined(s) && s.max > lower);
  else if (lower === SEVERITY['ja, mits']) {
    // The verdict is fixed, but open "ja, mits" rules can still add conditions the user must meet.
    relevantRules = statuses.filter((s) => undetermined(s) && s.possible & (1 << (SEVERITY['ja, mits'] + 1)));
  } else relevantRules = [];

  const relevant = new Set<FactId>();
  for (const s of relevantRules) for (const f of factsOf(s.rule.when)) if (stateOf(f).kind === 'open') relevant.add(f);
  // A relevant fact that cannot be asked yet makes the facts of its precondition relevant.
  const byId = new Map(definition.facts.map((f) => [f.id, f]));
  const queue = [...relevant];
  while (queue.length > 0) {
    const fact = byId.get(queue.pop()!);
    if (!fact?.askWhen || isAskableNow(fact, stateOf)) continue;
    for (const f of factsOf(fact.askWhen)) {
      if (stateOf(f).kind === 'open' && !relevant.has(f)) {
        relevant.add(f);
        queue.push(f);
      }
    }
  }

  const next = mostDecisive(
    definition.facts.filter((f) => relevant.has(f.id) && stateOf(f.id).kind === 'open' && isAskableNow(f, stateOf)),
    relevantRules,
    definition.facts.filter((f) => relevant.has(f.id)),
  );
  if (next) {
    const answered = definition.facts.filter((f) => f.id in facts && facts[f.id] !== undefined).length;
    const [source] = cite([next.source], knowledge);
    return {
      kind: 'question',
      fact: next.id,
      question: next.question,
      why: next.why,
      ...(source && source.quote ? { source } : {}),
      progress: { answered, remainingAtMost: relevant.size },
    };
  }
  return verdictFrom(definition, knowledge, facts, statuses, lower === upper ? lower : upper);
}

/**
 * The question that can change the verdict most: the one in the most severe rule still open (a
 * "nee" ends the dialog at once), then the one in the most open rules; ties keep the file's order.
 * A question that others depend on ("gaat het over school?") counts their rules too: its "nee"
 * settles them all at once.
 */
function mostDecisive(candidates: FactDefinition[], rules: RuleStatus[], relevant: FactDefinition[]): FactDefinition | undefined {
  let best: FactDefinition | undefined;
  let bestScore = -Infinity;
  for (const fact of candidates) {
    const gated = new Set([fact.id, ...relevant.filter((f) => f.askWhen && factsOf(f.askWhen).has(fact.id)).map((f) => f.id)]);
    const inRules = rules.filter((s) => [...factsOf(s.rule.when)].some((f) => gated.has(f)));
    const score = Math.max(NONE, ...inRules.map((s) => s.max)) * 100 + inRules.length;
    if (score > bestScore) {
      best = fact;
      bestScore = score;
    }
  }
  return best;
}

function verdictFrom(
  definition: PostingDefinition,
  knowledge: KnowledgeDocument,
  facts: Facts,
  statuses: RuleStatus[],
  severity: number,
): VerdictDecision {
  const verdict = BY_SEVERITY[severity] ?? 'twijfel';
  // Rules that certainly contribute at this level decide; a fallback (never expected) takes the possible ones.
  let deciding = statuses.filter((s) => s.min === severity);
  if (deciding.length === 0) deciding = statuses.filter((s) => s.max === severity);
  const rules = deciding.map((s) => s.rule);

  const unknownFacts: FactId[] = [];
  for (const rule of rules) {
    for (const f of factsOf(rule.when)) if (facts[f] === null && !unknownFacts.includes(f)) unknownFacts.push(f);
  }
  const citeIds = rules.flatMap((r) => r.cite);
  if (verdict === 'twijfel') citeIds.push(...definition.doubtCite);
  return {
    kind: 'verdict',
    verdict,
    conditions: verdict === 'ja, mits' ? unique(rules.flatMap((r) => r.conditions ?? [])) : [],
    alternatives:
      verdict === 'nee' || verdict === 'twijfel'
        ? unique([...rules.flatMap((r) => r.alternatives ?? []), ...(verdict === 'twijfel' ? definition.doubtAdvice : [])])
        : [],
    rules: cite(citeIds, knowledge),
    decidedBy: rules.map((r) => r.id),
    unknownFacts,
  };
}
