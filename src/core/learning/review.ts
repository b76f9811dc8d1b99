import type { Feedback, FeedbackVerdict } from '../shared/feedback.js';

/** What a reviewer looks at: questions the bot could not answer, was unsure of, or answered badly. */
export type ReviewVerdict = Extract<FeedbackVerdict, 'unanswered' | 'unsure' | 'chosen' | 'down' | 'not_found'>;

const REVIEWED = new Set<FeedbackVerdict>(['unanswered', 'unsure', 'chosen', 'down', 'not_found']);
/**
 * Verdicts that each stand for one time the question was asked. `chosen` follows an `unsure` and a
 * 👎 on the not-found card follows an `unanswered` of the same question, so counting those too would
 * count one question twice.
 */
const ASKED = new Set<FeedbackVerdict>(['unanswered', 'unsure', 'down']);

export interface ReviewGroup {
  /** The normalised text the group is keyed by. */
  key: string;
  /** The most recent wording, as asked (already redacted when stored). */
  question: string;
  /** How often it was asked (unanswered, "Bedoel je…?" shown, or an answer rated 👎). */
  asked: number;
  verdicts: Partial<Record<ReviewVerdict, number>>;
  /** Sections picked from "Bedoel je…?", most picked first. */
  chosen: Array<{ sectionId: string; count: number }>;
  /** Sections whose answer got 👎. */
  downvoted: Array<{ sectionId: string; count: number }>;
  firstAt: string;
  lastAt: string;
}

/**
 * The key that makes two wordings the same question: case, accents' composition, punctuation and
 * spacing do not count ("Wie heeft de code gemaakt?" = "wie heeft de code gemaakt").
 */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s[\]-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function countBy(ids: readonly string[]): Array<{ sectionId: string; count: number }> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([sectionId, count]) => ({ sectionId, count })).sort((a, b) => b.count - a.count || a.sectionId.localeCompare(b.sectionId));
}

/**
 * Groups a board's learning records and 👎 feedback by question, most asked first (then most
 * recent). Records of other boards, 👍, and questions emptied by "verwijder mijn gegevens" are left
 * out; `since` keeps only records at or after that moment.
 */
export function groupForReview(records: readonly Feedback[], options: { org: string; since?: Date }): ReviewGroup[] {
  const since = options.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const groups = new Map<string, ReviewGroup & { chosenIds: string[]; downIds: string[] }>();
  const sorted = [...records].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const record of sorted) {
    if (record.org !== options.org || !REVIEWED.has(record.verdict) || Date.parse(record.at) < since) continue;
    const key = normaliseQuestion(record.question);
    if (!key) continue;
    let group = groups.get(key);
    if (!group) {
      group = { key, question: record.question, asked: 0, verdicts: {}, chosen: [], downvoted: [], firstAt: record.at, lastAt: record.at, chosenIds: [], downIds: [] };
      groups.set(key, group);
    }
    const verdict = record.verdict as ReviewVerdict;
    group.verdicts[verdict] = (group.verdicts[verdict] ?? 0) + 1;
    if (ASKED.has(verdict)) group.asked++;
    if (verdict === 'chosen' && record.sectionId) group.chosenIds.push(record.sectionId);
    if (verdict === 'down' && record.sectionId) group.downIds.push(record.sectionId);
    group.question = record.question.trim();
    group.lastAt = record.at;
  }
  return [...groups.values()]
    .map(({ chosenIds, downIds, ...group }) => ({ ...group, chosen: countBy(chosenIds), downvoted: countBy(downIds) }))
    .sort((a, b) => b.asked - a.asked || Date.parse(b.lastAt) - Date.parse(a.lastAt) || a.key.localeCompare(b.key));
}
