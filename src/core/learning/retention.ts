import { addMonths } from '../doubts/working-days.js';
import { isLearningVerdict, type FeedbackStore } from '../shared/feedback.js';

/**
 * Retention for learning records: like closed doubts, their question text is emptied after
 * `retentionMonths` (the record stays, with its verdict and section ids, so counts remain). A
 * user's own 👍/👎 is left alone: "verwijder mijn gegevens" removes that. Returns how many.
 */
export async function expireLearningRecords(feedback: FeedbackStore, now: Date, retentionMonths: number): Promise<number> {
  const cutoff = addMonths(now, -retentionMonths).getTime();
  let expired = 0;
  for (const record of await feedback.list()) {
    if (!isLearningVerdict(record.verdict) || record.question === '' || Date.parse(record.at) >= cutoff) continue;
    // Adding the same id replaces the record: the store has no delete, on purpose.
    await feedback.add({ ...record, question: '' });
    expired++;
  }
  return expired;
}
