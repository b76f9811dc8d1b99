import type { SectionQuestions } from '../knowledge/questions.js';
import type { SearchIndex } from '../retrieval/index.js';
import { search } from '../retrieval/search.js';
import { declinedAsSilent } from './confidence.js';

/** A question a section answers that the board's silent knowledge would decline, and the silent question that does it. */
export interface SilentConflict {
  silent: string;
  sectionId: string;
  question: string;
}

/** How many of the best hits are read for the closest stored question other than the asked one. */
const NEIGHBOURS = 6;

/**
 * The filter on `silent.yaml`: a question the board's reviewed questions say a section answers must
 * not be declined as something the code is silent on. Each stored question is asked as if it were
 * new: its own entry does not count, so the section's next-closest question (or another section's
 * closest) stands in for it. Standard questions about the code are answered by the board's own
 * choice of sections and are never declined, so they are skipped.
 */
export function silentConflicts(index: SearchIndex, questions: SectionQuestions): SilentConflict[] {
  if (index.silent.questions.length === 0) return [];
  const conflicts: SilentConflict[] = [];
  for (const [sectionId, list] of questions.bySection) {
    for (const question of list) {
      const result = search(index, question, { hits: 'top' });
      if (result.codeIntent || !result.silent) continue;
      const others = result.hits.slice(0, NEIGHBOURS).map((h) => (h.question ? (h.question.text === question ? h.question.second : h.question.score) : 0));
      if (declinedAsSilent(result, Math.max(0, ...others))) conflicts.push({ silent: result.silent.text, sectionId, question });
    }
  }
  return conflicts;
}
