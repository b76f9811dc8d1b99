/**
 * What a piece of feedback records. `up`/`down`/`not_found` are a user's reaction to an answer
 * (`not_found` when the bot had no answer to rate). The learning records are written by the bot
 * itself, never with a user id: `unanswered` (the code seemed silent), `unsure` ("Bedoel je…?"
 * shown, with its candidates) and `chosen` (the passage picked from "Bedoel je…?").
 */
export type FeedbackVerdict = 'up' | 'down' | 'not_found' | LearningVerdict;

/** Verdicts the bot records for reviewers (`npm run review`); they never carry a user id. */
export type LearningVerdict = 'unanswered' | 'unsure' | 'chosen';

export const LEARNING_VERDICTS: readonly LearningVerdict[] = ['unanswered', 'unsure', 'chosen'];

export function isLearningVerdict(verdict: FeedbackVerdict): verdict is LearningVerdict {
  return (LEARNING_VERDICTS as readonly string[]).includes(verdict);
}

/**
 * One piece of answer feedback or one learning record. Holds only the user's question text
 * (phone numbers and e-mail addresses redacted), never the conversation around it, so it can be
 * kept for quality reports.
 */
export interface Feedback {
  id: string;
  /** ISO 8601 timestamp of the feedback. */
  at: string;
  org: string;
  /** Hashed user id or Azure AD object id; only on a user's own reaction, never on learning records. */
  userId?: string;
  /** The user's question text only. */
  question: string;
  /** The knowledge section the rated answer quoted, or the one chosen from "Bedoel je…?". */
  sectionId?: string;
  /** The section ids "Bedoel je…?" offered (verdict `unsure`). */
  candidates?: string[];
  verdict: FeedbackVerdict;
}

/** Filter for {@link FeedbackStore.list}. */
export interface FeedbackQuery {
  /** Only feedback at or after this moment (a Date or an ISO 8601 string). */
  since?: Date | string;
}

/**
 * Persistence for feedback. Implemented with lowdb (src/store) and in memory (tests);
 * a later server database implements the same interface.
 * Every write is durable when the promise resolves.
 */
export interface FeedbackStore {
  /** Stores the record; adding the same id again replaces it. */
  add(feedback: Feedback): Promise<void>;
  /** Matching feedback, oldest first (by `at`, then `id`). */
  list(query?: FeedbackQuery): Promise<Feedback[]>;
}
