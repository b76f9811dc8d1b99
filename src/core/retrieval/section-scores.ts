import type { SearchIndex } from './index.js';
import type { QuestionMatches } from './question-match-scratch.js';
import type { TextMatches } from './section-text-match.js';
import { mergeOrder } from './score-order.js';

/**
 * Phase one of the ranking read from the match tables, without a hit object per section: each
 * section's upper-bound score and the sections in that order, and which units are widespread. Only
 * the sections the ranking goes on to refine need a hit (a dozen of the ~70): making one for every
 * section on every question was more than a quarter of a question's garbage.
 */

/** Per section position: its phase-one score; and the positions best first (ties in position order). */
export interface PhaseOne {
  score: Float64Array;
  order: Uint32Array;
}

interface Tables {
  score: Float64Array;
  order: Uint32Array;
  spare: Uint32Array;
}

/** Reused from one question to the next (ranking is synchronous): valid until the next ranking against the same index. */
const tablesOf = new WeakMap<SearchIndex, Tables>();

function tablesFor(index: SearchIndex): Tables {
  const n = index.sections.length;
  let tables = tablesOf.get(index);
  if (!tables || tables.score.length < n) {
    tables = { score: new Float64Array(n), order: new Uint32Array(n), spare: new Uint32Array(n) };
    tablesOf.set(index, tables);
  }
  return tables;
}

/** The section's best stored question in the match tables (-1: none matched). */
export function bestQuestionOf(near: QuestionMatches, position: number): number {
  return near.bestQuestion[position] ?? -1;
}

/** What the phase-one score is made of, as the ranking weighs it. */
export interface PhaseOneWeights {
  /** Breadth factor: BM25 times (coverageBase + coverage). */
  coverageBase: number;
  /** Weight of the nearest stored question's score. */
  questionWeight: number;
}

/**
 * Every section's phase-one score: its text's BM25 times (base + coverage) times its prior, plus its
 * nearest stored question's weighted score; and the sections ordered by it as sortByScore orders hits.
 */
export function phaseOne(index: SearchIndex, texts: TextMatches, near: QuestionMatches, priors: readonly number[], totalWeight: number, weights: PhaseOneWeights): PhaseOne {
  const n = index.sections.length;
  const tables = tablesFor(index);
  const { score } = tables;
  for (let position = 0; position < n; position++) {
    const coverage = totalWeight > 0 ? texts.covered[position]! / totalWeight : 0;
    const textScore = texts.score[position]! * (weights.coverageBase + coverage) * priors[position]!;
    const question = bestQuestionOf(near, position);
    score[position] = question < 0 ? textScore : textScore + weights.questionWeight * near.bestScore[position]!;
  }
  return { score, order: mergeOrder(score, n, tables.order, tables.spare) };
}

/** How a section matched unit `u`: the better of its text and its nearest stored question (0..1). */
export function mergedMatch(texts: TextMatches, near: QuestionMatches, units: number, position: number, u: number): number {
  const text = texts.matched[position * units + u]!;
  const question = bestQuestionOf(near, position);
  if (question < 0) return text;
  return Math.max(text, u < near.stride ? near.matched[question * near.stride + u]! : 0);
}

/**
 * Per unit: whether more than `share` of the sections match it at all (generic), or with at least
 * `close` (common); a section matching through its text or its nearest stored question.
 */
export function widespread(texts: TextMatches, near: QuestionMatches, units: number, sections: number, share: number, close: number): { generic: boolean[]; common: boolean[] } {
  const generic: boolean[] = [];
  const common: boolean[] = [];
  for (let u = 0; u < units; u++) {
    let any = 0;
    let closeCount = 0;
    for (let position = 0; position < sections; position++) {
      const m = mergedMatch(texts, near, units, position, u);
      if (m > 0) any++;
      if (m >= close) closeCount++;
    }
    generic.push(any > share * sections);
    common.push(closeCount > share * sections);
  }
  return { generic, common };
}
