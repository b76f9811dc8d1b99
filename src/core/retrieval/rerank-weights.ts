/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  0.9997, // score
  0.6076, // textPart
  0.0310, // questionPart
  1.7722, // textCoverage
  1.3047, // questionCoverage
  1.4797, // questionReverse
  1.5909, // secondQuestion
  0.5517, // support
  -0.9366, // length
  0.0092, // rule
  0.3822, // lowPrior
  0.0925, // rank
  0.1998, // textRank
  0.2067, // questionRank
  0.0994, // heading
  2.4918, // bagPart
  1.0810, // bagCoverage
  1.4156, // title
];
