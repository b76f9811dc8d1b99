/** Verbs of the posting dialog's Action.Submit payloads (`data.verb`). */
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
