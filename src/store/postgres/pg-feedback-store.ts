import type { Db } from './db.js';
import type { Feedback, FeedbackQuery, FeedbackStore } from '../../core/shared/feedback.js';
import { INVALID_FEEDBACK_MESSAGE, isFeedback, sinceMillis } from '../feedback-validation.js';

/** Feedback and learning records, indexed by time so a `since` query reads only what it returns. */
export class PgFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Db) {}

  async add(feedback: Feedback): Promise<void> {
    if (!isFeedback(feedback)) throw new TypeError(INVALID_FEEDBACK_MESSAGE);
    await this.db.query(
      `INSERT INTO feedback (id, at, data) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at, data = EXCLUDED.data`,
      [feedback.id, new Date(Date.parse(feedback.at)), JSON.stringify(feedback)],
    );
  }

  async list(query?: FeedbackQuery): Promise<Feedback[]> {
    const since = sinceMillis(query);
    const { rows } = Number.isFinite(since)
      ? await this.db.query<{ data: Feedback }>('SELECT data FROM feedback WHERE at >= $1 ORDER BY at, id COLLATE "C"', [new Date(since)])
      : await this.db.query<{ data: Feedback }>('SELECT data FROM feedback ORDER BY at, id COLLATE "C"');
    return rows.map((r) => r.data);
  }
}
