import type { SectionQuestions } from '../knowledge/questions.js';
import type { Section } from '../knowledge/types.js';
import { B, K1 } from './bm25.js';
import type { AnalyzedQuery } from './query.js';
import { PAIR, type InvertedAnalysis } from './analysed-questions.js';
import { matchedOf, scratchFor, type QuestionMatches } from './question-match-scratch.js';
import { walkPostings } from './question-walk.js';

/**
 * The questions each section answers, indexed for a nearest-question match (QnA Maker's
 * "alternate questions", doc2query's document expansion): a teacher's question is compared with
 * the questions staff were expected to ask, which use the teacher's words rather than the code's.
 *
 * Every stored question is analysed the way a question is (synonyms, compound parts, typo
 * corrections), so "insta" in a stored question meets "instagram" in the asked one and vice versa.
 */
export interface QuestionIndex {
  /** Stored question texts, with the position of their section in the board's section list. */
  questions: Array<{ text: string; section: number }>;
  /** Per stored question: the summed BM25 weight of its own keys (how much there is to match in it). */
  weights: number[];
  postings: Postings;
}

/**
 * Which stored questions hold each key, as compressed rows (CSR): the postings of key k are
 * positions `offsets[k]` up to `offsets[k + 1]` of the three columns, in question order. A few
 * typed arrays rather than a list or an object per key, because tens of thousands of small objects
 * made building the index mostly garbage-collector work.
 */
export interface Postings {
  /** Key → its row. */
  rows: Map<string, number>;
  offsets: Uint32Array;
  question: Uint32Array;
  /** BM25 weight of the key in that question, idf included. */
  weight: Float64Array;
  /** The key's own weight in the question's analysis (1 = the word itself). */
  match: Float64Array;
}

/** Postings of nothing. */
export function noPostings(): Postings {
  return { rows: new Map(), offsets: new Uint32Array(1), question: new Uint32Array(0), weight: new Float64Array(0), match: new Float64Array(0) };
}

/** The share of a stored question the asked one matches weighs in as (REVERSE_BASE + share). */
const REVERSE_BASE = 0.5;

/** What the nearest-question match found for one section. */
export interface QuestionMatch {
  /** Number of the best stored question of the section (in QuestionIndex.questions). */
  question: number;
  /** BM25 of the question against it, times (coverage base + coverage). */
  score: number;
  /** Per unit of the asked question: how well the stored question matched it (0..1). */
  matched: number[];
  /** IDF-weighted share of the asked question the stored one covers (0..1). */
  coverage: number;
  /** Share of the stored question's own weight that the asked question matched (the other direction). */
  reverse: number;
  /** Score of the section's second-best stored question (0 when only one matched). */
  second: number;
  /** Stored questions of the section scoring at least half the best one's score (the best included). */
  support: number;
}

/**
 * Alternatives of an asked word weighing less than this are left out of the nearest-question match:
 * the broad words a vocabulary group of little information adds ("insta" also stands for sociale
 * media, online, platform at 0.0975) occur in nearly every stored question, so they touched them all
 * for a few hundredths of a score. Leaving them out cut the time per answer by a third with the same
 * answers on the held-out sets (one question more on one dev set, one fewer on another). The section
 * texts are still matched on them.
 */
export const MIN_QUESTION_MATCH_WEIGHT = 0.1;

/** A stored question counts towards a section's support when it scores this share of the section's best. */
const SUPPORT_SHARE = 0.5;

/** The stored questions of a board in index order: section by section as in the code. */
export function storedQuestions(sections: readonly Section[], questions: SectionQuestions | undefined): QuestionIndex['questions'] {
  const stored: QuestionIndex['questions'] = [];
  sections.forEach((section, i) => {
    for (const text of questions?.bySection.get(section.id) ?? []) stored.push({ text, section: i });
  });
  return stored;
}

/** Analyses questions one by one (`analyze`: the board's query analyser) into the inverted form. */
export function invertAnalyses(texts: readonly string[], analyze: (text: string) => ReadonlyMap<string, number>): Map<string, number[]> {
  const inverted = new Map<string, number[]>();
  texts.forEach((text, q) => {
    for (const [key, weight] of analyze(text)) {
      const pairs = inverted.get(key);
      if (pairs) pairs.push(q, weight);
      else inverted.set(key, [q, weight]);
    }
  });
  return inverted;
}

/** The inverted analysis of an index's questions (what knowledge:build stores). */
export function analysisOf(index: QuestionIndex): Map<string, number[]> {
  const { rows, offsets, question, match } = index.postings;
  const inverted = new Map<string, number[]>();
  for (const [key, row] of rows) {
    const pairs: number[] = [];
    for (let i = offsets[row]!; i < offsets[row + 1]!; i++) pairs.push(question[i]!, match[i]!);
    inverted.set(key, pairs);
  }
  return inverted;
}

/**
 * Indexes questions from their inverted analysis: BM25 over the questions, each one a document.
 * Out-of-scope questions (using an app, school life, HR) are indexed the same way as one
 * pseudo-section 0: a question closer to these than to anything the code answers is declined.
 */
export function indexQuestions(stored: QuestionIndex['questions'], inverted: InvertedAnalysis): QuestionIndex {
  const n = stored.length;
  let total = 0;
  for (const pairs of inverted.values()) total += pairs.length / PAIR;
  const rows = new Map<string, number>();
  const offsets = new Uint32Array(inverted.size + 1);
  const question = new Uint32Array(total);
  const weight = new Float64Array(total);
  const match = new Float64Array(total);
  const lengths = new Uint32Array(n);
  let at = 0;
  for (const [key, pairs] of inverted) {
    offsets[rows.size] = at;
    rows.set(key, rows.size);
    for (let i = 0; i < pairs.length; i += PAIR, at++) {
      question[at] = pairs[i]!;
      match[at] = pairs[i + 1]!;
      lengths[pairs[i]!]!++;
    }
  }
  offsets[rows.size] = at;
  const avg = Math.max(1, total / Math.max(1, n));
  const weights = Array.from({ length: n }, () => 0);
  for (let row = 0; row < rows.size; row++) {
    const d = offsets[row + 1]! - offsets[row]!;
    const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
    for (let i = offsets[row]!; i < offsets[row + 1]!; i++) {
      const q = question[i]!;
      const tf = match[i]!;
      weight[i] = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[q]!) / avg));
      weights[q]! += weight[i]!;
    }
  }
  return { questions: stored, postings: { rows, offsets, question, weight, match }, weights };
}

/**
 * The best stored question per section for an analysed question: section position → match. Kept for
 * callers that hold on to the matches (tests, tools); the ranking reads {@link matchQuestionsIn}.
 */
export function matchQuestions(
  index: QuestionIndex,
  query: AnalyzedQuery,
  unitWeights: readonly number[],
  coverageBase: number,
  prior: (section: number) => number,
): Map<number, QuestionMatch> {
  const sectionCount = index.questions.reduce((max, q) => Math.max(max, q.section + 1), 1);
  const found = matchQuestionsIn(index, query, unitWeights, coverageBase, Array.from({ length: sectionCount }, (_, s) => prior(s)));
  const best = new Map<number, QuestionMatch>();
  for (const section of found.sections) {
    const question = found.bestQuestion[section]!;
    best.set(section, { question, score: found.bestScore[section]!, matched: matchedOf(found, question), coverage: found.coverageOf[section]!, reverse: found.reverseOf[section]!, second: found.second[section]!, support: found.support[section]! });
  }
  return best;
}

/**
 * The best stored question per section for an analysed question, in the index's scratch tables:
 * valid until the next match against the same index. `unitWeights` are the coverage weights of the
 * query's units (as for sections), `priors` the ranking prior of each section (audience; none: 1),
 * `coverageBase` the same breadth factor sections use. Read from the tables rather than as an object
 * and a list of per-unit matches per section: those were a sixth of the garbage of a question.
 */
export function matchQuestionsIn(
  index: QuestionIndex,
  query: AnalyzedQuery,
  unitWeights: readonly number[],
  coverageBase: number,
  priors: ArrayLike<number> | undefined,
): QuestionMatches {
  const units = query.units;
  const nu = units.length;
  const postings = index.postings;
  // Per-(question, unit) tables in scratch space reused across calls: only questions sharing a key
  // with the asked one are touched, and allocating tables for every stored question on every
  // question was most of the garbage collector's work under load.
  const scratch = scratchFor(index, nu);
  const { bm25, matched, seen, reached, scores, touched, importance, unitWeight, ownWeight } = scratch;
  for (let t = 0; t < scratch.touchedCount; t++) seen[touched[t]!] = 0;
  const count = walkPostings(postings, units, MIN_QUESTION_MATCH_WEIGHT, scratch);
  scratch.stride = nu;

  let total = 0;
  for (let u = 0; u < nu; u++) {
    total += unitWeights[u]!;
    importance[u] = units[u]!.importance;
    unitWeight[u] = unitWeights[u] ?? 0;
  }
  // Per section: its best stored question so far, in the scratch tables (typed arrays by section
  // rather than a map of objects: this loop runs for every stored question the question touched).
  const { sectionOf, bestQuestion, bestScore, second, coverageOf, reverseOf, support, sections } = scratch;
  for (const section of sections) bestQuestion[section] = -1;
  sections.length = 0;
  scratch.touchedCount = count;
  for (let t = 0; t < count; t++) {
    const question = touched[t]!;
    let score = 0;
    let covered = 0;
    for (let u = 0; u < nu; u++) {
      score += bm25[question * nu + u]! * importance[u]!;
      covered += matched[question * nu + u]! * unitWeight[u]!;
    }
    const coverage = total > 0 ? covered / total : 0;
    const section = sectionOf[question]!;
    const reverse = Math.min(1, reached[question]! / Math.max(1e-9, ownWeight[question]!));
    // Similar questions share their words both ways: a stored question with much the asked one does
    // not say ("waarom is een privénummer voor school niet handig") ranks below one that is mostly matched.
    score *= (coverageBase + coverage) * (REVERSE_BASE + reverse) * (priors ? priors[section]! : 1);
    scores[question] = score;
    const known = bestQuestion[section]! >= 0;
    if (!known) sections.push(section);
    if (!known || score > bestScore[section]!) {
      second[section] = known ? bestScore[section]! : 0;
      bestScore[section] = score;
      bestQuestion[section] = question;
      coverageOf[section] = coverage;
      reverseOf[section] = reverse;
      support[section] = 0;
    } else if (score > second[section]!) second[section] = score;
  }
  // Several stored questions of one section close to the asked one are better evidence than one.
  for (let t = 0; t < count; t++) {
    const question = touched[t]!;
    const section = sectionOf[question]!;
    if (scores[question]! >= SUPPORT_SHARE * bestScore[section]!) support[section]!++;
  }
  return scratch;
}
