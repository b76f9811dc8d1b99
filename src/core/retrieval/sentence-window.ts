import type { IndexedSection } from './index.js';
import { matchUnit, matchUnitIn, type QueryUnit } from './query.js';

/** Sentences per window when judging a long section by its best passage. */
const WINDOW_SENTENCES = 3;

/**
 * Per section, whether its heading or audience holds a key (1) or not (0): made once per section
 * rather than a closure per call, as the sections live as long as the index.
 */
const outsideLookups = new WeakMap<IndexedSection, (key: string) => number>();

function outsideOf(s: IndexedSection): (key: string) => number {
  let lookup = outsideLookups.get(s);
  if (!lookup) {
    const { head, aud } = s.fields;
    lookup = (k) => (head.tf.has(k) || aud.tf.has(k) ? 1 : 0);
    outsideLookups.set(s, lookup);
  }
  return lookup;
}

/**
 * Tables reused from one call to the next (the window is judged synchronously, for a dozen sections
 * per question): the active units, and per (sentence, active unit) its match, then the heading's
 * match and the window's best per active unit.
 */
let activeUnits = new Uint32Array(16);
let table = new Float64Array(256);

/**
 * The best coverage (unnormalised) of any run of up to WINDOW_SENTENCES consecutive sentences.
 * Only units the whole section matches are looked up.
 */
export function windowCovered(s: IndexedSection, units: readonly QueryUnit[], weights: readonly number[], matched: readonly number[]): number {
  if (activeUnits.length < units.length) activeUnits = new Uint32Array(units.length);
  const active = activeUnits;
  let na = 0;
  for (let i = 0; i < units.length; i++) if ((matched[i] ?? 0) > 0 && (weights[i] ?? 0) > 0) active[na++] = i;
  const sentences = s.sentences;
  const n = sentences.length;
  if (table.length < (n + 2) * na) table = new Float64Array((n + 2) * na);
  const cells = table;
  for (let j = 0; j < n; j++) {
    for (let a = 0; a < na; a++) cells[j * na + a] = matchUnitIn(units[active[a]!]!, sentences[j]!);
  }
  // Words in the heading or audience hold for every sentence of the section.
  const outside = n * na;
  const top = (n + 1) * na;
  const inOutside = outsideOf(s);
  for (let a = 0; a < na; a++) cells[outside + a] = matchUnit(units[active[a]!]!, inOutside);
  let best = 0;
  for (let start = 0; start < n; start++) {
    for (let a = 0; a < na; a++) cells[top + a] = cells[outside + a]!;
    for (let j = start; j < Math.min(n, start + WINDOW_SENTENCES); j++) {
      for (let a = 0; a < na; a++) if (cells[j * na + a]! > cells[top + a]!) cells[top + a] = cells[j * na + a]!;
    }
    let covered = 0;
    for (let a = 0; a < na; a++) covered += cells[top + a]! * (weights[active[a]!] ?? 0);
    if (covered > best) best = covered;
  }
  return best;
}
