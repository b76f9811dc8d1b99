import { z } from 'zod';

/** Action.Submit verbs of the doubt cards (the shell routes on `data.verb`), declared here only. */
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

/*
 * The doubt cards' data, parsed where it arrives. Ids and texts that are missing or of the wrong
 * type become `undefined`: the doubts domain then refuses with its own Dutch message (a doubt it
 * cannot find, an empty question), so a forged card is told the same as a stale one.
 */
const id = z.string().max(200).optional().catch(undefined);
// User texts are capped by the domain (with a message that says so), not here.
const text = z.string().optional().catch(undefined);

export const composePayload = z.object({ answerId: id });
export const draftPayload = z.object({ composeId: id });
export const sendPayload = z.object({
  composeId: id,
  [DOUBT_INPUTS.text]: text,
  [DOUBT_INPUTS.draft]: text,
  /** "Toch versturen" after the personal-data check. */
  sendAsIs: z.literal(true).optional().catch(undefined),
});
export const redactPayload = z.object({
  composeId: id,
  mode: z.enum(['replace', 'remove']).catch('replace').default('replace'),
  [DOUBT_INPUTS.text]: text,
  [DOUBT_INPUTS.draft]: text,
});
export const doubtIdPayload = z.object({ doubtId: z.string().max(200).catch('').default('') });
export const followUpPayload = doubtIdPayload.extend({ [DOUBT_INPUTS.followUp]: text });
export const openPayload = z.object({ list: z.enum(['mine', 'open']).optional().catch(undefined), doubtId: z.string().max(200).catch('').default('') });
/** The leader's answer (Action.Execute); the domain checks the decision and comment against the record. */
export const answerPayload = doubtIdPayload.extend({ decision: text, [DOUBT_INPUTS.comment]: text });

/** Words that differ per board. */
export interface DoubtCardOptions {
  /** "leidinggevende" or "teamleider". */
  leaderTerm: string;
}

export const DEFAULT_DOUBT_CARD_OPTIONS: DoubtCardOptions = { leaderTerm: 'leidinggevende' };
