import { B, K1 } from './bm25.js';
import type { QuestionIndex } from './question-index.js';
import { altsOf, type QueryUnit } from './query.js';

/**
 * All stored questions of a section taken together, as one more document of the section
 * (doc2query's document expansion): the nearest-question match needs one stored question to say
 * what the teacher says, while her words may be spread over several ("mn privé insta" in one,
 * "geldt dit ook" in another).
 *
 * Laid out like the question postings (compressed rows, one per key, the same rows): the bag
 * weights of key k are positions `offsets[k]` up to `offsets[k + 1]`, sections ascending.
 */
export interface QuestionBags {
  /** Key → its row (shared with the question postings). */
  rows: ReadonlyMap<string, number>;
  offsets: Uint32Array;
  section: Uint32Array;
  /** BM25 weight of the key in that section's bag, idf over the sections' bags. */
  weight: Float64Array;
}

export function questionBags(questions: QuestionIndex, sectionCount: number): QuestionBags {
  const { rows, offsets: postingOffsets, question, match } = questions.postings;
  // At most one cell per posting; stored questions are numbered section by section, so the
  // postings of one key and one section are adjacent and add up into one cell.
  const offsets = new Uint32Array(rows.size + 1);
  const section = new Uint32Array(question.length);
  const weight = new Float64Array(question.length);
  const lengths = new Float64Array(sectionCount);
  let at = 0;
  for (let row = 0; row < rows.size; row++) {
    offsets[row] = at;
    for (let i = postingOffsets[row]!; i < postingOffsets[row + 1]!; i++) {
      const s = questions.questions[question[i]!]!.section;
      if (at === offsets[row] || section[at - 1] !== s) {
        section[at] = s;
        at++;
      }
      weight[at - 1]! += match[i]!;
      lengths[s]! += match[i]!;
    }
  }
  offsets[rows.size] = at;
  let filled = 0;
  let sum = 0;
  for (const length of lengths) {
    if (length === 0) continue;
    filled++;
    sum += length;
  }
  const avg = Math.max(1, sum / Math.max(1, filled));
  for (let row = 0; row < rows.size; row++) {
    const d = offsets[row + 1]! - offsets[row]!;
    const idf = Math.log(1 + (sectionCount - d + 0.5) / (d + 0.5));
    for (let i = offsets[row]!; i < offsets[row + 1]!; i++) {
      const t = weight[i]!;
      weight[i] = (idf * t * (K1 + 1)) / (t + K1 * (1 - B + (B * lengths[section[i]!]!) / avg));
    }
  }
  return { rows, offsets, section, weight };
}

/**
 * The bag rows of a unit's alternatives (-1: in no bag), in altsOf order: looked up once per question
 * and unit rather than once per re-ranked section, which asks for the same keys a dozen times.
 */
const rowsOf = new WeakMap<QueryUnit, { rows: QuestionBags['rows']; list: number[] }>();

function unitRows(bags: QuestionBags, unit: QueryUnit): number[] {
  let known = rowsOf.get(unit);
  if (!known || known.rows !== bags.rows) {
    known = { rows: bags.rows, list: altsOf(unit).keys.map((key) => bags.rows.get(key) ?? -1) };
    rowsOf.set(unit, known);
  }
  return known.list;
}

/** Weight of a row's key in one section's bag (0 when the bag lacks it): a binary search, as a row's sections ascend. */
function bagWeight(bags: QuestionBags, row: number, target: number): number {
  if (row < 0) return 0;
  let low = bags.offsets[row]!;
  let high = bags.offsets[row + 1]!;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (bags.section[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low < bags.offsets[row + 1]! && bags.section[low] === target ? bags.weight[low]! : 0;
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
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    let best = 0;
    let match = 0;
    const { keys, weights } = altsOf(unit);
    const rows = unitRows(bags, unit);
    for (let k = 0; k < keys.length; k++) {
      const w = weights[k]!;
      const weight = bagWeight(bags, rows[k]!, section);
      if (weight === 0) continue;
      best = Math.max(best, w * weight);
      match = Math.max(match, w);
    }
    score += best * unit.importance;
    covered += match * (unitWeights[u] ?? 0);
    total += unitWeights[u] ?? 0;
  }
  return { score, coverage: total > 0 ? covered / total : 0 };
}
