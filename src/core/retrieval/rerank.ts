import type { IndexedSection } from './index.js';
import type { AnalyzedQuery } from './query.js';
import { coveredAmong } from './unit-match.js';

/**
 * Re-ranking of the exact top hits by a linear model over what the ranking already knows of each
 * candidate: how its score splits into the code's words and the nearest stored question, how much of
 * the question each covers, how many of the section's stored questions are close, and what kind of
 * passage it is. The hand-set ranking weighs the two sources by one constant; which source to trust
 * depends on the question (a long story matches many stored questions a little; a short question
 * about the code matches one well), and a model fitted on many questions weighs that better.
 *
 * The weights are fitted by `npm run knowledge:rerank` on the stored questions themselves (each one
 * asked against an index built without its fold), never on an evaluation set.
 */

/** What the re-ranker needs of a hit (the ranking's internals; see search.ts). */
export interface RerankCandidate {
  indexed: IndexedSection;
  score: number;
  /** The code text's part of the score, and its coverage of the question. */
  textPart: number;
  textCoverage: number;
  /** The nearest stored question's part of the score. */
  questionPart: number;
  question?: { coverage: number; reverse: number; score: number; second: number; support: number };
  /** All the section's stored questions as one bag: its BM25 against the question, and its coverage. */
  bagPart?: number;
  bagCoverage?: number;
}

/** Names of the features, in order; the fitted weights follow this order. */
export const FEATURE_NAMES = [
  'score',
  'textPart',
  'questionPart',
  'textCoverage',
  'questionCoverage',
  'questionReverse',
  'secondQuestion',
  'support',
  'length',
  'rule',
  'lowPrior',
  'rank',
  'textRank',
  'questionRank',
  'heading',
  'bagPart',
  'bagCoverage',
  'title',
] as const;

const share = (value: number, max: number): number => (max > 0 ? value / max : 0);

function ranksBy(candidates: readonly RerankCandidate[], value: (c: RerankCandidate) => number): number[] {
  const values = candidates.map(value);
  const order = candidates.map((_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const ranks = candidates.map(() => 0);
  order.forEach((candidate, rank) => (ranks[candidate] = rank));
  return ranks;
}

/** Feature vectors of candidates sorted by their current score (best first). */
export function rerankFeatures(candidates: readonly RerankCandidate[], query: AnalyzedQuery, unitWeights: readonly number[]): number[][] {
  const top = candidates[0]?.score ?? 0;
  const maxText = Math.max(0, ...candidates.map((c) => c.textPart));
  const maxQuestion = Math.max(0, ...candidates.map((c) => c.questionPart));
  const maxQuestionScore = Math.max(0, ...candidates.map((c) => c.question?.score ?? 0));
  const maxBag = Math.max(0, ...candidates.map((c) => c.bagPart ?? 0));
  const textRanks = ranksBy(candidates, (c) => c.textPart);
  const questionRanks = ranksBy(candidates, (c) => c.questionPart);
  const total = unitWeights.reduce((a, b) => a + b, 0);
  return candidates.map((c, rank) => {
    const head = c.indexed.fields.head.tf;
    const title = c.indexed.titleKeys;
    const titleCovered = coveredAmong(query.units, unitWeights, title);
    const headCovered = coveredAmong(query.units, unitWeights, head);
    return [
      share(c.score, top),
      share(c.textPart, maxText),
      share(c.questionPart, maxQuestion),
      c.textCoverage,
      c.question?.coverage ?? 0,
      c.question?.reverse ?? 0,
      share(c.question?.second ?? 0, maxQuestionScore),
      Math.log1p(c.question?.support ?? 0),
      Math.log(Math.max(20, c.indexed.section.text.length)) / 6,
      c.indexed.section.rule ? 1 : 0,
      c.indexed.prior < 1 ? 1 : 0,
      1 / (rank + 1),
      1 / (textRanks[rank]! + 1),
      c.questionPart > 0 ? 1 / (questionRanks[rank]! + 1) : 0,
      share(headCovered, total),
      share(c.bagPart ?? 0, maxBag),
      c.bagCoverage ?? 0,
      share(titleCovered, total),
    ];
  });
}

export function modelScore(features: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < features.length; i++) sum += (features[i] ?? 0) * (weights[i] ?? 0);
  return sum;
}

/**
 * Puts the candidates (sorted by score) in the model's order. The scores themselves stay where they
 * were, best first: what follows (related passages, "Bedoel je…?") compares scores as shares of the
 * best one, and those shares keep their meaning; only which section holds which place changes.
 */
export function rerank<T extends RerankCandidate>(
  candidates: T[],
  query: AnalyzedQuery,
  unitWeights: readonly number[],
  weights: readonly number[] | undefined,
): T[] {
  if (!weights || candidates.length < 2) return candidates;
  const features = rerankFeatures(candidates, query, unitWeights);
  const scores = candidates.map((c) => c.score);
  // Each candidate's model score once, not twice per comparison.
  const model = features.map((f) => modelScore(f, weights));
  const order = candidates.map((_, i) => i).sort((a, b) => model[b]! - model[a]! || a - b);
  const reordered = order.map((i) => candidates[i]!);
  reordered.forEach((c, i) => (c.score = scores[i]!));
  return reordered;
}
