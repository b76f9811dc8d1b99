import { applyScheduledAction, cloneDoubt } from './doubt-lifecycle.js';
import type { TransitionContext } from './outbox.js';
import type { Doubt, Notification } from './types.js';

/** What one sweep changed: records to store and the notifications it added. */
export interface SweepResult {
  changed: Doubt[];
  notifications: Array<{ doubtId: string; notification: Notification }>;
}

/**
 * Runs due reminders, reroutes and auto-closes. Pure: the schedule lives on each record
 * (`nextAction`, `nextActionAt`), so a restart loses nothing. One step per doubt per sweep.
 */
export function sweep(doubts: readonly Doubt[], ctx: TransitionContext): SweepResult {
  const result: SweepResult = { changed: [], notifications: [] };
  for (const original of doubts) {
    const doubt = cloneDoubt(original);
    const before = new Set(doubt.outbox.map((n) => n.id));
    if (!applyScheduledAction(doubt, ctx)) continue;
    result.changed.push(doubt);
    for (const n of doubt.outbox) if (!before.has(n.id)) result.notifications.push({ doubtId: doubt.id, notification: n });
  }
  return result;
}
