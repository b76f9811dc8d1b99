import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The sets that measure what a teacher will see: the held-out sets that were never studied, then the
 * public set. `npm run eval` reports them by default, and no stored or silent question may come close
 * to one of their questions (or they would measure memory instead of answering). Held-out sets 8-11
 * were studied, became dev sets and are stored questions since session 14, so they are not here.
 */
export const MEASURED_SETS = [
  'test/fixtures/holdout-16-questions.json',
  'test/fixtures/holdout-15-questions.json',
  'test/fixtures/holdout-14-questions.json',
  'test/fixtures/holdout-13-questions.json',
  'test/fixtures/holdout-12-questions.json',
  'test/fixtures/holdout-7-questions.json',
  'test/fixtures/holdout-6-questions.json',
  'test/fixtures/holdout-5-questions.json',
  'test/fixtures/holdout-4-questions.json',
  'test/fixtures/holdout-3-questions.json',
  'test/fixtures/holdout-2-questions.json',
  'test/fixtures/holdout-questions.json',
  '../shared/eval/qa-public.json',
] as const;

/** A stored question sharing at least this share of its words with a measured question is too close to it. */
export const MEASURED_OVERLAP_LIMIT = 0.8;

const words = (question: string): Set<string> => new Set(question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * The closest a question comes to any measured question: shared words over all words of the two
 * (Jaccard). Shared words are counted through an index of which measured question has which word,
 * so thousands of stored questions are checked in a few seconds.
 */
export function measuredOverlap(rootDir: string): (question: string) => number {
  const measured = MEASURED_SETS.flatMap((file) => {
    const set = JSON.parse(readFileSync(path.resolve(rootDir, file), 'utf8')) as { items: { question: string }[]; out_of_scope: { question: string }[] };
    return [...set.items, ...set.out_of_scope].map((q) => words(q.question));
  });
  const byWord = new Map<string, number[]>();
  measured.forEach((m, i) => m.forEach((w) => (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(i)));
  return (question) => {
    const own = words(question);
    const shared = new Map<number, number>();
    for (const w of own) for (const i of byWord.get(w) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    return Math.max(0, ...[...shared].map(([i, n]) => n / (own.size + measured[i]!.size - n)));
  };
}
