/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  1.9263, // score
  0.5794, // textPart
  0.6973, // questionPart
  2.1191, // textCoverage
  0.9856, // questionCoverage
  1.0054, // questionReverse
  1.6291, // secondQuestion
  0.4848, // support
  -1.0018, // length
  0.1163, // rule
  0.2211, // lowPrior
  -0.0054, // rank
  0.4049, // textRank
  0.1698, // questionRank
  -0.0507, // heading
];
