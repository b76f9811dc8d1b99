import type { QuestionIndex } from './question-index.js';

/**
 * Scratch tables of the nearest-question match, reused from one question to the next: allocating
 * tables for every stored question on every question was most of the garbage collector's work under
 * load. Per (stored question, unit): the best BM25 and match; per stored question: seen, reached and
 * score; per section: its best stored question so far. Matching is synchronous, so one set per index
 * serves every user.
 */
export interface Scratch {
  units: number;
  bm25: Float64Array;
  matched: Float64Array;
  seen: Uint8Array;
  reached: Float64Array;
  scores: Float64Array;
  /** The stored questions the current question touched: the first `touchedCount` entries. */
  touched: Uint32Array;
  touchedCount: number;
  /** Section of each stored question. */
  sectionOf: Uint32Array;
  /** Per section: its best stored question so far (-1: none yet), and what is known of it. */
  bestQuestion: Int32Array;
  bestScore: Float64Array;
  second: Float64Array;
  coverageOf: Float64Array;
  reverseOf: Float64Array;
  support: Uint32Array;
  /** Sections that got a best question for the current question, in the order they got it. */
  sections: number[];
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
    bestQuestion: new Int32Array(ns).fill(-1),
    bestScore: new Float64Array(ns),
    second: new Float64Array(ns),
    coverageOf: new Float64Array(ns),
    reverseOf: new Float64Array(ns),
    support: new Uint32Array(ns),
    sections: [],
  };
  scratchSpace.set(index, scratch);
  return scratch;
}
