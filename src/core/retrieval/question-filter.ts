import type { SectionQuestions } from '../knowledge/questions.js';
import type { SearchIndex } from './index.js';
import { search } from './search.js';

/**
 * The filter on stored questions (Doc2Query--'s idea, with our own ranking as the judge): a
 * question that another section answers better — its own section is not among the best few even
 * though the question itself is indexed under it — is to be moved or dropped. Kept in step by
 * `npm run knowledge:build` and a unit test.
 */
export const OWN_SECTION_MAX_RANK = 3;

export interface MisplacedQuestion {
  question: string;
  sectionId: string;
  /** Rank of its own section (1 = best), or 0 when it was not found at all. */
  rank: number;
  /** The section that ranked first instead. */
  bestId: string;
}

export function misplacedQuestions(index: SearchIndex, questions: SectionQuestions, maxRank = OWN_SECTION_MAX_RANK): MisplacedQuestion[] {
  const misplaced: MisplacedQuestion[] = [];
  for (const [sectionId, list] of questions.bySection) {
    for (const question of list) {
      const hits = search(index, question).hits;
      const rank = hits.findIndex((h) => h.indexed.section.id === sectionId) + 1;
      if (rank === 0 || rank > maxRank) misplaced.push({ question, sectionId, rank, bestId: hits[0]?.indexed.section.id ?? '' });
    }
  }
  return misplaced;
}
