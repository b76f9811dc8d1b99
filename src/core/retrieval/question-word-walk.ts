import { altsOf, type QueryUnit } from './query.js';
import type { Postings } from './question-index.js';
import type { Scratch } from './question-match-scratch.js';
import { isRememberedAlts } from './word-analysis.js';

/**
 * The nearest-question match's posting walk for one asked word, walked once and kept per index: a
 * word's alternatives are the same in every question that asks it (its remembered analysis), so
 * what its postings give every stored question is too. A vocabulary group gives "insta" some thirty
 * alternatives over the same stored questions: their 10k postings reach ~1.3k stored questions,
 * and a question asking the word now touches each of those once instead of every posting.
 *
 * Results are exactly the walk's: per stored question the best BM25 and match are maxima; its reach
 * adds the word's terms in the walk's order, as their sum made from 0 when nothing before added to
 * it (the same additions), else term by term. Only when the word owns each of its keys' reach (no
 * other word of the question weighs a key more): otherwise the question walks the word's postings.
 */
export interface WordWalk {
  minWeight: number;
  /** Per alternative: its row (-1: none), as the walk looks it up for every question. */
  keyRows: Int32Array;
  /** Rows of the walked alternatives, in order (whether the word owns their reach is per question). */
  rows: Int32Array;
  /** The stored questions the word reaches, in the order the walk first touches them; per question: ... */
  questions: Uint32Array;
  /** ... the best BM25 and match of its alternatives, ... */
  bm25: Float64Array;
  match: Float64Array;
  /** ... its reach terms summed from 0, and the terms themselves (terms[termStart[x]..termStart[x + 1]]). */
  sum: Float64Array;
  termStart: Uint32Array;
  terms: Float64Array;
}

/**
 * Words kept per postings at most; past that the kept ones are dropped (a long-running bot asks new
 * words). A kept word is ~7 KB on average over the dev sets' words (the broadest ~100 KB), so a
 * board's kept walks stay around 13 MB at most.
 */
const MAX_WORDS = 2000;
const walksOf = new WeakMap<Postings, Map<ReadonlyMap<string, number>, WordWalk>>();

/** The kept walk of a remembered word (made on its first question), or undefined for a word of this question only. */
export function wordWalk(postings: Postings, unit: QueryUnit, minWeight: number): WordWalk | undefined {
  if (!isRememberedAlts(unit.alts)) return undefined;
  let walks = walksOf.get(postings);
  if (!walks) walksOf.set(postings, (walks = new Map<ReadonlyMap<string, number>, WordWalk>()));
  let walk = walks.get(unit.alts);
  if (!walk || walk.minWeight !== minWeight) {
    if (walks.size >= MAX_WORDS) walks.clear();
    walk = walkWord(postings, unit, minWeight);
    walks.set(unit.alts, walk);
  }
  return walk;
}

function walkWord(postings: Postings, unit: QueryUnit, minWeight: number): WordWalk {
  const { keys, weights } = altsOf(unit);
  const keyRows = Int32Array.from(keys, (key) => postings.rows.get(key) ?? -1);
  const rows: number[] = [];
  const at = new Map<number, number>();
  const questions: number[] = [];
  const bm25: number[] = [];
  const match: number[] = [];
  const termsOf: number[][] = [];
  for (let k = 0; k < keys.length; k++) {
    const row = keyRows[k]!;
    const w = weights[k]!;
    if (row < 0 || w < minWeight) continue;
    rows.push(row);
    const reach = Math.min(1, w);
    for (let i = postings.offsets[row]!; i < postings.offsets[row + 1]!; i++) {
      const question = postings.question[i]!;
      let x = at.get(question);
      if (x === undefined) {
        at.set(question, (x = questions.length));
        questions.push(question);
        bm25.push(0);
        match.push(0);
        termsOf.push([]);
      }
      // The same products as the walk's, compared and added in the same order.
      const weight = w * postings.weight[i]!;
      if (weight > bm25[x]!) bm25[x] = weight;
      const m = Math.min(1, w * postings.match[i]!);
      if (m > match[x]!) match[x] = m;
      termsOf[x]!.push(postings.weight[i]! * reach);
    }
  }
  const termStart = new Uint32Array(questions.length + 1);
  const sum = new Float64Array(questions.length);
  const terms: number[] = [];
  termsOf.forEach((list, x) => {
    let total = 0;
    for (const term of list) total += term;
    sum[x] = total;
    terms.push(...list);
    termStart[x + 1] = terms.length;
  });
  return { minWeight, keyRows, rows: Int32Array.from(rows), questions: Uint32Array.from(questions), bm25: Float64Array.from(bm25), match: Float64Array.from(match), sum, termStart, terms: Float64Array.from(terms) };
}

/** Whether unit `u` owns the reach of every key it walks (the scratch's rowUnit as the walk set it). */
export function ownsReach(walk: WordWalk, scratch: Scratch, u: number): boolean {
  for (let r = 0; r < walk.rows.length; r++) if (scratch.rowUnit[walk.rows[r]!] !== u) return false;
  return true;
}

/**
 * The kept walk of unit `u` into the scratch tables, as walking its postings would leave them;
 * `touch` marks a stored question touched. Returns the new count of touched questions.
 */
export function replayWord(walk: WordWalk, scratch: Scratch, nu: number, u: number, count: number, touch: (scratch: Scratch, nu: number, question: number, count: number) => number): number {
  const { bm25, matched, seen, reached } = scratch;
  const { questions, termStart, terms } = walk;
  for (let x = 0; x < questions.length; x++) {
    const question = questions[x]!;
    if (!seen[question]) count = touch(scratch, nu, question, count);
    // Only this unit writes its cells, cleared when the question was touched: the maxima are the kept ones.
    const cell = question * nu + u;
    bm25[cell] = walk.bm25[x]!;
    matched[cell] = walk.match[x]!;
    const before = reached[question]!;
    if (before === 0) reached[question] = walk.sum[x]!;
    else {
      let reach = before;
      for (let t = termStart[x]!; t < termStart[x + 1]!; t++) reach += terms[t]!;
      reached[question] = reach;
    }
  }
  return count;
}
