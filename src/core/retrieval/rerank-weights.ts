/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  0.9750, // score
  0.5346, // textPart
  0.2734, // questionPart
  1.4160, // textCoverage
  1.6755, // questionCoverage
  1.6543, // questionReverse
  1.8254, // secondQuestion
  0.5375, // support
  -0.8332, // length
  0.0062, // rule
  0.4086, // lowPrior
  0.2184, // rank
  0.2240, // textRank
  0.1792, // questionRank
  0.1693, // heading
  2.5734, // bagPart
  1.3639, // bagCoverage
  1.3208, // title
];
