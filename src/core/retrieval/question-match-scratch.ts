import type { QuestionIndex } from './question-index.js';

/**
 * Scratch tables of the nearest-question match, reused from one question to the next: allocating
 * tables for every stored question on every question was most of the garbage collector's work under
 * load. Per (stored question, unit): the best BM25 and match; per stored question: seen, reached and
 * score; per section: its best stored question so far. Matching is synchronous, so one set per index
 * serves every user.
 */
export interface Scratch extends QuestionMatches {
  units: number;
  bm25: Float64Array;
  seen: Uint8Array;
  reached: Float64Array;
  scores: Float64Array;
  /** The stored questions the current question touched: the first `touchedCount` entries. */
  touched: Uint32Array;
  touchedCount: number;
  /** Section of each stored question. */
  sectionOf: Uint32Array;
  /** The index's `weights` (each stored question's own weight) as a typed array. */
  ownWeight: Float64Array;
  /** Per unit of the current question: its importance and coverage weight. */
  importance: Float64Array;
  unitWeight: Float64Array;
  /** Per key row: the unit where the key weighs most (-1: not in the question; reset after each walk), and that weight. */
  rowUnit: Int32Array;
  rowWeight: Float64Array;
  runs: Runs;
}

/** Per alternative of the question (all units, in order): its key row (-1: none); per walked alternative of a unit: row, where its postings start, weight, reach. */
export interface Runs {
  keyRow: Int32Array;
  runRow: Uint32Array;
  runStart: Uint32Array;
  runWeight: Float64Array;
  runReach: Float64Array;
}

function runsFor(alternatives: number): Runs {
  return { keyRow: new Int32Array(alternatives), runRow: new Uint32Array(alternatives), runStart: new Uint32Array(alternatives), runWeight: new Float64Array(alternatives), runReach: new Float64Array(alternatives) };
}

/** The scratch's per-alternative tables, regrown when a question has more alternatives than any before. */
export function grownRuns(scratch: Scratch, alternatives: number): Runs {
  if (scratch.runs.keyRow.length < alternatives) scratch.runs = runsFor(Math.max(alternatives, 2 * scratch.runs.keyRow.length));
  return scratch.runs;
}

/**
 * What the nearest-question match found per section, read from the scratch tables: valid until the
 * next match against the same index.
 */
export interface QuestionMatches {
  /** Sections that got a best question for the current question, in the order they got it. */
  sections: number[];
  /** Per section: its best stored question (-1: none matched), its score (BM25 times coverage and reverse factors), ... */
  bestQuestion: Int32Array;
  bestScore: Float64Array;
  /** ... the score of its second-best stored question (0 when only one matched), ... */
  second: Float64Array;
  /** ... the IDF-weighted share of the asked question the best one covers, the share of the best one the asked one matched, ... */
  coverageOf: Float64Array;
  reverseOf: Float64Array;
  /** ... and how many of its stored questions score at least half the best one's score. */
  support: Uint32Array;
  /** Per (stored question, unit), at question × stride + unit: how well the stored question matched the unit (0..1). */
  matched: Float64Array;
  /** Units of the current question. */
  stride: number;
}

/** Stored question `question`'s per-unit matches (0..1) in the tables, as a list. */
export function matchedOf(matches: QuestionMatches, question: number): number[] {
  return Array.from({ length: matches.stride }, (_, u) => matches.matched[question * matches.stride + u]!);
}

const scratchSpace = new WeakMap<QuestionIndex, Scratch>();

/** The index's scratch tables, sized for `units` query units. */
export function scratchFor(index: QuestionIndex, units: number): Scratch {
  const current = scratchSpace.get(index);
  if (current && current.units >= units) return current;
  const nq = index.questions.length;
  const sectionOf = Uint32Array.from(index.questions, (q) => q.section);
  const ns = sectionOf.reduce((max, s) => Math.max(max, s + 1), 1);
  const scratch: Scratch = {
    units,
    bm25: new Float64Array(nq * units),
    matched: new Float64Array(nq * units),
    seen: new Uint8Array(nq),
    reached: new Float64Array(nq),
    scores: new Float64Array(nq),
    touched: new Uint32Array(nq),
    touchedCount: 0,
    sectionOf,
    ownWeight: Float64Array.from(index.questions, (_, q) => index.weights[q] ?? 0),
    bestQuestion: new Int32Array(ns).fill(-1),
    bestScore: new Float64Array(ns),
    second: new Float64Array(ns),
    coverageOf: new Float64Array(ns),
    reverseOf: new Float64Array(ns),
    support: new Uint32Array(ns),
    sections: [],
    stride: units,
    importance: new Float64Array(units),
    unitWeight: new Float64Array(units),
    rowUnit: new Int32Array(index.postings.offsets.length - 1).fill(-1),
    rowWeight: new Float64Array(index.postings.offsets.length - 1),
    runs: current?.runs ?? runsFor(256),
  };
  scratchSpace.set(index, scratch);
  return scratch;
}
