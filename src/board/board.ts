import type { CodeIntentSections } from '../core/knowledge/code-intents.js';
import type { AnalysedQuestions } from '../core/retrieval/analysed-questions.js';
import type { LeaderMapping } from '../core/doubts/leader-mapping.js';
import type { SectionQuestions } from '../core/knowledge/questions.js';
import type { KnowledgeDocument } from '../core/knowledge/types.js';
import type { OnboardingCourse } from '../core/onboarding/course-schema.js';
import type { PostingDefinition } from '../core/posting/types.js';

/**
 * One school board as the bot serves it, loaded once at start (src/board/load-board.ts) and handed
 * to everything that needs the board's name, words, code or dialogs. Nothing else reads the
 * board's files, `ORG` or the knowledge document's header for these.
 */
export interface Board {
  /** Organisation id, e.g. "oog": the folder under knowledge/ and dialogs/. */
  readonly org: string;
  /** Full name, e.g. "Openbaar Onderwijs Groningen". */
  readonly organisation: string;
  /** The code's title, e.g. "Code Sociale Media". */
  readonly title: string;
  /** Version or date as printed in the code, when known. */
  readonly version: string | undefined;
  /** Who staff turn to in doubt, in the code's own word: "leidinggevende" or "teamleider". */
  readonly leaderTerm: string;
  /** The code itself (`knowledge/<org>/sections.yaml`). */
  readonly knowledge: KnowledgeDocument;
  /** The questions each section answers (`knowledge/<org>/questions.yaml`), when the board has them. */
  readonly questions: SectionQuestions | undefined;
  /** Questions no board's code answers (`knowledge/out-of-scope.yaml`). */
  readonly outOfScope: readonly string[];
  /** Questions close to the domain this board's code does not answer (`knowledge/<org>/silent.yaml`). */
  readonly silent: readonly string[];
  /** The questions as knowledge:build analysed them (`question-keys.json`), when present. */
  readonly analysed: AnalysedQuestions | undefined;
  /** Which sections answer the standard questions about the code (`code-intents.yaml`), when present. */
  readonly codeIntents: CodeIntentSections | undefined;
  /** The "Mag ik dit posten?" decision model (`dialogs/<org>/posting.yaml`). */
  readonly posting: PostingDefinition;
  /** The onboarding course (`dialogs/<org>/onboarding.yaml`). */
  readonly onboardingCourse: OnboardingCourse;
  /** The leidinggevende mapping and the file it came from; undefined = none (Graph or SELF_LEADER route alone). */
  readonly leaders: { readonly mapping: LeaderMapping; readonly file: string } | undefined;
}
