/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  0.9580, // score
  0.7683, // textPart
  -0.0165, // questionPart
  1.8769, // textCoverage
  1.1689, // questionCoverage
  1.4000, // questionReverse
  1.0963, // secondQuestion
  0.4688, // support
  -0.9848, // length
  0.0495, // rule
  0.3127, // lowPrior
  0.0815, // rank
  0.1450, // textRank
  0.3583, // questionRank
  0.0009, // heading
  2.1480, // bagPart
  1.2570, // bagCoverage
  1.4156, // title
];
