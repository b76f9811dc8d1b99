import type { IdGenerator } from '../shared/clock.js';
import type { Doubt, DoubtSettings, HistoryEntry, Notification, NotificationKind } from './types.js';

/** What every pure doubt transition needs: the time, fresh ids and the settings. */
export interface TransitionContext {
  now: Date;
  newId: IdGenerator;
  settings: DoubtSettings;
}

/** How a delivery attempt failed, as the shell reports it. */
export interface DeliveryFailure {
  /** HTTP status from the Bot Connector (403, 404, 429, 5xx), or 0 for a network error. */
  status: number;
  /** True when retrying cannot help (bot blocked or removed, conversation not found). */
  permanent?: boolean;
  /** Short technical reason, e.g. the error code; never message text. */
  code?: string;
}

// Minutes to wait after the 1st, 2nd, ... transient failure.
const BACKOFF_MINUTES = [1, 5, 30, 120, 720];

/** Teams answers 403 when the user blocked or removed the bot and 404 when the conversation is gone. */
export function isPermanentDeliveryFailure(status: number): boolean {
  return status === 403 || status === 404 || status === 410;
}

/** Kinds meant for whoever must answer; they go stale once the doubt is answered. */
export const ANSWERER_KINDS: ReadonlySet<NotificationKind> = new Set(['new-doubt', 'reminder', 'rerouted', 'follow-up']);

export function addHistory(doubt: Doubt, ctx: TransitionContext, actor: string, event: string, detail?: string): void {
  const entry: HistoryEntry = { at: ctx.now.toISOString(), actor, event };
  if (detail !== undefined) entry.detail = detail;
  doubt.history.push(entry);
}

export function addNotification(doubt: Doubt, ctx: TransitionContext, to: string, kind: NotificationKind): Notification {
  const n: Notification = { id: ctx.newId(), to, kind, createdAt: ctx.now.toISOString(), attempts: 0 };
  doubt.outbox.push(n);
  return n;
}

/** Not delivered and still worth delivering. */
export function isPending(n: Notification): boolean {
  return n.deliveredAt === undefined && n.supersededAt === undefined;
}

/** Pending, not given up, and not waiting out a back-off. */
export function isDue(n: Notification, now: Date): boolean {
  return isPending(n) && n.givenUpAt === undefined && (n.nextAttemptAt === undefined || n.nextAttemptAt <= now.toISOString());
}

/** Marks pending notifications matching `predicate` as superseded. */
export function supersede(doubt: Doubt, ctx: TransitionContext, predicate: (n: Notification) => boolean): void {
  for (const n of doubt.outbox) if (isPending(n) && predicate(n)) n.supersededAt = ctx.now.toISOString();
}

export function findNotification(doubt: Doubt, notificationId: string): Notification | undefined {
  return doubt.outbox.find((n) => n.id === notificationId);
}

/** Records a successful delivery (idempotent). */
export function recordDelivered(doubt: Doubt, ctx: TransitionContext, n: Notification, activityId?: string): void {
  if (n.deliveredAt !== undefined) return;
  n.deliveredAt = ctx.now.toISOString();
  n.attempts += 1;
  n.lastAttemptAt = n.deliveredAt;
  delete n.nextAttemptAt;
  if (activityId) n.activityId = activityId;
  addHistory(doubt, ctx, 'system', 'delivered', `${n.kind} ${n.id}`);
}

/**
 * The recipient has no chat with the bot yet (never opened it): the notification is parked, not
 * retried by the sweep but delivered when they open the bot. False when it already was (no change).
 */
export function recordUnreachable(doubt: Doubt, ctx: TransitionContext, n: Notification): boolean {
  if (n.givenUpAt !== undefined && n.lastError === 'no-conversation') return false;
  n.lastError = 'no-conversation';
  n.givenUpAt = ctx.now.toISOString();
  delete n.nextAttemptAt;
  addHistory(doubt, ctx, 'system', 'delivery-parked', `${n.kind} ${n.id}`);
  return true;
}

/**
 * Records a failed delivery and schedules the retry. Returns true when the notification is now
 * given up (permanent failure or too many attempts): the caller reroutes if needed.
 */
export function recordFailed(doubt: Doubt, ctx: TransitionContext, n: Notification, failure: DeliveryFailure): boolean {
  n.attempts += 1;
  n.lastAttemptAt = ctx.now.toISOString();
  n.lastError = `${failure.status}${failure.code ? ` ${failure.code}` : ''}`;
  const permanent = failure.permanent ?? isPermanentDeliveryFailure(failure.status);
  const wasGivenUp = n.givenUpAt !== undefined;
  if (permanent || n.attempts >= ctx.settings.maxDeliveryAttempts) {
    n.givenUpAt ??= n.lastAttemptAt;
    delete n.nextAttemptAt;
  } else {
    const minutes = BACKOFF_MINUTES[Math.min(n.attempts - 1, BACKOFF_MINUTES.length - 1)]!;
    n.nextAttemptAt = new Date(ctx.now.getTime() + minutes * 60_000).toISOString();
  }
  addHistory(doubt, ctx, 'system', n.givenUpAt ? 'delivery-given-up' : 'delivery-failed', `${n.kind} ${n.id} ${n.lastError}`);
  return n.givenUpAt !== undefined && !wasGivenUp;
}
