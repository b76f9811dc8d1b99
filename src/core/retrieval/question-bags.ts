import { B, K1 } from './bm25.js';
import { POSTING, type QuestionIndex } from './question-index.js';
import type { QueryUnit } from './query.js';

/**
 * All stored questions of a section taken together, as one more document of the section
 * (doc2query's document expansion): the nearest-question match needs one stored question to say
 * what the teacher says, while her words may be spread over several ("mn privé insta" in one,
 * "geldt dit ook" in another).
 */
export interface QuestionBags {
  /**
   * Key → flat pairs (section position, BM25 weight of the key in that section's bag, idf over the
   * bags), sections ascending. Inverted like the question postings, and built from them by
   * arithmetic: a map per section cost a look-up for every stored key at every start.
   */
  rows: Map<string, number[]>;
}

export function questionBags(questions: QuestionIndex, sectionCount: number): QuestionBags {
  const rows = new Map<string, number[]>();
  const lengths = new Float64Array(sectionCount);
  for (const [key, list] of questions.postings) {
    // Stored questions are numbered section by section, so one section's postings are adjacent.
    const pairs: number[] = [];
    for (let i = 0; i < list.length; i += POSTING) {
      const section = questions.questions[list[i]!]!.section;
      const tf = list[i + 2]!;
      if (pairs[pairs.length - 2] === section) pairs[pairs.length - 1]! += tf;
      else pairs.push(section, tf);
      lengths[section]! += tf;
    }
    rows.set(key, pairs);
  }
  let filled = 0;
  let sum = 0;
  for (const length of lengths) {
    if (length === 0) continue;
    filled++;
    sum += length;
  }
  const avg = Math.max(1, sum / Math.max(1, filled));
  for (const pairs of rows.values()) {
    const d = pairs.length / 2;
    const idf = Math.log(1 + (sectionCount - d + 0.5) / (d + 0.5));
    for (let i = 0; i < pairs.length; i += 2) {
      const t = pairs[i + 1]!;
      pairs[i + 1] = (idf * t * (K1 + 1)) / (t + K1 * (1 - B + (B * lengths[pairs[i]!]!) / avg));
    }
  }
  return { rows };
}

/** Weight of a key in one section's bag (0 when the bag lacks it). */
function bagWeight(pairs: readonly number[] | undefined, section: number): number {
  if (!pairs) return 0;
  for (let i = 0; i < pairs.length && pairs[i]! <= section; i += 2) if (pairs[i] === section) return pairs[i + 1]!;
  return 0;
}

/** A section's bag against a question: BM25 (per unit its best key) and the share of the question it covers. */
export function matchBag(
  bags: QuestionBags,
  section: number,
  units: readonly QueryUnit[],
  unitWeights: readonly number[],
): { score: number; coverage: number } {
  let score = 0;
  let covered = 0;
  let total = 0;
  units.forEach((unit, u) => {
    let best = 0;
    let match = 0;
    for (const [key, w] of unit.alts) {
      const weight = bagWeight(bags.rows.get(key), section);
      if (weight === 0) continue;
      best = Math.max(best, w * weight);
      match = Math.max(match, w);
    }
    score += best * unit.importance;
    covered += match * (unitWeights[u] ?? 0);
    total += unitWeights[u] ?? 0;
  });
  return { score, coverage: total > 0 ? covered / total : 0 };
}
