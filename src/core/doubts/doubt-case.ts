import { z } from 'zod';
import type { DoubtCase } from './types.js';

const text = (max: number) => z.string().trim().max(max);

/** Bounds for a case handed over from the posting dialog; anything larger is cut, not refused. */
const doubtCaseSchema = z
  .object({
    draftText: z.string().optional(),
    answers: z.array(z.object({ question: text(300), answer: text(300) })).max(30).optional(),
    verdict: text(200).optional(),
    rules: z.array(z.object({ id: text(100), citation: text(300), quote: text(2000) })).max(10).optional(),
  })
  .strip();

/**
 * Cleans the posting dialog's hand-over (it may come back through card data): unknown fields are
 * dropped, long lists cut, empty parts removed. Returns undefined for anything unusable.
 */
export function sanitizeDoubtCase(input: unknown, maxDraftLength = 4000): DoubtCase | undefined {
  if (input === undefined || input === null) return undefined;
  const parsed = doubtCaseSchema.safeParse(input);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  const result: DoubtCase = {};
  const draft = c.draftText?.trim();
  if (draft) result.draftText = draft.slice(0, maxDraftLength);
  if (c.answers && c.answers.length > 0) result.answers = c.answers;
  if (c.verdict) result.verdict = c.verdict;
  if (c.rules && c.rules.length > 0) result.rules = c.rules;
  return Object.keys(result).length > 0 ? result : undefined;
}
