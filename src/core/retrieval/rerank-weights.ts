/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  0.9874, // score
  0.6050, // textPart
  0.0200, // questionPart
  1.7723, // textCoverage
  1.3162, // questionCoverage
  1.4667, // questionReverse
  1.5682, // secondQuestion
  0.5540, // support
  -0.9424, // length
  0.0136, // rule
  0.3756, // lowPrior
  0.1077, // rank
  0.1942, // textRank
  0.2283, // questionRank
  0.0757, // heading
  2.4609, // bagPart
  1.0837, // bagCoverage
  1.4260, // title
];
