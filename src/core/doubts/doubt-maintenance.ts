import { assignRouting, currentAnswerer, escalate } from './doubt-lifecycle.js';
import type { DoubtRecords } from './doubt-records.js';
import { keep, write } from './doubt-records.js';
import { anonymiseForRetention, isRetentionExpired } from './doubt-retention.js';
import { sweep as sweepDoubts } from './doubt-sweep.js';
import { ANSWERER_KINDS, findNotification, isDue, isPending, recordDelivered, recordFailed, recordUnreachable, type DeliveryFailure } from './outbox.js';
import { awaitsAnswer, userKeys, type Doubt, type Notification, type Person, type UserRef } from './types.js';

/** A notification with the doubt it belongs to, for the shell to render and send. */
export interface OutboxItem {
  doubt: Doubt;
  notification: Notification;
}

export interface SweepReport {
  rerouted: number;
  changed: number;
  notifications: OutboxItem[];
}

export interface FailureResult {
  found: boolean;
  gaveUp: boolean;
  rerouted: boolean;
  /** The doubt as written, so the shell can deliver what a reroute queued without reading it again. */
  doubt?: Doubt;
}

/**
 * The outbox and maintenance side of doubts: what the shell delivers and how it went, identities
 * learned later, the periodic sweep and retention. The user's own commands are in doubt-service.ts.
 */
export class DoubtMaintenance {
  constructor(private readonly records: DoubtRecords) {}

  /**
   * Call when a user talks to the bot (with the UPN and e-mail from the member look-up): doubts
   * routed to their UPN or e-mail (from the mapping file) are re-keyed to their object id, so
   * access checks and delivery work by id from now on.
   */
  async identify(user: UserRef): Promise<number> {
    let count = 0;
    for (const oldKey of userKeys(user)) {
      if (oldKey === user.id) continue;
      const doubts = await this.records.deps.store.listByAssignee(oldKey);
      for (const d of doubts) {
        await this.records.mutate(d.id, (doubt) => {
          if (!doubt) return keep(undefined);
          rekey(doubt, oldKey, user);
          return write(undefined);
        });
      }
      count += doubts.length;
    }
    return count;
  }

  /**
   * Undelivered notifications for a user who just opened the bot, including ones given up
   * earlier (they are reachable now). Oldest first.
   */
  async pendingNotificationsFor(user: UserRef): Promise<OutboxItem[]> {
    const keys = userKeys(user);
    const { asked, assigned } = await this.records.doubtsOf(user);
    const doubts = new Map<string, Doubt>();
    for (const d of [...asked, ...assigned]) doubts.set(d.id, d);
    const items: OutboxItem[] = [];
    for (const doubt of doubts.values()) {
      for (const n of doubt.outbox) if (keys.includes(n.to) && isPending(n)) items.push({ doubt, notification: n });
    }
    return byCreation(items);
  }

  /** Notifications the periodic sweep should try now (not given up, back-off elapsed). Oldest first. */
  async dueNotifications(): Promise<OutboxItem[]> {
    const now = this.records.deps.clock.now();
    const items: OutboxItem[] = [];
    for (const doubt of await this.records.deps.store.listOpen()) {
      for (const n of doubt.outbox) if (isDue(n, now)) items.push({ doubt, notification: n });
    }
    return byCreation(items);
  }

  /** The shell delivered a notification; `activityId` lets the card be updated in place later. */
  markDelivered(doubtId: string, notificationId: string, details: { activityId?: string } = {}): Promise<boolean> {
    return this.records.mutate(doubtId, (doubt) => {
      const n = doubt ? findNotification(doubt, notificationId) : undefined;
      if (!doubt || !n) return keep(false);
      recordDelivered(doubt, this.records.ctx(), n, details.activityId);
      this.records.emit('doubt.delivered', doubtId, undefined, n.kind);
      return write(true);
    });
  }

  /**
   * The shell has no conversation with this person yet (they never opened the bot). The
   * notification is parked: not retried by the periodic sweep, delivered by
   * {@link pendingNotificationsFor} when they open the bot; the reminder schedule reroutes meanwhile.
   */
  markUnreachable(doubtId: string, notificationId: string): Promise<boolean> {
    return this.records.mutate(doubtId, (doubt) => {
      const n = doubt ? findNotification(doubt, notificationId) : undefined;
      if (!doubt || !n || !isPending(n)) return keep(false);
      if (!recordUnreachable(doubt, this.records.ctx(), n)) return keep(true);
      this.records.emit('doubt.delivery-parked', doubtId, undefined, n.kind);
      return write(true);
    });
  }

  /**
   * The shell could not deliver. Transient failures are retried with back-off; a permanent
   * failure (or too many attempts) on a doubt still waiting for that person reroutes it at once.
   */
  markFailed(doubtId: string, notificationId: string, failure: DeliveryFailure): Promise<FailureResult> {
    return this.records.mutate<FailureResult>(doubtId, (doubt) => {
      const n = doubt ? findNotification(doubt, notificationId) : undefined;
      if (!doubt || !n) return keep({ found: false, gaveUp: false, rerouted: false });
      const ctx = this.records.ctx();
      const gaveUp = recordFailed(doubt, ctx, n, failure);
      let rerouted = false;
      if (gaveUp && doubt.open && awaitsAnswer(doubt) && ANSWERER_KINDS.has(n.kind) && currentAnswerer(doubt)?.key === n.to) {
        rerouted = escalate(doubt, ctx, 'delivery-failed');
      }
      this.records.emit(gaveUp ? 'doubt.delivery-given-up' : 'doubt.delivery-failed', doubtId, undefined, `${n.kind} ${n.lastError}`);
      return write({ found: true, gaveUp, rerouted, doubt });
    });
  }

  /**
   * Periodic job: routes doubts that had nobody (the mapping may have been fixed), then runs
   * due reminders, reroutes and auto-closes. Returns the new notifications to deliver.
   */
  async sweep(): Promise<SweepReport> {
    const { records } = this;
    let rerouted = 0;
    for (const open of await records.deps.store.listOpen()) {
      if (open.stage !== 'unassigned' || !awaitsAnswer(open)) continue;
      const routing = await records.route(open.asker);
      if (!routing.leader && !routing.communicatie) continue;
      await records.mutate(open.id, (doubt) => {
        if (!doubt || doubt.stage !== 'unassigned') return keep(undefined);
        assignRouting(doubt, routing, records.ctx());
        doubt.updatedAt = records.deps.clock.now().toISOString();
        rerouted++;
        records.emit('doubt.routed-late', doubt.id, undefined, routing.source);
        return write(undefined);
      });
    }
    const open = await records.deps.store.listOpen();
    const seen = new Map(open.map((d) => [d.id, d.updatedAt]));
    const result = sweepDoubts(open, records.ctx());
    const notifications: OutboxItem[] = [];
    let changed = 0;
    for (const swept of result.changed) {
      await records.mutate(swept.id, (fresh) => {
        // Changed since we read it (an answer came in): skip; the next sweep looks again.
        if (!fresh || fresh.updatedAt !== seen.get(swept.id)) return keep(undefined);
        changed++;
        records.emit('doubt.swept', swept.id, undefined, swept.history.at(-1)?.event);
        for (const r of result.notifications) if (r.doubtId === swept.id) notifications.push({ doubt: swept, notification: r.notification });
        return write(undefined, swept);
      });
    }
    return { rerouted, changed, notifications };
  }

  /** Retention: anonymises doubts closed (or untouched) longer than `retentionMonths`. Returns how many. */
  async anonymiseExpired(): Promise<number> {
    const { records } = this;
    const now = records.deps.clock.now();
    const months = records.settings.retentionMonths;
    const candidates = new Map<string, Doubt>();
    for (const d of await records.deps.store.listOpen()) candidates.set(d.id, d);
    const index = records.deps.closedIndex;
    if (index) {
      for (const id of await index.keys()) {
        const d = await records.get(id);
        if (d) candidates.set(id, d);
        else await index.delete(id);
      }
    }
    let count = 0;
    for (const d of candidates.values()) {
      if (!isRetentionExpired(d, now, months)) continue;
      await records.mutate(d.id, (doubt) => {
        if (!doubt || !isRetentionExpired(doubt, now, months)) return keep(undefined);
        anonymiseForRetention(doubt, records.ctx());
        count++;
        records.emit('doubt.anonymised', doubt.id);
        return write(undefined);
      });
    }
    return count;
  }
}

function byCreation(items: OutboxItem[]): OutboxItem[] {
  return items.sort((a, b) => a.notification.createdAt.localeCompare(b.notification.createdAt));
}

/** Replaces a UPN key by the user's object id throughout the record. */
function rekey(doubt: Doubt, oldKey: string, user: UserRef): void {
  const swap = (k: string) => (k === oldKey ? user.id : k);
  const upgrade = (p: Person | undefined) => (p && p.key === oldKey ? { ...p, key: user.id, id: user.id } : p);
  doubt.assigneeIds = doubt.assigneeIds.map(swap);
  doubt.assignees = doubt.assignees.map((p) => upgrade(p)!);
  const leader = upgrade(doubt.leader);
  if (leader) doubt.leader = leader;
  const deputy = upgrade(doubt.deputy);
  if (deputy) doubt.deputy = deputy;
  const communicatie = upgrade(doubt.communicatie);
  if (communicatie) doubt.communicatie = communicatie;
  for (const n of doubt.outbox) n.to = swap(n.to);
  for (const m of doubt.messages) m.authorKey = swap(m.authorKey);
  for (const h of doubt.history) h.actor = swap(h.actor);
  if (doubt.answeredBy) doubt.answeredBy = swap(doubt.answeredBy);
}
