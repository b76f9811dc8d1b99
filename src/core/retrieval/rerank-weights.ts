/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  0.9098, // score
  0.7171, // textPart
  -0.0258, // questionPart
  1.6746, // textCoverage
  1.2902, // questionCoverage
  1.5170, // questionReverse
  1.3479, // secondQuestion
  0.5094, // support
  -0.9681, // length
  0.0408, // rule
  0.3822, // lowPrior
  0.1095, // rank
  0.1062, // textRank
  0.3814, // questionRank
  0.0523, // heading
  2.2594, // bagPart
  1.4190, // bagCoverage
  1.4821, // title
];
