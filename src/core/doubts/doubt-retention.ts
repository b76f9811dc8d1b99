import { closeDoubt, escalate } from './doubt-lifecycle.js';
import { addHistory, isPending, type TransitionContext } from './outbox.js';
import { addMonths } from './working-days.js';
import { awaitsAnswer, type Doubt } from './types.js';

/** Placeholder id for an asker whose identity was removed; matches no real user. */
export const ANONYMOUS_ASKER = 'anoniem';

/** Closed doubts older than the retention period; open doubts untouched that long count too (they are stale). */
export function isRetentionExpired(doubt: Doubt, now: Date, retentionMonths: number): boolean {
  if (doubt.anonymisedAt) return false;
  const since = doubt.closedAt ?? doubt.updatedAt;
  return addMonths(new Date(since), retentionMonths) <= now;
}

function roleOf(doubt: Doubt, key: string): string {
  if (key === doubt.askerId) return 'vrager';
  if (key === doubt.leader?.key) return 'leidinggevende';
  if (key === doubt.deputy?.key) return 'vervanger';
  if (key === doubt.communicatie?.key) return 'communicatie';
  return key === 'system' ? 'system' : 'verwijderd';
}

/** Replaces one person's key everywhere in the record and drops their name. */
function replaceKey(doubt: Doubt, key: string, replacement: string): void {
  for (const m of doubt.messages) {
    if (m.authorKey === key) {
      m.authorKey = replacement;
      delete m.authorName;
    }
  }
  for (const h of doubt.history) {
    if (h.actor === key) h.actor = replacement;
    if (h.detail?.includes(key)) h.detail = h.detail.split(key).join(replacement);
  }
  for (const n of doubt.outbox) if (n.to === key) n.to = replacement;
  if (doubt.answeredBy === key) doubt.answeredBy = replacement;
}

/** Removes the asker's identity and all texts; keeps status, decisions and dates. */
function stripAsker(doubt: Doubt, ctx: TransitionContext): void {
  for (const n of doubt.outbox) if (n.to === doubt.askerId && isPending(n)) n.supersededAt = ctx.now.toISOString();
  replaceKey(doubt, doubt.askerId, ANONYMOUS_ASKER);
  doubt.askerId = ANONYMOUS_ASKER;
  doubt.asker = { id: ANONYMOUS_ASKER };
  for (const m of doubt.messages) m.text = '';
  delete doubt.case;
}

/**
 * Retention: after the period only the outcome and dates remain. Everybody's identity
 * (asker and assignees) and all texts are removed; the record no longer matches any user.
 */
export function anonymiseForRetention(doubt: Doubt, ctx: TransitionContext): void {
  if (doubt.open) closeDoubt(doubt, ctx, 'system', 'closed', 'expired');
  stripAsker(doubt, ctx);
  // A copy: replaceKey rewrites the list being walked.
  for (const a of doubt.assignees.slice()) replaceKey(doubt, a.key, roleOf(doubt, a.key));
  doubt.assigneeIds = [];
  doubt.assignees = [];
  delete doubt.leader;
  delete doubt.deputy;
  delete doubt.communicatie;
  doubt.outbox = [];
  doubt.anonymisedAt = ctx.now.toISOString();
  addHistory(doubt, ctx, 'system', 'anonymised', 'retention');
  doubt.updatedAt = ctx.now.toISOString();
}

/**
 * The asker asked to delete their data while others still hold the doubt: close it as withdrawn
 * and remove the asker's identity and texts, so the assignees' cards and lists stay consistent.
 */
export function withdrawForAskerDeletion(doubt: Doubt, ctx: TransitionContext): void {
  if (doubt.open) closeDoubt(doubt, ctx, doubt.askerId, 'closed', 'withdrawn');
  stripAsker(doubt, ctx);
  // Not `anonymisedAt`: retention still removes the assignees' identities later.
  addHistory(doubt, ctx, 'system', 'anonymised', 'asker-deletion');
}

/**
 * An assignee asked to delete their data: their identity is removed from the record (the asker
 * keeps the answers). If the doubt still waited on them, it moves to the next person on the ladder.
 */
export function forgetAssignee(doubt: Doubt, keys: readonly string[], ctx: TransitionContext): void {
  for (const key of keys) {
    if (!doubt.assigneeIds.includes(key)) continue;
    const waitingOnThem =
      doubt.open && awaitsAnswer(doubt) && ((doubt.stage === 'leader' && doubt.leader?.key === key) || (doubt.stage === 'deputy' && doubt.deputy?.key === key) || (doubt.stage === 'communicatie' && doubt.communicatie?.key === key) || doubt.answeredBy === key);
    for (const n of doubt.outbox) if (n.to === key && isPending(n)) n.supersededAt = ctx.now.toISOString();
    const replacement = roleOf(doubt, key) === 'verwijderd' ? 'verwijderd' : `verwijderd-${roleOf(doubt, key)}`;
    replaceKey(doubt, key, replacement);
    doubt.assigneeIds = doubt.assigneeIds.filter((k) => k !== key);
    doubt.assignees = doubt.assignees.filter((a) => a.key !== key);
    if (doubt.leader?.key === key) delete doubt.leader;
    if (doubt.deputy?.key === key) delete doubt.deputy;
    if (doubt.communicatie?.key === key) delete doubt.communicatie;
    addHistory(doubt, ctx, 'system', 'assignee-removed', replacement);
    if (waitingOnThem && !escalate(doubt, ctx, 'assignee-removed') && doubt.assigneeIds.length === 0) {
      doubt.stage = 'unassigned';
      delete doubt.nextAction;
      delete doubt.nextActionAt;
    }
  }
  doubt.updatedAt = ctx.now.toISOString();
}
