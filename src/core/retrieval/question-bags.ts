import { B, K1 } from './bm25.js';
import type { QuestionIndex } from './question-index.js';
import type { QueryUnit } from './query.js';

/**
 * All stored questions of a section taken together, as one more document of the section
 * (doc2query's document expansion): the nearest-question match needs one stored question to say
 * what the teacher says, while her words may be spread over several ("mn privé insta" in one,
 * "geldt dit ook" in another). Per section: key → BM25 weight (idf over the sections' bags).
 */
export function questionBags(questions: QuestionIndex, sectionCount: number): Array<Map<string, number>> {
  const tf = Array.from({ length: sectionCount }, () => new Map<string, number>());
  for (const [key, postings] of questions.postings) {
    for (const p of postings) {
      const bag = tf[questions.questions[p.question]!.section]!;
      bag.set(key, (bag.get(key) ?? 0) + p.match);
    }
  }
  const lengths = tf.map((bag) => [...bag.values()].reduce((a, b) => a + b, 0));
  const filled = lengths.filter((l) => l > 0);
  const avg = Math.max(1, filled.reduce((a, b) => a + b, 0) / Math.max(1, filled.length));
  const df = new Map<string, number>();
  for (const bag of tf) for (const key of bag.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  return tf.map((bag, s) => {
    const norm = 1 - B + (B * lengths[s]!) / avg;
    const weights = new Map<string, number>();
    for (const [key, t] of bag) {
      const d = df.get(key) ?? 0;
      weights.set(key, (Math.log(1 + (sectionCount - d + 0.5) / (d + 0.5)) * t * (K1 + 1)) / (t + K1 * norm));
    }
    return weights;
  });
}

/** A section's bag against a question: BM25 (per unit its best key) and the share of the question it covers. */
export function matchBag(
  bag: ReadonlyMap<string, number>,
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
      const weight = bag.get(key);
      if (weight === undefined) continue;
      best = Math.max(best, w * weight);
      match = Math.max(match, w);
    }
    score += best * unit.importance;
    covered += match * (unitWeights[u] ?? 0);
    total += unitWeights[u] ?? 0;
  });
  return { score, coverage: total > 0 ? covered / total : 0 };
}
