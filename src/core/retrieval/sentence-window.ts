import type { IndexedSection } from './index.js';
import type { QueryUnit } from './query.js';
import { altsOf, bestAmong, lookupOf, matchPhrases } from './unit-match.js';

/** Sentences per window when judging a long section by its best passage. */
const WINDOW_SENTENCES = 3;

/**
 * Per section, made once (sections live as long as the index): the keys of its heading and audience,
 * and whether either holds a key (1) or not (0); and per key of its body, the sentences holding it
 * with its weight there (flat pairs), so a unit's alternatives are looked up once per section rather
 * than once per sentence.
 */
interface SectionLookups {
  outsideKeys: string[];
  inOutside: (key: string) => number;
  sentencesOf: Map<string, number[]>;
}

const sectionLookups = new WeakMap<IndexedSection, SectionLookups>();

function lookupsOf(s: IndexedSection): SectionLookups {
  let lookups = sectionLookups.get(s);
  if (!lookups) {
    const { head, aud } = s.fields;
    const sentencesOf = new Map<string, number[]>();
    s.sentences.forEach((keys, j) => {
      for (const [key, weight] of keys) {
        const list = sentencesOf.get(key);
        if (list) list.push(j, weight);
        else sentencesOf.set(key, [j, weight]);
      }
    });
    lookups = { outsideKeys: [...head.tf.keys(), ...aud.tf.keys()], inOutside: (k) => (head.tf.has(k) || aud.tf.has(k) ? 1 : 0), sentencesOf };
    sectionLookups.set(s, lookups);
  }
  return lookups;
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
  const { outsideKeys, inOutside, sentencesOf } = lookupsOf(s);
  for (let a = 0; a < na; a++) {
    const unit = units[active[a]!]!;
    for (let j = 0; j < n; j++) cells[j * na + a] = 0;
    // Per sentence as matchUnit does it (alternatives in order, each only when it could raise the
    // best), walking each alternative's sentences instead of looking it up in every sentence.
    const alts = altsOf(unit);
    for (let k = 0; k < alts.keys.length; k++) {
      const list = sentencesOf.get(alts.keys[k]!);
      if (!list) continue;
      const w = alts.weights[k]!;
      for (let i = 0; i < list.length; i += 2) {
        const at = list[i]! * na + a;
        if (w > cells[at]!) cells[at] = Math.max(cells[at]!, w * list[i + 1]!);
      }
    }
    if (unit.phrases.length > 0) for (let j = 0; j < n; j++) cells[j * na + a] = matchPhrases(unit, cells[j * na + a]!, lookupOf(sentences[j]!));
  }
  // Words in the heading or audience hold for every sentence of the section.
  const outside = n * na;
  const top = (n + 1) * na;
  for (let a = 0; a < na; a++) cells[outside + a] = matchPhrases(units[active[a]!]!, bestAmong(units[active[a]!]!, outsideKeys, 0), inOutside);
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
