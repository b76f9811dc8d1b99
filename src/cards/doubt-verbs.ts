/** Action.Submit verbs of the doubt cards (the shell routes on `data.verb`). */
export const DOUBT_COMPOSE_VERB = 'doubt.compose';
export const DOUBT_SEND_VERB = 'doubt.send';
export const DOUBT_REDACT_VERB = 'doubt.redact';
export const DOUBT_CANCEL_VERB = 'doubt.cancel';
export const DOUBT_RESOLVE_VERB = 'doubt.resolve';
export const DOUBT_FOLLOW_UP_VERB = 'doubt.follow-up';
export const DOUBT_OPEN_VERB = 'doubt.open';
/** Action.Execute verb of the leader's answer buttons: `data: { doubtId, decision, comment }`. */
export const DOUBT_ANSWER_VERB = 'doubt.answer';
/** Action.Execute verb the leader card's `refresh` uses: `data: { doubtId }`. */
export const DOUBT_REFRESH_VERB = 'doubt.refresh';

/** Input ids on the doubt cards; their values arrive in the action data under these names. */
export const DOUBT_INPUTS = {
  text: 'doubtText',
  draft: 'draftText',
  comment: 'comment',
  followUp: 'followUpText',
} as const;

/** Words that differ per board. */
export interface DoubtCardOptions {
  /** "leidinggevende" or "teamleider". */
  leaderTerm: string;
}

export const DEFAULT_DOUBT_CARD_OPTIONS: DoubtCardOptions = { leaderTerm: 'leidinggevende' };
