import { z } from 'zod';
import { parseAnswerValue } from '../../core/posting/session.js';

/** Verbs of the posting dialog's Action.Submit payloads (`data.verb`), declared here only. */
export const POSTING_VERBS = {
  start: 'posting.start',
  draft: 'posting.draft',
  skipDraft: 'posting.skip-draft',
  confirm: 'posting.confirm',
  answer: 'posting.answer',
  back: 'posting.back',
  restart: 'posting.restart',
  stop: 'posting.stop',
  escalate: 'posting.escalate',
} as const;

export type PostingVerb = (typeof POSTING_VERBS)[keyof typeof POSTING_VERBS];

/** Input ids on the start card. */
export const DRAFT_INPUT_ID = 'draft';
export const MEDIA_INPUT_ID = 'hasMedia';
/** Prefix of the toggle ids on the pre-check card: `accept.<factId>`. */
export const ACCEPT_INPUT_PREFIX = 'accept.';

/** Card answer values for `posting.answer`. */
export const ANSWER_VALUES = ['ja', 'nee', 'weet-niet'] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

const MAX_DRAFT = 5000;
const flag = z.unknown().transform((v) => v === 'true' || v === true);
const verb = <V extends string>(v: V) => z.object({ verb: z.literal(v) });

/**
 * The posting dialog's card data, parsed where it arrives. Lenient on purpose: a missing draft is
 * an empty one and an unreadable answer is `undefined`, so the dialog can say what it needs.
 */
export const postingPayload = z.union([
  verb(POSTING_VERBS.start),
  z.object({
    verb: z.literal(POSTING_VERBS.draft),
    [DRAFT_INPUT_ID]: z.string().catch('').default('').transform((d) => d.slice(0, MAX_DRAFT)),
    [MEDIA_INPUT_ID]: flag,
  }),
  verb(POSTING_VERBS.skipDraft),
  // The pre-check card's switches arrive as `accept.<factId>`: only the ticked ones count.
  verb(POSTING_VERBS.confirm)
    .catchall(z.unknown())
    .transform((data) => ({
      verb: data.verb,
      accepted: Object.entries(data)
        .filter(([key, value]) => key.startsWith(ACCEPT_INPUT_PREFIX) && (value === 'true' || value === true))
        .map(([key]) => key.slice(ACCEPT_INPUT_PREFIX.length)),
    })),
  z.object({
    verb: z.literal(POSTING_VERBS.answer),
    fact: z.string().max(200).optional().catch(undefined),
    value: z.unknown().transform(parseAnswerValue),
  }),
  verb(POSTING_VERBS.back),
  verb(POSTING_VERBS.restart),
  verb(POSTING_VERBS.stop),
]);

export type PostingAction = z.output<typeof postingPayload>;

/** "Vraag mijn leidinggevende" on the verdict card; `disagree` when the user disputes the outcome. */
export const escalatePayload = z.object({ disagree: z.literal(true).optional().catch(undefined) });
