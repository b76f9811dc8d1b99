import type { CodeIntent } from '../knowledge/code-intents.js';
import { A_DOCUMENT, INTENT_PATTERNS, NAMED_DOCUMENT_ASKED, OTHER_DOCUMENT, OTHER_RULES_ASKED, WHERE_DOCUMENT } from './code-intent-patterns.js';
import { tokenize } from './normalize.js';
import type { SearchIndex } from './index.js';
import type { SectionHit } from './search.js';
import type { VocabularyAudience } from './vocabulary.js';

// The standard questions about the code itself: recognised by their form (code-intent-patterns.ts)
// and answered from the sections each board names for them (code-intents.yaml).

/**
 * Standard questions whose form is precise enough that a board's `[]` for them ("did the staff
 * council consent?", "since when does it apply?", "who approved it?", "what happens if I break it?"
 * where the code says none of it) is declined rather than answered with a passage that shares its
 * words (who contributed to the code, a date in a rule, a rule on arguing online). Chosen on the dev
 * sets: five fewer out-of-scope questions answered, none in scope lost; the broader intents
 * ('documents', 'schoolActs') lost questions a named section answers.
 */
export const DECLINED_WHEN_SILENT: ReadonlySet<CodeIntent> = new Set(['consent', 'effective', 'approval', 'consequences']);

/** The standard question about the code a question asks, when it is one; `tokens`: the question's, when the caller has them (tokenising again was a tenth of the analysis). */
export function detectCodeIntent(question: string, tokens: readonly string[] = tokenize(question)): CodeIntent | undefined {
  const text = ` ${tokens.join(' ')} `;
  // "waar vind ik het protocol over grensoverschrijdend gedrag?", "komt er nog een apart protocol?":
  // where the code points to other documents (or says one will come) answers it; anything else about
  // another document is not about this code.
  if (OTHER_DOCUMENT.test(text)) return WHERE_DOCUMENT.test(text) && A_DOCUMENT.test(text) ? 'documents' : undefined;
  if (NAMED_DOCUMENT_ASKED.test(text) || OTHER_RULES_ASKED.test(text)) return 'documents';
  for (const [intent, pattern] of INTENT_PATTERNS) if (pattern.test(text)) return intent;
  return undefined;
}

/**
 * A standard question about the code itself goes to the first section the board names for it that
 * the question matches at all; scores stay in place, best first, as with the re-ranker.
 */
export function codeIntentFirst<T extends SectionHit>(
  index: SearchIndex,
  intent: CodeIntent | undefined,
  ranked: T[],
  subject?: VocabularyAudience,
): { ranked: T[]; named?: { intent: CodeIntent; hit: T } } {
  // The board's order decides (best first), among the named sections the question matches at all;
  // a question about pupils or parents ("wat is de hoofdregel voor lln?") takes the first named for them.
  const named = intent ? (index.codeIntents.get(intent) ?? []).map((i) => index.sections[i]!) : [];
  const present = named.map((indexed) => ranked.findIndex((hit) => hit.indexed === indexed && hit.score > 0)).filter((i) => i >= 0);
  const forSubject = subject && subject !== 'medewerkers' ? present.find((i) => ranked[i]!.indexed.section.audience.includes(subject)) : undefined;
  const at = forSubject ?? present[0] ?? -1;
  if (!intent || at < 0) return { ranked };
  const scores = ranked.map((h) => h.score);
  const reordered = [ranked[at]!, ...ranked.slice(0, at), ...ranked.slice(at + 1)];
  reordered.forEach((h, i) => (h.score = scores[i]!));
  return { ranked: reordered, named: { intent, hit: reordered[0]! } };
}
