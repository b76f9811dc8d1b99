import type { IndexedSection } from './index.js';
import { matchUnit, type QueryUnit } from './query.js';

/** Sentences per window when judging a long section by its best passage. */
const WINDOW_SENTENCES = 3;

/**
 * The best coverage (unnormalised) of any run of up to WINDOW_SENTENCES consecutive sentences.
 * Only units the whole section matches are looked up.
 */
export function windowCovered(s: IndexedSection, units: readonly QueryUnit[], weights: readonly number[], matched: readonly number[]): number {
  const active = units.map((_, i) => i).filter((i) => (matched[i] ?? 0) > 0 && (weights[i] ?? 0) > 0);
  const perSentence = s.sentences.map((keys) => active.map((i) => matchUnit(units[i]!, (k) => keys.get(k) ?? 0)));
  // Words in the heading or audience hold for every sentence of the section.
  const outside = active.map((i) =>
    matchUnit(units[i]!, (k) => (s.fields.head.tf.has(k) || s.fields.aud.tf.has(k) ? 1 : 0)),
  );
  let best = 0;
  for (let start = 0; start < perSentence.length; start++) {
    const top = [...outside];
    for (let j = start; j < Math.min(perSentence.length, start + WINDOW_SENTENCES); j++) {
      perSentence[j]!.forEach((m, a) => {
        if (m > top[a]!) top[a] = m;
      });
    }
    const covered = top.reduce((sum, m, a) => sum + m * (weights[active[a]!] ?? 0), 0);
    if (covered > best) best = covered;
  }
  return best;
}
