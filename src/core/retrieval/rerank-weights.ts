/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  0.8881, // score
  0.6995, // textPart
  -0.0124, // questionPart
  1.7853, // textCoverage
  1.2563, // questionCoverage
  1.5066, // questionReverse
  1.3214, // secondQuestion
  0.5055, // support
  -0.9667, // length
  0.0442, // rule
  0.3549, // lowPrior
  0.1459, // rank
  0.1305, // textRank
  0.3690, // questionRank
  0.0153, // heading
  2.2001, // bagPart
  1.2815, // bagCoverage
  1.4939, // title
];
