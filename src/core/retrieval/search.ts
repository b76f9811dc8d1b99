import type { IndexedSection, SearchIndex } from './index.js';
import { analyzeQuery, type AnalyzedQuery } from './query.js';
import { audiencePrior, matchTexts, unitsInText, unitWeight } from './section-text-match.js';
import { matchBag } from './question-bags.js';
import { matchQuestionsIn, type QuestionIndex } from './question-index.js';
import { rerank, rerankFeatures } from './rerank.js';
import { RERANK_WEIGHTS } from './rerank-weights.js';
import { windowCovered } from './sentence-window.js';
import { sortByScore } from './score-order.js';
import type { CodeIntent } from '../knowledge/code-intents.js';
import { codeIntentFirst, DECLINED_WHEN_SILENT } from './code-intent.js';
import { bestQuestionOf, mergedMatch, phaseOne, widespread } from './section-scores.js';
import { matchedOf } from './question-match-scratch.js';

/** Ranking multiplies BM25F by (COVERAGE_BASE + coverage); 0.8 lets a strong match on the key words outweigh thin breadth. */
const COVERAGE_BASE = 0.8;
/** Share of a long section's coverage that comes from its best window of sentences. */
export const WINDOW_BLEND = 0.5;
/**
 * Re-ranking of the top hits: a section that matches the question only through tool words
 * (platform, account, post, photo) ranks below sections matching its topic ("uitschelden in een
 * reactie op insta" is about insults, not about Instagram).
 */
export const TOOL_ONLY_PRIOR = 0.5;

/** A match of a unit at least this strong is the word itself or a close synonym, not a distant alternative. */
export const CLOSE_MATCH = 0.5;

/** A question word matched by more than this share of a code's sections is generic. */
export const GENERIC_SHARE = 0.25;
/** Re-ranking of the top hits: a section matching the topic only through generic words ranks below specific matches. */
export const GENERIC_ONLY_PRIOR = 0.6;

/**
 * Hits whose ranking is exact (sentence windows included); the rest keep their phase-one score, an
 * upper bound, and stay below them. Answers use the best hit and related passages from the top 12.
 */
const REFINED_HITS = 12;

/**
 * Weight of the nearest-question match against the section's own text in the ranking. Both are
 * BM25 times (coverage base + coverage), so they are on one scale. 0.5 was set when sections had
 * a handful of stored questions; with 20–40 each, 0.7–1.0 ranked better on every dev set (0.7: three
 * fewer misses over the five), the held-out sets within one question either way.
 */
export const QUESTION_WEIGHT = 0.7;

/** A section's score for a question. */
export interface SectionHit {
  indexed: IndexedSection;
  score: number;
  /**
   * IDF-weighted share of the question's content words this section covers (0..1): the better of
   * the section's text (for the top hits blended with its best window of sentences) and its
   * closest stored question.
   */
  coverage: number;
  /** Per unit: the weight with which this section (its text or its closest stored question) matched it. */
  matched: number[];
  /** The closest of the questions this section answers, when any matched (score as in the question index). */
  question?: { text: string; coverage: number; score: number; reverse: number; second: number; support: number };
}

/** The closest out-of-scope question (one no code answers), when any matched. */
export interface OutOfScopeMatch {
  text: string;
  coverage: number;
  score: number;
  /** Whether it matched a word of the question's topic, not only tool words (insta, account, post). */
  topical: boolean;
}

/** A hit while ranking: the text's part of the score (`base`, `textCoverage`) kept apart from the question's, and its section's position in the index. */
type RankingHit = SectionHit & { base: number; textCoverage: number; questionPart: number; position: number; textPart?: number; bagPart?: number; bagCoverage?: number };

/** A refined hit the re-ranker judges: its score's parts and its section's bag of stored questions. */
type Candidate = RankingHit & { textPart: number; bagPart: number; bagCoverage: number };

/** The ranked result of a question against one board. */
export interface SearchResult {
  query: AnalyzedQuery;
  /** Coverage weight of each unit (its idf, reduced for unknown words; 0 for optional units). */
  unitWeights: number[];
  /** Per unit: matched by more than GENERIC_SHARE of the sections (a word of the whole code, not of one rule). */
  generic: boolean[];
  /**
   * Per unit: matched as itself or a close synonym (weight >= CLOSE_MATCH) by more than GENERIC_SHARE
   * of the sections. Unlike `generic`, a word is not common because its distant vocabulary
   * alternatives are ("kernwaarden" reaches "respect" and "open", found all over a code).
   */
  common: boolean[];
  hits: SectionHit[];
  /**
   * The hit the decision to answer at all is judged on: the hand-set ranking's best, before the
   * re-ranker chose which passage goes first. The answer thresholds were chosen on it, and whether
   * the code answers a question does not depend on which of its close passages is quoted first.
   */
  decisive?: SectionHit;
  outOfScope?: OutOfScopeMatch;
  /** A standard question about the code that the board says its code is silent on (`[]` in code-intents.yaml). */
  codeSilent?: boolean;
  /** The closest question this board's code is silent on, when any matched. */
  silent?: OutOfScopeMatch;
  /**
   * A standard question about the code itself ("voor wie geldt dit protocol?") and the section the
   * board names for it, when the question matches that section at all: it goes first and decides.
   */
  codeIntent?: { intent: CodeIntent; hit: SectionHit };
  /** Re-ranking features of the exact top hits before re-ranking (only when asked for, to fit the model). */
  features?: number[][];
}

/** For fitting the re-ranker: return its features, and rank with other weights (null: without it). */
export interface ScoreOptions {
  features?: boolean;
  weights?: readonly number[] | null;
  /**
   * 'all' (default): a hit for every section. 'top': only the refined top (at least REFINED_HITS,
   * which is all an answer reads) and a section a standard question about the code names; the
   * hits of the rest, a hit object per section, were most of a question's garbage.
   */
  hits?: 'all' | 'top';
}

/** Scores one analysed question against every section (BM25F + bigram bonus + coverage). */
export function scoreQuery(index: SearchIndex, query: AnalyzedQuery, options: ScoreOptions = {}): SearchResult {
  let features: number[][] | undefined;
  const unitWeights = query.units.map((u) => unitWeight(index, u));
  const totalWeight = unitWeights.reduce((a, b) => a + b, 0);
  const textUnits = unitsInText(index, query.units);
  const ordered = query.units.map((u, i) => ({ u, i })).filter(({ u }) => !u.optional).sort((a, b) => a.u.position - b.u.position).map(({ i }) => i);

  // Each section's prior once: the nearest-question match asks it for every stored question it touches.
  const priors = index.sections.map((s) => audiencePrior(query, s.section.audience) * s.prior);
  const near = matchQuestionsIn(index.questions, query, unitWeights, COVERAGE_BASE, priors);
  const texts = matchTexts(index, textUnits, unitWeights, ordered);
  const nu = query.units.length;
  const first = phaseOne(index, texts, near, priors, totalWeight, { coverageBase: COVERAGE_BASE, questionWeight: QUESTION_WEIGHT });
  // Each hit's per-unit matches are a copy of one list of numbers, so each is made at its size and
  // kind at once (a list grown by push was reallocated on the way, most of a hit's garbage).
  const unitList = query.units.map(() => 0.5);
  // A hit is made only for a section the ranking refines or returns (see section-scores.ts).
  const hitAt = (position: number): RankingHit => {
    const s = index.sections[position]!;
    const score = texts.score[position]!;
    const covered = texts.covered[position]!;
    // The better of the section's text and its nearest stored question, per unit.
    const matched = unitList.slice();
    for (let u = 0; u < nu; u++) matched[u] = mergedMatch(texts, near, nu, position, u);
    const coverage = totalWeight > 0 ? covered / totalWeight : 0;
    // Breadth beats one strong word: a section covering more of the question ranks higher.
    const prior = priors[position]!;
    const question = bestQuestionOf(near, position);
    if (question < 0) return { indexed: s, score: first.score[position]!, coverage, textCoverage: coverage, matched, base: score * prior, questionPart: 0, position };
    const questionCoverage = near.coverageOf[position]!;
    const questionScore = near.bestScore[position]!;
    const questionPart = QUESTION_WEIGHT * questionScore;
    // Made whole at once rather than given its question afterwards (a second shape and a property store per hit).
    return {
      indexed: s,
      score: first.score[position]!,
      coverage: Math.max(coverage, questionCoverage),
      textCoverage: coverage,
      matched,
      base: score * prior,
      questionPart,
      position,
      question: { text: index.questions.questions[question]!.text, coverage: questionCoverage, score: questionScore, reverse: near.reverseOf[position]!, second: near.second[position]!, support: near.support[position]! },
    };
  };

  // Phase two: judge long sections by their best window of sentences. That only lowers coverage,
  // so the phase-one score is an upper bound: refine in that order until no unrefined section can
  // still reach the top REFINED_HITS.
  const sections = index.sections.length;
  const refined: RankingHit[] = [];
  let next = 0;
  for (; next < sections; next++) {
    if (refined.length >= REFINED_HITS) {
      sortByScore(refined);
      if (first.score[first.order[next]!]! <= refined[REFINED_HITS - 1]!.score) break;
    }
    const hit = hitAt(first.order[next]!);
    const s = hit.indexed;
    if (s.sentences.length > 1 && hit.textCoverage > 0) {
      // Only what the section's own text matched (not its stored questions), as matchTexts found it.
      const textMatched = hit.matched.map((m, u) => (texts.present[hit.position * nu + u] ? m : 0));
      const window = windowCovered(s, textUnits, unitWeights, textMatched) / totalWeight;
      hit.textCoverage = (1 - WINDOW_BLEND) * hit.textCoverage + WINDOW_BLEND * window;
      hit.score = hit.base * (COVERAGE_BASE + hit.textCoverage) + hit.questionPart;
      hit.coverage = Math.max(hit.textCoverage, hit.question?.coverage ?? 0);
    }
    refined.push(hit);
  }
  // Re-rank the exact top: demote tool-only matches when another section matches the topic.
  const topicalMatch = (hit: SectionHit): boolean => matchesTopic(query, unitWeights, hit.matched);
  if (refined.some(topicalMatch)) {
    for (const hit of refined) {
      if (!topicalMatch(hit)) demote(hit, TOOL_ONLY_PRIOR);
    }
  }
  // ... and when it matches the topic only through generic words (medewerker, school: in a large
  // share of the code) while another section matches a specific word of the question.
  const { generic, common } = widespread(texts, near, nu, sections, GENERIC_SHARE, CLOSE_MATCH);
  const specific = query.units.map((u, i) => !u.tool && (unitWeights[i] ?? 0) > 0 && !generic[i]);
  const specificMatch = (hit: SectionHit): boolean => specific.some((sp, i) => sp && (hit.matched[i] ?? 0) > 0);
  if (refined.some(specificMatch)) {
    for (const hit of refined) {
      if (topicalMatch(hit) && !specificMatch(hit)) demote(hit, GENERIC_ONLY_PRIOR);
    }
  }
  sortByScore(refined);
  const candidates = refined.map((hit) => {
    const bag = matchBag(index.questionBags, hit.position, query.units, unitWeights);
    // Set on the hit itself (no object to copy from, no shape per copy); the rest of its fields stay.
    const candidate = hit as Candidate;
    candidate.textPart = hit.base * (COVERAGE_BASE + hit.textCoverage);
    candidate.bagPart = bag.score;
    candidate.bagCoverage = bag.coverage;
    return candidate;
  });
  const topScore = candidates[0]?.score ?? 0;
  if (options.features) features = rerankFeatures(candidates, query, unitWeights);
  const reranked = rerank(candidates, query, unitWeights, options.weights === undefined ? RERANK_WEIGHTS : (options.weights ?? undefined));
  const strip = ({ base: _b, textCoverage: _t, questionPart: _q, position: _s, textPart: _p, bagPart: _g, bagCoverage: _c, ...hit }: RankingHit): SectionHit => hit;
  // Demoting a refined hit can put it below an unrefined one's upper bound; the unrefined stay below.
  const floor = reranked.at(-1)?.score ?? Infinity;
  const unrefined = (at: number): RankingHit => {
    const hit = hitAt(first.order[at]!);
    if (hit.score > floor) hit.score = floor;
    return hit;
  };
  // The re-ranked top, then the rest in phase-one order; for the top only, just the sections a
  // standard question about the code names (one of them may go first).
  const hits: RankingHit[] = reranked;
  const named = query.codeIntent ? index.codeIntents.get(query.codeIntent) : undefined;
  for (let at = next; at < sections; at++) if (options.hits !== 'top' || named?.includes(first.order[at]!)) hits.push(unrefined(at));
  const { ranked, named: namedHit } = codeIntentFirst(index, query.codeIntent, hits, query.subject);
  const codeSilent = query.codeIntent !== undefined && DECLINED_WHEN_SILENT.has(query.codeIntent) && named?.length === 0;
  const decisive = namedHit ? { decisive: strip(namedHit.hit), codeIntent: { intent: namedHit.intent, hit: strip(namedHit.hit) } } : candidates[0] ? { decisive: strip({ ...candidates[0], score: topScore }) } : {};
  // The ranked hits keep their ranking fields: copying 60–70 objects per question only to drop them
  // cost more than the rest of the ranking's bookkeeping (a SectionHit is what callers see).
  const result: SectionHit[] = ranked;
  // The nearest example no code answers, and the nearest this board's code is silent on (each its own index).
  const nearest = (negatives: QuestionIndex): OutOfScopeMatch | undefined => {
    if (negatives.questions.length === 0) return undefined;
    const matches = matchQuestionsIn(negatives, query, unitWeights, COVERAGE_BASE, undefined);
    const negative = matches.bestQuestion[0]!;
    if (negative < 0) return undefined;
    return {
      text: negatives.questions[negative]!.text,
      coverage: matches.coverageOf[0]!,
      score: matches.bestScore[0]!,
      topical: matchesTopic(query, unitWeights, matchedOf(matches, negative)),
    };
  };
  const outOfScope = nearest(index.outOfScope);
  const silent = nearest(index.silent);
  return { query, unitWeights, generic, common, hits: result, ...decisive, ...(outOfScope ? { outOfScope } : {}), ...(silent ? { silent } : {}), ...(codeSilent ? { codeSilent } : {}), ...(features ? { features } : {}) };
}

/** Whether a match covers a word of the question's topic, not only tool words (insta, account, post). */
export function matchesTopic(query: AnalyzedQuery, unitWeights: readonly number[], matched: readonly number[]): boolean {
  return query.units.some((u, i) => !u.tool && (unitWeights[i] ?? 0) > 0 && (matched[i] ?? 0) > 0);
}

function demote(hit: RankingHit, factor: number): void {
  hit.score *= factor;
  hit.base *= factor;
  hit.questionPart *= factor;
}

/** Analyses and scores a question against one board's index. */
export function search(index: SearchIndex, question: string, options: ScoreOptions = {}): SearchResult {
  return scoreQuery(index, analyzeQuery(index, question), options);
}
