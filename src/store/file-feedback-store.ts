import { join, relative, sep } from 'node:path';
import type { Feedback, FeedbackQuery, FeedbackStore } from '../core/shared/feedback.js';
import { compareFeedback, INVALID_FEEDBACK_MESSAGE, isFeedback, sinceMillis } from './feedback-validation.js';
import type { JournalView } from './journal.js';
import type { Lifecycle } from './lifecycle.js';
import { listDir, RecordCollection } from './record-collection.js';

const MONTH = /^\d{4}-\d{2}$/;

/**
 * Feedback as one file per record, partitioned per UTC month
 * (`feedback/<YYYY-MM>/<shard>/<id>.json`): adding costs one small file, and a
 * `since` query reads only the months it needs.
 */
export class FileFeedbackStore implements FeedbackStore {
  readonly #months = new Map<string, RecordCollection<Feedback>>();

  constructor(
    private readonly root: string,
    private readonly lifecycle: Lifecycle,
    private readonly journal?: JournalView,
  ) {}

  add(feedback: Feedback): Promise<void> {
    if (!isFeedback(feedback)) return Promise.reject(new TypeError(INVALID_FEEDBACK_MESSAGE));
    const copy = JSON.parse(JSON.stringify(feedback)) as Feedback;
    return this.lifecycle.run(() => this.#month(monthOf(copy.at)).put(copy.id, copy));
  }

  list(query?: FeedbackQuery): Promise<Feedback[]> {
    let since: number;
    try {
      since = sinceMillis(query);
    } catch (error) {
      return Promise.reject(error);
    }
    const firstMonth = Number.isFinite(since) ? monthOf(new Date(since).toISOString()) : '';
    return this.lifecycle.run(async () => {
      // A month whose first records the journal has but its files not yet counts too.
      const pendingMonths = (this.journal?.pendingDirsUnder(this.root) ?? []).map((d) => relative(this.root, d).split(sep)[0]!);
      const months = [...new Set([...(await listDir(this.root)), ...pendingMonths])].filter((m) => MONTH.test(m) && m >= firstMonth).sort();
      const result: Feedback[] = [];
      for (const month of months) {
        const collection = this.#month(month);
        const records = await Promise.all((await collection.stems()).map((stem) => collection.getByStem(stem)));
        for (const f of records) if (f && Date.parse(f.at) >= since) result.push(f);
      }
      return result.sort(compareFeedback);
    });
  }

  #month(month: string): RecordCollection<Feedback> {
    let collection = this.#months.get(month);
    if (!collection) {
      collection = new RecordCollection<Feedback>(join(this.root, month), isFeedback, this.journal);
      this.#months.set(month, collection);
    }
    return collection;
  }
}

function monthOf(iso: string): string {
  return new Date(iso).toISOString().slice(0, 7);
}
