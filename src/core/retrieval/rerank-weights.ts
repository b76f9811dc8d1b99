/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  1.1287, // score
  0.7772, // textPart
  -0.2294, // questionPart
  2.0463, // textCoverage
  1.0515, // questionCoverage
  1.4239, // questionReverse
  1.1971, // secondQuestion
  0.4206, // support
  -1.0917, // length
  0.0813, // rule
  0.2839, // lowPrior
  0.2275, // rank
  0.1703, // textRank
  0.1947, // questionRank
  -0.0299, // heading
  2.0573, // bagPart
  1.0163, // bagCoverage
];
