/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  0.9476, // score
  0.7601, // textPart
  -0.0936, // questionPart
  1.6739, // textCoverage
  1.2613, // questionCoverage
  1.4669, // questionReverse
  1.3527, // secondQuestion
  0.5148, // support
  -0.9855, // length
  0.0305, // rule
  0.3712, // lowPrior
  0.1881, // rank
  0.1026, // textRank
  0.3219, // questionRank
  0.0480, // heading
  2.2069, // bagPart
  1.4168, // bagCoverage
  1.4751, // title
];
