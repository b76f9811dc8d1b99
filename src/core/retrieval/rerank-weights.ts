/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  1.1396, // score
  0.6716, // textPart
  -0.2815, // questionPart
  1.9379, // textCoverage
  0.8593, // questionCoverage
  1.2683, // questionReverse
  1.0728, // secondQuestion
  0.3523, // support
  -0.9466, // length
  0.0497, // rule
  0.2722, // lowPrior
  0.2332, // rank
  0.1812, // textRank
  0.2453, // questionRank
  0.0083, // heading
  2.0416, // bagPart
  1.0611, // bagCoverage
  1.4739, // title
];
