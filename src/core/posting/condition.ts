import type { Condition, FactId, FactValue, Facts } from './types.js';

/**
 * Three-valued truth: T (holds), F (does not hold), U (unknown: it depends on a "weet ik niet").
 * A set of them is a bitmask of the values a condition can still take while facts are open.
 */
export const T = 1;
export const F = 2;
export const U = 4;
export type TruthSet = number;

/** How a fact looks to a condition: answered, not applicable (will never be asked), or still open. */
export type FactState = { kind: 'answered'; value: FactValue } | { kind: 'not-applicable' } | { kind: 'open' };

function and3(a: number, b: number): number {
  if (a === F || b === F) return F;
  if (a === U || b === U) return U;
  return T;
}

function or3(a: number, b: number): number {
  if (a === T || b === T) return T;
  if (a === U || b === U) return U;
  return F;
}

function not3(a: number): number {
  return a === T ? F : a === F ? T : U;
}

function combine(x: TruthSet, y: TruthSet, op: (a: number, b: number) => number): TruthSet {
  let out = 0;
  for (const a of [T, F, U]) {
    if (!(x & a)) continue;
    for (const b of [T, F, U]) if (y & b) out |= op(a, b);
  }
  return out;
}

function leaf(state: FactState, expected: FactValue): TruthSet {
  if (state.kind === 'not-applicable') return F;
  if (state.kind === 'open') return expected === null ? T | F : T | F | U;
  if (state.value === expected) return T;
  return state.value === null ? U : F;
}

/** The truth values `condition` can still take, given how each fact looks. */
export function evaluate(condition: Condition, stateOf: (fact: FactId) => FactState): TruthSet {
  if ('all' in condition && Array.isArray(condition.all)) {
    return condition.all.reduce<TruthSet>((acc, c) => combine(acc, evaluate(c, stateOf), and3), T);
  }
  if ('any' in condition && Array.isArray(condition.any)) {
    return condition.any.reduce<TruthSet>((acc, c) => combine(acc, evaluate(c, stateOf), or3), F);
  }
  if ('not' in condition && condition.not && typeof condition.not === 'object') {
    const inner = evaluate(condition.not, stateOf);
    let out = 0;
    for (const a of [T, F, U]) if (inner & a) out |= not3(a);
    return out;
  }
  let acc: TruthSet = T;
  for (const [fact, expected] of Object.entries(condition) as [FactId, FactValue | undefined][]) {
    if (expected === undefined) continue;
    acc = combine(acc, leaf(stateOf(fact), expected), and3);
  }
  return acc;
}

/** Every fact a condition mentions. */
export function factsOf(condition: Condition, into: Set<FactId> = new Set()): Set<FactId> {
  if ('all' in condition && Array.isArray(condition.all)) condition.all.forEach((c) => factsOf(c, into));
  else if ('any' in condition && Array.isArray(condition.any)) condition.any.forEach((c) => factsOf(c, into));
  else if ('not' in condition && condition.not && typeof condition.not === 'object') factsOf(condition.not, into);
  else for (const [fact, v] of Object.entries(condition)) if (v !== undefined) into.add(fact as FactId);
  return into;
}

/** Exact truth under complete answers (no open facts). */
export function holds(condition: Condition, facts: Facts): boolean {
  return evaluate(condition, (f) => (f in facts ? { kind: 'answered', value: facts[f] ?? null } : { kind: 'not-applicable' })) === T;
}
