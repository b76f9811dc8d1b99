import { remainingLadder } from './doubt-lifecycle.js';
import { DECISIONS, userKeys, awaitsAnswer, type Decision, type Doubt, type DoubtStage, type Person, type UserRef } from './types.js';

export type RefusalReason =
  | 'not-found'
  | 'not-allowed'
  | 'closed'
  | 'not-awaiting-answer'
  | 'invalid-decision'
  | 'comment-required'
  | 'too-long'
  | 'empty'
  | 'no-communicatie';

/** A refused request, with a Dutch message for the user. */
export interface Refusal {
  ok: false;
  reason: RefusalReason;
  message: string;
}

export function refuse(reason: RefusalReason, message: string): Refusal {
  return { ok: false, reason, message };
}

// Same words for "does not exist" and "not yours": a refusal must not reveal that a doubt exists.
const NOT_VISIBLE = 'Deze twijfel kan ik niet vinden, of je hebt er geen toegang toe.';

export function isAsker(user: UserRef, doubt: Doubt): boolean {
  return doubt.askerId === user.id;
}

/** The assignee record matching this user, by object id or UPN. */
export function assigneeFor(user: UserRef, doubt: Doubt): Person | undefined {
  const keys = userKeys(user);
  return doubt.assignees.find((a) => keys.includes(a.key));
}

/**
 * The access rule, in one place: the asker and the people the doubt has been sent to (its
 * assignees) may see it, and every assignee may answer it while it waits for an answer. A doubt is
 * sent to the leidinggevende first; the deputy gets it (and so access) when the leidinggevende
 * has not answered after the reminder or cannot be reached; Communicatie after that, or at once
 * when the leidinggevende forwards it. The deputy or Communicatie do not see doubts before then.
 */
export function canView(user: UserRef, doubt: Doubt): boolean {
  return isAsker(user, doubt) || assigneeFor(user, doubt) !== undefined;
}

/**
 * Who can see (and answer) the doubt now besides the asker, and who would next, in order: what
 * the cards tell the leidinggevende, derived from the same records {@link canView} checks.
 */
export function audienceOf(doubt: Doubt): { now: Person[]; later: Array<{ stage: DoubtStage; person: Person }> } {
  return { now: [...doubt.assignees], later: doubt.open && awaitsAnswer(doubt) ? remainingLadder(doubt) : [] };
}

export function checkVisible(user: UserRef, doubt: Doubt | undefined): Refusal | undefined {
  if (!doubt) return refuse('not-found', NOT_VISIBLE);
  if (!canView(user, doubt)) return refuse('not-allowed', NOT_VISIBLE);
  return undefined;
}

/** Decisions that need a comment to make sense to the asker. */
const COMMENT_REQUIRED: ReadonlySet<Decision> = new Set(['adjust']);

/**
 * Re-checks an answer against the stored record; card data is never trusted.
 * Returns the actor's assignee record and the cleaned decision and comment.
 */
export function checkAnswer(
  actor: UserRef,
  doubt: Doubt | undefined,
  decision: unknown,
  comment: unknown,
  limits: { maxCommentLength: number },
): Refusal | { ok: true; person: Person; decision: Decision; comment: string } {
  if (!doubt) return refuse('not-found', NOT_VISIBLE);
  const person = assigneeFor(actor, doubt);
  if (!person) return refuse('not-allowed', NOT_VISIBLE);
  if (!doubt.open || doubt.status === 'resolved' || doubt.status === 'closed') return refuse('closed', 'Deze twijfel is al afgesloten. Er is niets meer te beantwoorden.');
  if (!awaitsAnswer(doubt)) return refuse('not-awaiting-answer', 'Deze twijfel is al beantwoord. Als de collega nog een vraag heeft, krijg je die vanzelf.');
  if (typeof decision !== 'string' || !(DECISIONS as readonly string[]).includes(decision)) {
    return refuse('invalid-decision', 'Dit antwoord ken ik niet. Kies een van de knoppen op de kaart.');
  }
  const d = decision as Decision;
  if (comment !== undefined && comment !== null && typeof comment !== 'string') return refuse('invalid-decision', 'De toelichting moet tekst zijn.');
  const text = typeof comment === 'string' ? comment.trim() : '';
  if (text.length > limits.maxCommentLength) {
    return refuse('too-long', `Je toelichting is te lang (${text.length} tekens). Houd het onder de ${limits.maxCommentLength} tekens.`);
  }
  if (COMMENT_REQUIRED.has(d) && text === '') return refuse('comment-required', 'Schrijf kort wat er aangepast moet worden, zodat je collega verder kan.');
  if (d === 'forward') {
    if (!doubt.communicatie) return refuse('no-communicatie', 'Er is geen contactpersoon voor Communicatie ingesteld. Beantwoord de twijfel zelf of bespreek het persoonlijk.');
    if (doubt.assigneeIds.includes(doubt.communicatie.key) && doubt.stage === 'communicatie') {
      return refuse('not-awaiting-answer', 'Deze twijfel ligt al bij Communicatie.');
    }
  }
  return { ok: true, person, decision: d, comment: text };
}

/** Checks a text the asker writes (doubt or follow-up). */
export function checkText(text: unknown, maxLength: number): Refusal | { ok: true; text: string } {
  const t = typeof text === 'string' ? text.trim() : '';
  if (t === '') return refuse('empty', 'Schrijf eerst je vraag op. Wat twijfel je over?');
  if (t.length > maxLength) return refuse('too-long', `Je bericht is te lang (${t.length} tekens). Maak het korter dan ${maxLength} tekens.`);
  return { ok: true, text: t };
}
