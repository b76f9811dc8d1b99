import type { IndexedSection, SearchIndex } from './index.js';
import { altsOf, type AnalyzedQuery, type QueryUnit } from './query.js';
import { keptPerWord, type KeptPerWord } from './word-analysis.js';

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
  // Loops over the alternatives' arrays, not the map's entries or spread lists: this runs per unit of every question.
  const { keys, weights } = altsOf(unit);
  for (let k = 0; k < keys.length; k++) if (index.df.has(keys[k]!)) best = Math.max(best, idf(index, keys[k]!) * Math.max(weights[k]!, 0.75));
  for (const p of unit.phrases) {
    let rarest = -Infinity;
    for (const words of p.words) {
      let word = -Infinity;
      for (const k of words) word = Math.max(word, index.df.has(k) ? idf(index, k) : 0);
      rarest = Math.max(rarest, word);
    }
    best = Math.max(best, rarest * 0.75);
  }
  return (best >= 0 ? best : idf(index, '\u0000') * UNKNOWN_WORD_SHARE) * unit.importance;
}

/** The audience prior of a section for a question (1 = no change). */
export function audiencePrior(query: AnalyzedQuery, audience: readonly string[]): number {
  // Loops rather than callbacks: this runs for every section of the code on every question.
  if (audience.length === 0) return 1;
  for (const a of audience) if (STAFF_SIDE.has(a)) return 1;
  if (query.subject && audience.includes(query.subject)) return 1;
  for (const a of audience) if (query.mentions.has(a as never)) return MENTIONED_AUDIENCE_PRIOR;
  return OTHER_AUDIENCE_PRIOR;
}

function bm25Phrase(s: IndexedSection, words: readonly string[][]): number {
  let sum = 0;
  for (const keys of words) {
    let best = 0;
    for (const k of keys) best = Math.max(best, bm25f(s, k));
    sum += best;
  }
  return sum / Math.max(1, words.length);
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
  return units.map((unit) => ({ ...unit, ...narrowed(index, unit) }));
}

type Narrowed = Pick<QueryUnit, 'alts' | 'phrases'>;

/**
 * Per index, a remembered word's narrowing (see wordDraft): its alternatives and phrases are the same
 * in every question that asks it, and so, kept, are the narrowed ones and what is made of them once
 * per map (altsOf's arrays). Nothing changes a narrowed unit's map or phrases.
 */
const narrowedOf = new WeakMap<SearchIndex, KeptPerWord<Narrowed>>();

function narrowed(index: SearchIndex, unit: QueryUnit): Narrowed {
  let kept = narrowedOf.get(index);
  if (!kept) narrowedOf.set(index, (kept = new WeakMap()));
  return keptPerWord(kept, unit, () => narrow(index, unit));
}

function narrow(index: SearchIndex, unit: QueryUnit): Narrowed {
  const alts = new Map<string, number>();
  const { keys, weights } = altsOf(unit);
  for (let k = 0; k < keys.length; k++) if (index.df.has(keys[k]!)) alts.set(keys[k]!, weights[k]!);
  const phrases: QueryUnit['phrases'] = [];
  for (const p of unit.phrases) {
    const words = p.words.map((keys) => keys.filter((k) => index.df.has(k)));
    if (words.every((keys) => keys.length > 0)) phrases.push({ words, weight: p.weight });
  }
  return { alts, phrases };
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

/**
 * How every section's text matches the question (see {@link matchTexts}), by section position:
 * `score` and `covered` per section, `matched` per (section, unit) at section × units + unit. Tables
 * reused from one question to the next (matching is synchronous): valid until the next match
 * against the same index.
 */
export interface TextMatches {
  score: Float64Array;
  covered: Float64Array;
  matched: Float64Array;
  /** Per (section, unit): 1 when the section's own text holds a key of the unit or all words of one of its phrases. */
  present: Uint8Array;
}

interface TextScratch extends TextMatches {
  /** Per (section, unit): the best BM25F so far. */
  best: Float64Array;
  /** Per section, for the phrase check: the words of the current phrase it holds, and the last word counted. */
  words: Uint32Array;
  stamp: Uint32Array;
  stamps: number;
}

const textScratchOf = new WeakMap<SearchIndex, TextScratch>();

function textScratch(index: SearchIndex, units: number): TextScratch {
  const n = index.sections.length;
  let scratch = textScratchOf.get(index);
  if (!scratch || scratch.best.length < n * units) {
    const cells = n * Math.max(units, 8);
    scratch = { score: new Float64Array(n), covered: new Float64Array(n), matched: new Float64Array(cells), present: new Uint8Array(cells), best: new Float64Array(cells), words: new Uint32Array(n), stamp: new Uint32Array(n), stamps: 0 };
    textScratchOf.set(index, scratch);
  }
  scratch.best.fill(0, 0, n * units);
  scratch.matched.fill(0, 0, n * units);
  scratch.present.fill(0, 0, n * units);
  return scratch;
}

/**
 * Every section's text against the question: BM25F per unit (its best key or phrase) plus the
 * bigram bonus (`score`), the idf-weighted match summed over units (`covered`), and per unit the
 * weight it matched with (`matched`). `units` are the question's units narrowed by
 * {@link unitsInText}; `ordered` the positions in `units` of the non-optional ones, in word order.
 * Walks each key's sections instead of looking every key up in every section: a key is in a few;
 * a phrase likewise finds the sections holding all its words through its keys' sections.
 */
export function matchTexts(index: SearchIndex, units: readonly QueryUnit[], unitWeights: readonly number[], ordered: readonly number[]): TextMatches {
  const nu = units.length;
  const scratch = textScratch(index, nu);
  const { best, matched: match, present, score: scores, covered: coverage } = scratch;
  const postings = textPostings(index);
  for (let u = 0; u < nu; u++) {
    const { keys, weights } = altsOf(units[u]!);
    for (let k = 0; k < keys.length; k++) {
      const w = weights[k]!;
      const list = postings.get(keys[k]!);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const at = list[i]! * nu + u;
        const score = w * list[i + 1]!;
        if (score > best[at]!) best[at] = score;
        if (w > match[at]!) match[at] = w;
        present[at] = 1;
      }
    }
    for (const phrase of units[u]!.phrases) matchPhrase(index, scratch, postings, phrase, nu, u);
  }
  const sections = index.sections;
  for (let position = 0; position < sections.length; position++) {
    let score = 0;
    let covered = 0;
    for (let u = 0; u < nu; u++) {
      score += best[position * nu + u]! * units[u]!.importance;
      covered += (unitWeights[u] ?? 0) * match[position * nu + u]!;
    }
    for (let i = 0; i + 1 < ordered.length; i++) {
      const a = ordered[i]!;
      const b = ordered[i + 1]!;
      // Only units the section matches can stand side by side in it.
      if (match[position * nu + a]! > 0 && match[position * nu + b]! > 0 && adjacent(sections[position]!, units[a]!, units[b]!)) {
        score += BIGRAM_BONUS * Math.min(unitWeights[a] ?? 0, unitWeights[b] ?? 0);
      }
    }
    scores[position] = score;
    coverage[position] = covered;
  }
  return scratch;
}

/** A code phrase of unit `u` in every section holding all its words: its BM25F and weight, where better than the unit's keys. */
function matchPhrase(index: SearchIndex, scratch: TextScratch, postings: Map<string, number[]>, phrase: QueryUnit['phrases'][number], nu: number, u: number): void {
  const { words, stamp, best, matched, present } = scratch;
  words.fill(0);
  for (const keys of phrase.words) {
    // A word counts once per section, whichever of its keys the section holds.
    const mark = ++scratch.stamps;
    for (const key of keys) {
      const list = postings.get(key);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        if (stamp[list[i]!] === mark) continue;
        stamp[list[i]!] = mark;
        words[list[i]!]!++;
      }
    }
  }
  for (let position = 0; position < index.sections.length; position++) {
    if (words[position] !== phrase.words.length) continue;
    const at = position * nu + u;
    best[at] = Math.max(best[at]!, phrase.weight * bm25Phrase(index.sections[position]!, phrase.words));
    matched[at] = Math.max(matched[at]!, phrase.weight);
    present[at] = 1;
  }
}
