import { isLearningVerdict, type Feedback, type FeedbackQuery } from '../core/shared/feedback.js';

const VERDICTS = new Set<string>(['up', 'down', 'not_found', 'unanswered', 'unsure', 'chosen']);

/** Whether a value is a well-formed Feedback record. */
export function isFeedback(value: unknown): value is Feedback {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Partial<Feedback>;
  return (
    typeof f.id === 'string' &&
    f.id.length > 0 &&
    typeof f.at === 'string' &&
    !Number.isNaN(Date.parse(f.at)) &&
    typeof f.org === 'string' &&
    typeof f.question === 'string' &&
    (f.sectionId === undefined || typeof f.sectionId === 'string') &&
    (f.candidates === undefined || (Array.isArray(f.candidates) && f.candidates.every((c) => typeof c === 'string'))) &&
    typeof f.verdict === 'string' &&
    VERDICTS.has(f.verdict) &&
    // A user's reaction names its user (for "mijn gegevens"); a learning record never does.
    (isLearningVerdict(f.verdict) ? f.userId === undefined : typeof f.userId === 'string')
  );
}

export const INVALID_FEEDBACK_MESSAGE =
  'Cannot store feedback: it needs non-empty id, an ISO 8601 at, org, question, optional sectionId and candidates (strings), ' +
  'and verdict up|down|not_found with a userId or unanswered|unsure|chosen without one.';

/** The `since` bound in epoch milliseconds (or -Infinity); throws on an unparseable value. */
export function sinceMillis(query: FeedbackQuery | undefined): number {
  if (query?.since === undefined) return Number.NEGATIVE_INFINITY;
  const ms = query.since instanceof Date ? query.since.getTime() : Date.parse(query.since);
  if (Number.isNaN(ms)) throw new TypeError(`Invalid feedback query: since ${String(query.since)} is not a date.`);
  return ms;
}

/** Oldest first, by `at` then `id`. */
export function compareFeedback(a: Feedback, b: Feedback): number {
  return Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
