import { altsOf, type QueryUnit } from './query.js';
import type { Postings } from './question-index.js';
import { grownRuns, type Scratch } from './question-match-scratch.js';
import { ownsReach, replayWord, wordWalk, type WordWalk } from './question-word-walk.js';

/**
 * The posting walk of the nearest-question match: per (stored question, unit) the best BM25 and
 * match of the unit's alternatives, and per stored question how much of it the asked one reaches.
 *
 * A vocabulary group gives every stored question that says "foto" also "fotos", "video", "beeld"
 * (and "leerling" also "kind", "kinder"), so the alternatives of one asked word often have postings
 * over the very same stored questions, only with other weights. Walking such a run of alternatives
 * once, with every alternative's weight per stored question, touches each stored question once
 * instead of once per alternative: for "mag ik een foto van mijn klas op insta zetten?" 10k postings
 * become 5k. Results are exactly those of walking them one by one: the BM25 and the match are
 * maxima, and a stored question's reach still adds the alternatives' weights in their order, as the
 * run's alternatives are consecutive in it.
 */

const sameQuestionsOf = new WeakMap<Postings, Uint32Array>();

/**
 * Per row of the postings, the first row over the very same stored questions in the same order (its
 * own when there is none). Made on the first question rather than with the index, which stays as
 * quick to build, and for each index once: it depends on the stored questions only.
 */
export function sameQuestionRows(postings: Postings): Uint32Array {
  let same = sameQuestionsOf.get(postings);
  if (same) return same;
  const { offsets, question } = postings;
  const rows = offsets.length - 1;
  same = new Uint32Array(rows);
  const byHash = new Map<number, number[]>();
  for (let row = 0; row < rows; row++) {
    let hash = offsets[row + 1]! - offsets[row]!;
    for (let i = offsets[row]!; i < offsets[row + 1]!; i++) hash = Math.imul(hash ^ question[i]!, 0x9e3779b1) >>> 0;
    const bucket = byHash.get(hash);
    const first = bucket?.find((other) => sameQuestions(postings, other, row));
    same[row] = first ?? row;
    if (first !== undefined) continue;
    if (bucket) bucket.push(row);
    else byHash.set(hash, [row]);
  }
  sameQuestionsOf.set(postings, same);
  return same;
}

function sameQuestions({ offsets, question }: Postings, a: number, b: number): boolean {
  const length = offsets[a + 1]! - offsets[a]!;
  if (offsets[b + 1]! - offsets[b]! !== length) return false;
  for (let i = 0; i < length; i++) if (question[offsets[a]! + i] !== question[offsets[b]! + i]) return false;
  return true;
}

/** Per unit of the current question: its kept walk, if any (reused from one question to the next). */
const kept: Array<WordWalk | undefined> = [];

/**
 * Walks the postings of the units' alternatives weighing at least `minWeight` into the scratch
 * tables (bm25, matched, reached; the stored questions touched in `touched`, in the order first
 * touched) and returns how many stored questions it touched.
 */
export function walkPostings(postings: Postings, units: readonly QueryUnit[], minWeight: number, scratch: Scratch): number {
  const nu = units.length;
  const same = sameQuestionRows(postings);
  const { rowUnit, rowWeight } = scratch;
  // How much of each stored question the asked one reaches counts each key once, at its best weight:
  // the unit where a key weighs most adds it (found first, so the postings are walked once). Keys
  // without postings cannot add anything and are left out.
  let keyCount = 0;
  for (const unit of units) keyCount += altsOf(unit).keys.length;
  const runs = grownRuns(scratch, keyCount);
  const keyRow = runs.keyRow;
  let at = 0;
  kept.length = 0;
  for (let u = 0; u < nu; u++) {
    const { keys, weights } = altsOf(units[u]!);
    // A remembered word's walk is kept (see question-word-walk.ts), its keys' rows with it.
    const walk = wordWalk(postings, units[u]!, minWeight);
    kept.push(walk);
    for (let k = 0; k < keys.length; k++, at++) {
      const row = walk ? walk.keyRows[k]! : (postings.rows.get(keys[k]!) ?? -1);
      keyRow[at] = row;
      if (row < 0) continue;
      if (rowUnit[row]! < 0 || rowWeight[row]! < weights[k]!) {
        rowUnit[row] = u;
        rowWeight[row] = weights[k]!;
      }
    }
  }
  const { runRow, runStart, runWeight, runReach } = runs;
  let count = 0;
  at = 0;
  for (let u = 0; u < nu; u++) {
    const { weights } = altsOf(units[u]!);
    const walk = kept[u];
    if (walk && ownsReach(walk, scratch, u)) {
      count = replayWord(walk, scratch, nu, u, count, touch);
      at += weights.length;
      continue;
    }
    // The unit's alternatives that are walked, in their order.
    let n = 0;
    for (let k = 0; k < weights.length; k++, at++) {
      const row = keyRow[at]!;
      const w = weights[k]!;
      if (w < minWeight || row < 0) continue;
      runRow[n] = row;
      runStart[n] = postings.offsets[row]!;
      runWeight[n] = w;
      runReach[n] = rowUnit[row] === u ? Math.min(1, w) : 0;
      n++;
    }
    for (let first = 0; first < n; ) {
      let end = first + 1;
      while (end < n && same[runRow[end]!] === same[runRow[first]!]) end++;
      count = end - first === 1 ? walkKey(postings, scratch, nu, u, first, count) : walkRun(postings, scratch, nu, u, first, end, count);
      first = end;
    }
  }
  for (let k = 0; k < at; k++) if (keyRow[k]! >= 0) rowUnit[keyRow[k]!] = -1;
  return count;
}

/** Marks a stored question touched, its cells cleared (a loop, not fill(): the builtin's call cost more than the few cells it clears). */
function touch(scratch: Scratch, nu: number, question: number, count: number): number {
  const { bm25, matched } = scratch;
  scratch.seen[question] = 1;
  scratch.touched[count] = question;
  for (let cell = question * nu; cell < (question + 1) * nu; cell++) {
    bm25[cell] = 0;
    matched[cell] = 0;
  }
  scratch.reached[question] = 0;
  return count + 1;
}

/** Walks alternative `k` (of the scratch runs) of unit `u` alone: walkRun for a run of one, without its inner loop (most runs are one key, and the loop's bookkeeping cost ~3% of an answer). */
function walkKey(postings: Postings, scratch: Scratch, nu: number, u: number, k: number, count: number): number {
  const { bm25, matched, seen, reached } = scratch;
  const { question: questions, weight: postingWeight, match: postingMatch } = postings;
  const { runRow, runWeight, runReach } = scratch.runs;
  const w = runWeight[k]!;
  const reach = runReach[k]!;
  const end = postings.offsets[runRow[k]! + 1]!;
  for (let i = postings.offsets[runRow[k]!]!; i < end; i++) {
    const question = questions[i]!;
    if (!seen[question]) count = touch(scratch, nu, question, count);
    const cell = question * nu + u;
    const weight = w * postingWeight[i]!;
    if (weight > bm25[cell]!) bm25[cell] = weight;
    const m = Math.min(1, w * postingMatch[i]!);
    if (m > matched[cell]!) matched[cell] = m;
    reached[question]! += postingWeight[i]! * reach;
  }
  return count;
}

/** Walks alternatives first..end-1 (of the scratch runs) of unit `u`, whose postings share their stored questions. */
function walkRun(postings: Postings, scratch: Scratch, nu: number, u: number, first: number, end: number, count: number): number {
  const { bm25, matched, seen, reached } = scratch;
  const { runRow, runStart, runWeight, runReach } = scratch.runs;
  const { question: questions, weight: postingWeight, match: postingMatch } = postings;
  const start = runStart[first]!;
  const length = postings.offsets[runRow[first]! + 1]! - start;
  for (let p = 0; p < length; p++) {
    const question = questions[start + p]!;
    if (!seen[question]) count = touch(scratch, nu, question, count);
    const cell = question * nu + u;
    let best = bm25[cell]!;
    let match = matched[cell]!;
    let reach = reached[question]!;
    for (let j = first; j < end; j++) {
      const i = runStart[j]! + p;
      const w = runWeight[j]!;
      const weight = w * postingWeight[i]!;
      if (weight > best) best = weight;
      const m = Math.min(1, w * postingMatch[i]!);
      if (m > match) match = m;
      reach += postingWeight[i]! * runReach[j]!;
    }
    bm25[cell] = best;
    matched[cell] = match;
    reached[question] = reach;
  }
  return count;
}
