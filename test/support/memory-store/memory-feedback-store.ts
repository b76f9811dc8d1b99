import type { Feedback, FeedbackQuery, FeedbackStore } from '../../../src/core/shared/feedback.js';
import { compareFeedback, INVALID_FEEDBACK_MESSAGE, isFeedback, sinceMillis } from '../../../src/store/feedback-validation.js';
import { jsonClone } from './json-clone.js';

/** In-memory FeedbackStore for tests. */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly #items = new Map<string, Feedback>();

  async add(feedback: Feedback): Promise<void> {
    if (!isFeedback(feedback)) throw new TypeError(INVALID_FEEDBACK_MESSAGE);
    this.#items.set(feedback.id, jsonClone(feedback));
  }

  async list(query?: FeedbackQuery): Promise<Feedback[]> {
    const since = sinceMillis(query);
    return [...this.#items.values()]
      .filter((f) => Date.parse(f.at) >= since)
      .map((f) => jsonClone(f))
      .sort(compareFeedback);
  }
}
