/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  1.0932, // score
  0.7014, // textPart
  -0.0351, // questionPart
  1.8839, // textCoverage
  1.0825, // questionCoverage
  1.2714, // questionReverse
  1.1120, // secondQuestion
  0.4426, // support
  -1.0877, // length
  0.0312, // rule
  0.3183, // lowPrior
  0.0393, // rank
  0.1330, // textRank
  0.3001, // questionRank
  0.0544, // heading
  2.2036, // bagPart
  1.2152, // bagCoverage
  1.4110, // title
];
