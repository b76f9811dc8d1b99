import type { IndexedSection } from './index.js';
import { matchUnit, matchUnitIn, type QueryUnit } from './query.js';

/** Sentences per window when judging a long section by its best passage. */
const WINDOW_SENTENCES = 3;

/**
 * The best coverage (unnormalised) of any run of up to WINDOW_SENTENCES consecutive sentences.
 * Only units the whole section matches are looked up.
 */
export function windowCovered(s: IndexedSection, units: readonly QueryUnit[], weights: readonly number[], matched: readonly number[]): number {
  const active = units.map((_, i) => i).filter((i) => (matched[i] ?? 0) > 0 && (weights[i] ?? 0) > 0);
  const na = active.length;
  const perSentence = new Float64Array(s.sentences.length * na);
  s.sentences.forEach((keys, j) => {
    for (let a = 0; a < na; a++) perSentence[j * na + a] = matchUnitIn(units[active[a]!]!, keys);
  });
  // Words in the heading or audience hold for every sentence of the section.
  const outside = active.map((i) => matchUnit(units[i]!, (k) => (s.fields.head.tf.has(k) || s.fields.aud.tf.has(k) ? 1 : 0)));
  const top = new Float64Array(na);
  let best = 0;
  for (let start = 0; start < s.sentences.length; start++) {
    top.set(outside);
    for (let j = start; j < Math.min(s.sentences.length, start + WINDOW_SENTENCES); j++) {
      for (let a = 0; a < na; a++) if (perSentence[j * na + a]! > top[a]!) top[a] = perSentence[j * na + a]!;
    }
    let covered = 0;
    for (let a = 0; a < na; a++) covered += top[a]! * (weights[active[a]!] ?? 0);
    if (covered > best) best = covered;
  }
  return best;
}
