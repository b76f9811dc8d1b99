/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  1.0384, // score
  0.6257, // textPart
  0.2703, // questionPart
  1.4434, // textCoverage
  1.7059, // questionCoverage
  1.6998, // questionReverse
  1.7236, // secondQuestion
  0.5662, // support
  -0.8982, // length
  -0.0002, // rule
  0.3667, // lowPrior
  0.1978, // rank
  0.1703, // textRank
  0.1480, // questionRank
  0.2295, // heading
  2.4955, // bagPart
  1.5101, // bagCoverage
  1.3058, // title
];
