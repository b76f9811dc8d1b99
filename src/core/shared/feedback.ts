/** What the user said about one answer; `not_found` when the bot had no answer to rate. */
export type FeedbackVerdict = 'up' | 'down' | 'not_found';

/**
 * One piece of answer feedback. Holds only the user's question text, never the
 * conversation around it, so it can be kept for quality reports.
 */
export interface Feedback {
  id: string;
  /** ISO 8601 timestamp of the feedback. */
  at: string;
  org: string;
  /** Hashed user id or Azure AD object id. */
  userId: string;
  /** The user's question text only. */
  question: string;
  /** The knowledge section the rated answer quoted, if any. */
  sectionId?: string;
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
