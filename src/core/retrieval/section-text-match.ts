import type { IndexedSection, SearchIndex } from './index.js';
import { altsOf, type AnalyzedQuery, type QueryUnit } from './query.js';

/**
 * How a section's own text (BM25F over body, headings and audience) matches an analysed question:
 * the per-unit weights, the audience prior and the match itself. Split from search.ts, which
 * combines this with the stored questions, refines and re-ranks.
 */

/** Bonus (in idf units) when two consecutive question words also stand side by side in the section. */
const BIGRAM_BONUS = 0.35;
/** Share of full idf that an unknown word counts for in coverage (it may just be context, "musical"). */
const UNKNOWN_WORD_SHARE = 0.6;
/**
 * Audience prior: the bot's users are staff, so a rule addressed only to pupils or parents ranks
 * below staff rules unless the question is about pupils or parents ("mag een leerling ...").
 */
export const OTHER_AUDIENCE_PRIOR = 0.6;
/** ... and a little less so when the question names that group but not as its subject. */
export const MENTIONED_AUDIENCE_PRIOR = 0.65;
const STAFF_SIDE = new Set(['medewerkers', 'leidinggevenden', 'school']);

/** Inverse document frequency of a key in the board's code. */
export function idf(index: SearchIndex, key: string): number {
  const n = index.sections.length;
  const df = index.df.get(key) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function bm25f(s: IndexedSection, key: string): number {
  return s.termWeights.get(key) ?? 0;
}

/** A unit's weight in coverage: its rarest key's idf (reduced for unknown words; 0 for optional units). */
export function unitWeight(index: SearchIndex, unit: QueryUnit): number {
  if (unit.optional) return 0;
  let best = -1;
  for (const [key, w] of unit.alts) if (index.df.has(key)) best = Math.max(best, idf(index, key) * Math.max(w, 0.75));
  for (const p of unit.phrases) {
    const rarest = Math.max(...p.words.map((keys) => Math.max(...keys.map((k) => (index.df.has(k) ? idf(index, k) : 0)))));
    best = Math.max(best, rarest * 0.75);
  }
  return (best >= 0 ? best : idf(index, '\u0000') * UNKNOWN_WORD_SHARE) * unit.importance;
}

/** The audience prior of a section for a question (1 = no change). */
export function audiencePrior(query: AnalyzedQuery, audience: readonly string[]): number {
  if (audience.length === 0 || audience.some((a) => STAFF_SIDE.has(a))) return 1;
  if (query.subject && audience.includes(query.subject)) return 1;
  if (audience.some((a) => query.mentions.has(a as never))) return MENTIONED_AUDIENCE_PRIOR;
  return OTHER_AUDIENCE_PRIOR;
}

function bm25Phrase(s: IndexedSection, words: readonly string[][]): number {
  let sum = 0;
  for (const keys of words) sum += Math.max(0, ...keys.map((k) => bm25f(s, k)));
  return sum / Math.max(1, words.length);
}

function hasKey(s: IndexedSection, key: string): boolean {
  return s.termWeights.has(key);
}

function adjacent(s: IndexedSection, a: QueryUnit, b: QueryUnit): boolean {
  for (const ka of altsOf(a).keys) {
    const pa = s.positions.get(ka);
    if (!pa) continue;
    for (const kb of altsOf(b).keys) {
      const pb = s.positions.get(kb);
      if (pb && nextTo(pa, pb)) return true;
    }
  }
  return false;
}

/** Whether a position of `a` is next to one of `b` (loops: this runs per section and pair of units). */
function nextTo(a: readonly number[], b: readonly number[]): boolean {
  for (const p of a) for (const q of b) if (q === p + 1 || q === p - 1) return true;
  return false;
}

/**
 * The question's units narrowed to the keys that occur anywhere in the code's text. Matching a
 * section's text looks every alternative of every unit up in every section, and most of the
 * vocabulary's alternatives occur in none: narrowed once per question, the per-section work is
 * what can match. Results are the same, since an absent key matches no section.
 */
export function unitsInText(index: SearchIndex, units: readonly QueryUnit[]): QueryUnit[] {
  return units.map((unit) => {
    const alts = new Map<string, number>();
    for (const [key, w] of unit.alts) if (index.df.has(key)) alts.set(key, w);
    const phrases: QueryUnit['phrases'] = [];
    for (const p of unit.phrases) {
      const words = p.words.map((keys) => keys.filter((k) => index.df.has(k)));
      if (words.every((keys) => keys.length > 0)) phrases.push({ words, weight: p.weight });
    }
    return { ...unit, alts, phrases };
  });
}

/** Per key of the code's text, the sections holding it and its BM25F weight there: flat (section, weight) pairs. */
const textPostingsOf = new WeakMap<SearchIndex, Map<string, number[]>>();

function textPostings(index: SearchIndex): Map<string, number[]> {
  let postings = textPostingsOf.get(index);
  if (!postings) {
    // Built on the first question rather than with the index, which stays as quick to build.
    postings = new Map<string, number[]>();
    index.sections.forEach((s, i) => {
      for (const [key, weight] of s.termWeights) {
        const list = postings!.get(key);
        if (list) list.push(i, weight);
        else postings!.set(key, [i, weight]);
      }
    });
    textPostingsOf.set(index, postings);
  }
  return postings;
}

/** How one section's text matches the question (see {@link matchTexts}). */
export interface TextMatch {
  score: number;
  covered: number;
  matched: number[];
}

/**
 * Every section's text against the question: BM25F per unit (its best key or phrase) plus the
 * bigram bonus (`score`), the idf-weighted match summed over units (`covered`), and per unit the
 * weight it matched with (`matched`). `units` are the question's units narrowed by
 * {@link unitsInText}; `ordered` the positions in `units` of the non-optional ones, in word order.
 * Walks each key's sections instead of looking every key up in every section: a key is in a few.
 */
export function matchTexts(index: SearchIndex, units: readonly QueryUnit[], unitWeights: readonly number[], ordered: readonly number[]): TextMatch[] {
  const nu = units.length;
  const best = new Float64Array(index.sections.length * nu);
  const match = new Float64Array(index.sections.length * nu);
  const postings = textPostings(index);
  units.forEach((unit, u) => {
    const { keys, weights } = altsOf(unit);
    for (let k = 0; k < keys.length; k++) {
      const w = weights[k]!;
      const list = postings.get(keys[k]!);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const at = list[i]! * nu + u;
        const score = w * list[i + 1]!;
        if (score > best[at]!) best[at] = score;
        if (w > match[at]!) match[at] = w;
      }
    }
  });
  return index.sections.map((s, position) => {
    let score = 0;
    let covered = 0;
    const matched = units.map((unit, u) => {
      const at = position * nu + u;
      let unitScore = best[at]!;
      let unitMatch = match[at]!;
      for (const p of unit.phrases) {
        if (!p.words.every((keys) => keys.some((k) => hasKey(s, k)))) continue;
        unitScore = Math.max(unitScore, p.weight * bm25Phrase(s, p.words));
        unitMatch = Math.max(unitMatch, p.weight);
      }
      score += unitScore * unit.importance;
      covered += (unitWeights[u] ?? 0) * unitMatch;
      return unitMatch;
    });
    for (let i = 0; i + 1 < ordered.length; i++) {
      const a = ordered[i]!;
      const b = ordered[i + 1]!;
      // Only units the section matches can stand side by side in it.
      if ((matched[a] ?? 0) > 0 && (matched[b] ?? 0) > 0 && adjacent(s, units[a]!, units[b]!)) score += BIGRAM_BONUS * Math.min(unitWeights[a] ?? 0, unitWeights[b] ?? 0);
    }
    return { score, covered, matched };
  });
}

/** True when the section's own text (not only its stored questions) contains a key of the unit. */
export function matchedByText(s: IndexedSection, unit: QueryUnit): boolean {
  for (const key of altsOf(unit).keys) if (hasKey(s, key)) return true;
  return unit.phrases.some((p) => p.words.every((keys) => keys.some((k) => hasKey(s, k))));
}
