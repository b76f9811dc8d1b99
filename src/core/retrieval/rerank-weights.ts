/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  1.7538, // score
  0.5395, // textPart
  1.0169, // questionPart
  2.0608, // textCoverage
  1.2498, // questionCoverage
  0.8760, // questionReverse
  2.0590, // secondQuestion
  0.5228, // support
  -1.1823, // length
  0.0894, // rule
  0.4986, // lowPrior
  0.1091, // rank
  0.2175, // textRank
  0.0171, // questionRank
  0.0083, // heading
];
