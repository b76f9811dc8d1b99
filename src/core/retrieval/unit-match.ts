import type { QueryUnit } from './query.js';
import { keptPerWord, type KeptPerWord } from './word-analysis.js';

/**
 * How well a piece of text (a sentence, a quote's span, a heading, a title) matches one unit of a
 * question: its best alternative, or a code phrase whose words all occur. Split from query.ts, which
 * analyses the question; these run per sentence, span and re-ranked section.
 */

const altArrays = new WeakMap<ReadonlyMap<string, number>, { keys: string[]; weights: number[] }>();

/**
 * A unit's alternatives as two arrays, for the loops that run per sentence, section or stored
 * question: iterating the map there allocated an entry for every step (a fifth of a question's garbage).
 * Made once per map: a remembered word's map is every question's that asks it (see wordDraft), and
 * no map is changed once its units are matched.
 */
export function altsOf(unit: QueryUnit): { keys: string[]; weights: number[] } {
  let alts = altArrays.get(unit.alts);
  if (!alts) {
    alts = { keys: [...unit.alts.keys()], weights: [...unit.alts.values()] };
    altArrays.set(unit.alts, alts);
  }
  return alts;
}

const lookups = new WeakMap<ReadonlyMap<string, number>, (key: string) => number>();

/** A map of a text's keys (key → weight) as a lookup, made once per map: the maps live as long as the index. */
export function lookupOf(text: ReadonlyMap<string, number>): (key: string) => number {
  let weightOf = lookups.get(text);
  if (!weightOf) {
    weightOf = (key) => text.get(key) ?? 0;
    lookups.set(text, weightOf);
  }
  return weightOf;
}

/** {@link matchUnit} against a map of the text's keys (key → weight): a section's sentence or a quote's span. */
export function matchUnitIn(unit: QueryUnit, text: ReadonlyMap<string, number>): number {
  return matchUnit(unit, lookupOf(text));
}

const presences = new WeakMap<ReadonlyMap<string, unknown>, { keys: string[]; has: (key: string) => number }>();

/** A map's keys as a list, and a lookup counting each as the word itself (1); made once per map. */
function presenceOf(map: ReadonlyMap<string, unknown>): { keys: string[]; has: (key: string) => number } {
  let presence = presences.get(map);
  if (!presence) {
    presence = { keys: [...map.keys()], has: (key) => (map.has(key) ? 1 : 0) };
    presences.set(map, presence);
  }
  return presence;
}

/**
 * The question's units matched against `keys` as {@link matchUnit} does with every key counting as the
 * word itself (1), weighted by `unitWeights` and summed in unit order: for a section's heading and
 * title, kept for the index's life. A heading or title has a handful of keys and a unit a dozen
 * alternatives, so the heading's keys are looked up among the unit's: with every hit counting 1, the
 * best alternative is the best weight among the keys both have, whichever side is walked.
 */
export function coveredAmong(units: readonly QueryUnit[], unitWeights: readonly number[], keys: ReadonlyMap<string, unknown>): number {
  // No units, no lookup: the map is not even read (as when each unit looked it up).
  if (units.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < units.length; i++) sum += (unitWeights[i] ?? 0) * matchAmong(units[i]!, keys);
  return sum;
}

/**
 * Per remembered word (its alternatives map, see wordDraft) and its phrases: its match against each
 * heading's or title's keys it met. Both live as long as the index and never change, and the
 * re-ranker asks the same words against the same few dozen headings question after question.
 */
const keptMatches: KeptPerWord<Map<ReadonlyMap<string, unknown>, number>> = new WeakMap();

/** A unit against a heading's or title's keys as coveredAmong counts it, kept for a remembered word. */
function matchAmong(unit: QueryUnit, keys: ReadonlyMap<string, unknown>): number {
  const kept = keptPerWord(keptMatches, unit, () => new Map<ReadonlyMap<string, unknown>, number>());
  let match = kept.get(keys);
  if (match === undefined) {
    const presence = presenceOf(keys);
    match = matchPhrases(unit, bestAmong(unit, presence.keys, 0), presence.has);
    kept.set(keys, match);
  }
  return match;
}

/** The best weight of the unit's alternatives among `keys` (at least `best`), each key counting as the word itself. */
export function bestAmong(unit: QueryUnit, keys: readonly string[], best: number): number {
  for (const key of keys) {
    const w = unit.alts.get(key);
    if (w !== undefined && w > best) best = w;
  }
  return best;
}

/**
 * How well a piece of text matches a unit, given `weightOf(key)` (the weight with which the text
 * contains a key, 0 when absent): the best alternative, or a code phrase whose words all occur.
 */
export function matchUnit(unit: QueryUnit, weightOf: (key: string) => number): number {
  let best = 0;
  const { keys, weights } = altsOf(unit);
  for (let i = 0; i < keys.length; i++) {
    const w = weights[i]!;
    if (w <= best) continue;
    const hit = weightOf(keys[i]!);
    if (hit > 0) best = Math.max(best, w * hit);
  }
  return matchPhrases(unit, best, weightOf);
}

/** `best` raised to the weight of a code phrase of the unit whose words the text all holds, where higher. */
export function matchPhrases(unit: QueryUnit, best: number, weightOf: (key: string) => number): number {
  for (const phrase of unit.phrases) {
    if (phrase.weight > best && allWordsIn(phrase.words, weightOf)) best = phrase.weight;
  }
  return best;
}

/** Whether the text holds every word of a phrase (some key of each): loops, as this runs per sentence and span. */
function allWordsIn(words: readonly string[][], weightOf: (key: string) => number): boolean {
  for (const keys of words) {
    let found = false;
    for (const k of keys) {
      if (weightOf(k) > 0) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
