import type { Activity, CloudAdapter } from 'botbuilder';
import type { AppStore } from './deps.js';
import type { AdaptiveCard } from '../cards/shared/adaptive-card.js';
import { doubtNotificationCard } from '../cards/doubts/doubt-notification-card.js';
import type { CardToUpdate, DoubtService, OutboxItem } from '../core/doubts/doubt-service.js';
import { isDue, isPending, isPermanentDeliveryFailure } from '../core/doubts/outbox.js';
import type { Doubt, NotificationKind, UserRef } from '../core/doubts/types.js';
import type { Clock } from '../core/shared/clock.js';
import type { Logger } from '../infra/logger.js';
import { cardMessage } from './replies.js';

/** The result of one proactive send. */
export type SendOutcome =
  | { ok: true; activityId?: string }
  | { ok: false; reason: 'no-conversation' }
  | { ok: false; reason: 'failed'; status: number; permanent: boolean; code?: string };

export interface DeliveryReport {
  delivered: number;
  unreachable: number;
  failed: number;
}

/** Proactive messages: the doubts outbox, card updates in place, and one-off messages (invitations). */
export interface Notifier {
  /** Sends each outbox item and records the outcome on the doubt. Never throws. */
  deliver(items: readonly OutboxItem[]): Promise<DeliveryReport>;
  /** Everything of this doubt that is due now (after submit, answer, follow-up). Never throws. */
  deliverFor(doubt: Doubt): Promise<DeliveryReport>;
  /** A user opened the bot: re-key UPN-routed doubts, then deliver what waited for them. Never throws. */
  deliverPendingFor(user: UserRef): Promise<DeliveryReport>;
  /** Replaces earlier cards (by activity id) in their chats. Never throws. */
  updateCards(cards: readonly CardToUpdate[], card: AdaptiveCard): Promise<number>;
  /** One proactive message to a user by id. Never throws. */
  sendTo(userId: string, activity: Partial<Activity>): Promise<SendOutcome>;
  /** Runs `logic` in the user's 1:1 chat (its stored reference), e.g. to answer a personal command sent in a group. Never throws. */
  inPersonalChat(userId: string, logic: (context: import('botbuilder').TurnContext) => Promise<void>): Promise<SendOutcome>;
}

export interface NotifierDeps {
  adapter: CloudAdapter;
  /** Empty in local mode (anonymous Bot Framework). */
  appId: string;
  store: AppStore;
  doubts: DoubtService;
  clock: Clock;
  logger: Logger;
  leaderTerm: string;
}

const SUMMARIES: Record<NotificationKind, string> = {
  'new-doubt': 'Een collega twijfelt over een bericht',
  reminder: 'Herinnering: een collega wacht op je antwoord',
  rerouted: 'Een twijfel is naar jou doorgestuurd',
  'follow-up': 'Een collega heeft nog een vraag',
  answer: 'Antwoord op je twijfel',
  'escalated-asker-notice': 'Je vraag is doorgestuurd',
};

/** How long a delivery claim of an instance that died mid-delivery blocks the others. */
const DELIVERY_CLAIM_TTL_MS = 2 * 60_000;

/**
 * Builds the notifier. Deliveries of one notification never overlap within this process, and with
 * several instances on one database each delivery is claimed by exactly one of them.
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const inFlight = new Set<string>();

  /** The item to send now, re-read under this instance's claim; undefined when another instance has it or did it. */
  async function claim(item: OutboxItem): Promise<OutboxItem | undefined> {
    const locks = deps.store.locks;
    if (!locks) return item;
    const key = `delivery:${item.notification.id}`;
    if (!(await locks.claim(key, DELIVERY_CLAIM_TTL_MS))) return undefined;
    const fresh = await deps.store.doubts.get(item.doubt.id);
    const n = fresh?.outbox.find((x) => x.id === item.notification.id);
    // Unchanged attempts: nobody delivered or failed it since it was listed.
    if (fresh && n && isPending(n) && n.attempts === item.notification.attempts) return { doubt: fresh, notification: n };
    await locks.release(key);
    return undefined;
  }

  /**
   * The chat with a person key. A key `upn:<name>` (a mapping entry named by UPN or e-mail) finds
   * the chat of whoever the member look-up reported with that name, until the record is re-keyed.
   */
  async function conversationOf(key: string) {
    const direct = await deps.store.conversations.get(key).catch(() => undefined);
    if (direct || !key.startsWith('upn:')) return direct;
    const known = await deps.store.identities.get(key.slice(4)).catch(() => undefined);
    return known ? deps.store.conversations.get(known.id).catch(() => undefined) : undefined;
  }

  async function send(userId: string, run: (context: import('botbuilder').TurnContext) => Promise<string | undefined>): Promise<SendOutcome> {
    const record = await conversationOf(userId);
    if (!record) return { ok: false, reason: 'no-conversation' };
    let activityId: string | undefined;
    let failed: { error: unknown } | undefined;
    try {
      await deps.adapter.continueConversationAsync(deps.appId, record.reference, async (context) => {
        // Caught here: the adapter would hand it to onTurnError and swallow it.
        try {
          activityId = await run(context);
        } catch (error) {
          failed = { error };
        }
      });
    } catch (error) {
      failed = { error };
    }
    if (failed) return failureOf(failed.error);
    return activityId ? { ok: true, activityId } : { ok: true };
  }

  /** Delivers one notification; after a failure, `failedOn` gets the doubt as recorded (a reroute may have queued more). */
  async function deliverOne(listed: OutboxItem, report: DeliveryReport, failedOn?: (doubt: Doubt) => void): Promise<void> {
    if (inFlight.has(listed.notification.id)) return;
    inFlight.add(listed.notification.id);
    let item: OutboxItem | undefined;
    try {
      item = await claim(listed);
      if (!item) return;
      const { doubt, notification: n } = item;
      const card = doubtNotificationCard(doubt, n, { leaderTerm: deps.leaderTerm });
      const outcome = await send(n.to, async (context) => (await context.sendActivity(cardMessage(card, SUMMARIES[n.kind])))?.id);
      if (outcome.ok) {
        await deps.doubts.maintenance.markDelivered(doubt.id, n.id, outcome.activityId ? { activityId: outcome.activityId } : {});
        report.delivered++;
      } else if (outcome.reason === 'no-conversation') {
        await deps.doubts.maintenance.markUnreachable(doubt.id, n.id);
        report.unreachable++;
      } else {
        const failure: { status: number; permanent: boolean; code?: string } = { status: outcome.status, permanent: outcome.permanent };
        if (outcome.code) failure.code = outcome.code;
        const result = await deps.doubts.maintenance.markFailed(doubt.id, n.id, failure);
        report.failed++;
        if (result.doubt) failedOn?.(result.doubt);
        deps.logger.warn({ event: 'doubt.delivery-failed', doubtId: doubt.id, notificationId: n.id, kind: n.kind, status: outcome.status, permanent: outcome.permanent, rerouted: result.rerouted });
      }
    } catch (error) {
      // A store error while recording: the sweep tries again later; the turn must go on.
      report.failed++;
      deps.logger.error({ event: 'doubt.delivery-error', doubtId: listed.doubt.id, notificationId: listed.notification.id, err: { name: (error as Error).name, message: (error as Error).message } });
    } finally {
      inFlight.delete(listed.notification.id);
      if (item && deps.store.locks) await deps.store.locks.release(`delivery:${item.notification.id}`).catch(() => undefined);
    }
  }

  async function deliverAll(items: readonly OutboxItem[], failedOn?: (doubt: Doubt) => void): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, unreachable: 0, failed: 0 };
    for (const item of items) await deliverOne(item, report, failedOn);
    return report;
  }

  const notifier: Notifier = {
    deliver: (items) => deliverAll(items),
    async deliverFor(doubt) {
      const now = deps.clock.now();
      const items = doubt.outbox.filter((n) => isDue(n, now)).map((notification) => ({ doubt, notification }));
      const failed: Doubt[] = [];
      const report = await deliverAll(items, (recorded) => failed.push(recorded));
      // A permanent failure may have rerouted the doubt to the next person: deliver that too, once,
      // from the record as the failure was written (no second read).
      const latest = failed.at(-1);
      if (latest) {
        const more = latest.outbox.filter((n) => isDue(n, deps.clock.now()) && n.attempts === 0).map((notification) => ({ doubt: latest, notification }));
        const second = await deliverAll(more);
        report.delivered += second.delivered;
        report.unreachable += second.unreachable;
        report.failed += second.failed;
      }
      return report;
    },
    async deliverPendingFor(user) {
      try {
        await deps.doubts.maintenance.identify(user);
        return await notifier.deliver(await deps.doubts.maintenance.pendingNotificationsFor(user));
      } catch (error) {
        deps.logger.error({ event: 'doubt.pending-error', err: { name: (error as Error).name, message: (error as Error).message } });
        return { delivered: 0, unreachable: 0, failed: 0 };
      }
    },
    async updateCards(cards, card) {
      let updated = 0;
      for (const target of cards) {
        const outcome = await send(target.to, async (context) => {
          await context.updateActivity({ ...cardMessage(card), id: target.activityId });
          return target.activityId;
        });
        if (outcome.ok) updated++;
        else deps.logger.warn({ event: 'doubt.card-update-failed', activityId: target.activityId, reason: outcome.reason });
      }
      return updated;
    },
    async sendTo(userId, activity) {
      return send(userId, async (context) => (await context.sendActivity(activity))?.id);
    },
    async inPersonalChat(userId, logic) {
      return send(userId, async (context) => {
        await logic(context);
        return undefined;
      });
    },
  };
  return notifier;
}

/** Maps a Bot Connector error to a delivery failure; 403/404 mean the chat is gone or the bot was blocked. */
function failureOf(error: unknown): SendOutcome {
  const e = error as { statusCode?: unknown; status?: unknown; code?: unknown; response?: { status?: unknown }; body?: { error?: { code?: unknown } } };
  const raw = e.statusCode ?? e.status ?? e.response?.status;
  const status = typeof raw === 'number' ? raw : 0;
  const codeRaw = e.body?.error?.code ?? e.code;
  const code = typeof codeRaw === 'string' ? codeRaw.slice(0, 60) : undefined;
  const outcome: SendOutcome = { ok: false, reason: 'failed', status, permanent: isPermanentDeliveryFailure(status) };
  if (code) outcome.code = code;
  return outcome;
}
