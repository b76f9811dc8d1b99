/**
 * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by
 * `npm run knowledge:rerank` from the stored questions (fold by fold), never from an evaluation set;
 * fit again after the questions or the ranking change.
 */
export const RERANK_WEIGHTS: readonly number[] | undefined = [
  1.0055, // score
  0.6047, // textPart
  0.3811, // questionPart
  1.3544, // textCoverage
  1.7817, // questionCoverage
  1.6914, // questionReverse
  1.8108, // secondQuestion
  0.5330, // support
  -0.7775, // length
  0.0059, // rule
  0.4422, // lowPrior
  0.1922, // rank
  0.1392, // textRank
  0.0770, // questionRank
  0.1559, // heading
  2.5970, // bagPart
  1.3692, // bagCoverage
  1.2921, // title
];
