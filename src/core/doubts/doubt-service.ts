import type { Clock, IdGenerator } from '../shared/clock.js';
import type { KeyValueStore } from '../shared/key-value-store.js';
import { redactPersonalData, type RedactionMatch } from '../privacy/redact.js';
import type { DeletionSummary, PersonalDataProvider, PersonalDataSection } from '../privacy/personal-data.js';
import { checkAnswer, checkText, checkVisible, isAsker, refuse, type Refusal } from './doubt-access.js';
import { applyAnswer, applyFollowUp, assignRouting, cloneDoubt, closeDoubt, createDoubt, currentAnswerer, escalate } from './doubt-lifecycle.js';
import { sanitizeDoubtCase } from './doubt-case.js';
import { exportDoubtSections } from './doubt-export.js';
import { anonymiseForRetention, forgetAssignee, isRetentionExpired, withdrawForAskerDeletion } from './doubt-retention.js';
import type { DoubtStore } from './doubt-store.js';
import { sweep as sweepDoubts } from './doubt-sweep.js';
import type { LeaderDirectory, LedPerson } from './leader-directory.js';
import { withKnownIds, withProfile, type KnownIdentities } from './known-identities.js';
import {
  ANSWERER_KINDS,
  addHistory,
  findNotification,
  isDue,
  isPending,
  recordDelivered,
  recordFailed,
  type DeliveryFailure,
  type TransitionContext,
} from './outbox.js';
import {
  DEFAULT_DOUBT_SETTINGS,
  awaitsAnswer,
  userKeys,
  type Doubt,
  type DoubtCase,
  type DoubtSettings,
  type Notification,
  type Person,
  type Routing,
  type UserRef,
} from './types.js';

export interface DoubtServiceDeps {
  store: DoubtStore<Doubt>;
  clock: Clock;
  newId: IdGenerator;
  directory: LeaderDirectory;
  settings?: Partial<DoubtSettings>;
  /**
   * Whether the bot can write to this person now (it has their conversation reference).
   * Used only to tell the asker honestly what happens next; default: assume reachable.
   */
  canReach?: (personKey: string) => boolean | Promise<boolean>;
  /**
   * Sign-in names (UPN, e-mail) the bot has learned → object ids. With it, a leidinggevende named
   * by UPN in the mapping is routed by object id once they have opened the bot.
   */
  identities?: KnownIdentities;
  /**
   * Doubt id → closedAt of closed, not yet anonymised doubts. The retention sweep walks its keys,
   * because the doubt store only lists open doubts. Without it, only stale open doubts are anonymised.
   */
  closedIndex?: KeyValueStore<string>;
  /**
   * A lock per doubt shared by every instance on one database, so two instances changing one doubt
   * at the same moment take turns instead of one overwriting the other. Without it, the lock is
   * this process's own (one process per DATA_DIR).
   */
  sharedLock?: <T>(key: string, work: () => Promise<T>) => Promise<T>;
  /** Audit hook for logs: ids and event names only, never text. */
  onEvent?: (event: DoubtEvent) => void;
}

/** A log-safe event. */
export interface DoubtEvent {
  event: string;
  doubtId: string;
  actor?: string;
  detail?: string;
}

/**
 * What the asker is told before and after sending:
 * - `direct`: the recipient has opened the bot and gets it now;
 * - `waiting`: the recipient is known but has never opened the bot; it is delivered when they do,
 *   or goes to the deputy/Communicatie after the reminder period;
 * - `no-recipient`: nobody is known; the doubt is kept and the asker should also ask in person.
 */
export type DeliveryOutlook = 'direct' | 'waiting' | 'no-recipient';

export interface DoubtPreview {
  ok: true;
  text: string;
  case?: DoubtCase;
  /** Who will receive it first, and in which role. */
  recipient?: Person;
  recipientRole: 'leader' | 'communicatie' | 'none';
  /** True when the asker is their own leidinggevende (demo setup). */
  selfRouted: boolean;
  outlook: DeliveryOutlook;
  /** Phone numbers and e-mail addresses found in the text or draft. */
  detected: RedactionMatch[];
}

export interface SubmitResult {
  ok: true;
  doubt: Doubt;
  outlook: DeliveryOutlook;
  recipientRole: DoubtPreview['recipientRole'];
}

/** A notification with the doubt it belongs to, for the shell to render and send. */
export interface OutboxItem {
  doubt: Doubt;
  notification: Notification;
}

/** A delivered card that should now show the outcome (update the activity in place). */
export interface CardToUpdate {
  to: string;
  activityId: string;
}

export interface AnswerResult {
  ok: true;
  doubt: Doubt;
  cardsToUpdate: CardToUpdate[];
}

export interface SweepReport {
  rerouted: number;
  changed: number;
  notifications: OutboxItem[];
}

/**
 * The doubts life cycle behind the Teams handlers. Every method re-reads the record, checks the
 * actor against it, applies a pure transition and stores the whole record; new notifications land
 * in the record's outbox for the shell to deliver and acknowledge.
 */
export class DoubtService {
  readonly settings: DoubtSettings;
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: DoubtServiceDeps) {
    this.settings = { ...DEFAULT_DOUBT_SETTINGS, ...deps.settings };
  }

  private ctx(): TransitionContext {
    return { now: this.deps.clock.now(), newId: this.deps.newId, settings: this.settings };
  }

  private emit(event: string, doubtId: string, actor?: string, detail?: string): void {
    const e: DoubtEvent = { event, doubtId };
    if (actor !== undefined) e.actor = actor;
    if (detail !== undefined) e.detail = detail;
    this.deps.onEvent?.(e);
  }

  /**
   * Serialises changes per doubt within this process (card clicks and sweeps may overlap), and
   * across instances with the shared lock: every change re-reads the doubt inside it.
   */
  private async withLock<T>(id: string, work: () => Promise<T>): Promise<T> {
    const shared = this.deps.sharedLock;
    const fn = shared ? () => shared(`doubt:${id}`, work) : work;
    const previous = this.locks.get(id) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(id, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(id) === settled) this.locks.delete(id);
    }
  }

  private async save(doubt: Doubt): Promise<void> {
    await this.deps.store.put(doubt);
    const index = this.deps.closedIndex;
    if (!index) return;
    if (!doubt.open && !doubt.anonymisedAt && doubt.closedAt) await index.put(doubt.id, doubt.closedAt);
    else if (doubt.anonymisedAt) await index.delete(doubt.id);
  }

  private async reachable(person: Person | undefined): Promise<boolean> {
    if (!person) return false;
    return this.deps.canReach ? await this.deps.canReach(person.key) : true;
  }

  /** The directory's routing for this user, with people named by UPN upgraded to their object id when known. */
  private async route(asker: UserRef): Promise<Routing> {
    const identities = this.deps.identities;
    return withKnownIds(await this.deps.directory.resolve(await withProfile(asker, identities)), identities);
  }

  private async outlookFor(routing: Routing): Promise<Pick<DoubtPreview, 'recipient' | 'recipientRole' | 'outlook'>> {
    const recipient = routing.leader ?? routing.communicatie;
    if (!recipient) return { recipientRole: 'none', outlook: 'no-recipient' };
    return {
      recipient,
      recipientRole: routing.leader ? 'leader' : 'communicatie',
      outlook: (await this.reachable(recipient)) ? 'direct' : 'waiting',
    };
  }

  /** Checks the text and tells who would receive it; nothing is stored. */
  async preview(asker: UserRef, text: unknown, caseInput?: unknown): Promise<DoubtPreview | Refusal> {
    const checked = checkText(text, this.settings.maxTextLength);
    if (!checked.ok) return checked;
    const doubtCase = sanitizeDoubtCase(caseInput, this.settings.maxTextLength);
    const routing = await this.route(asker);
    const detected = [...redactPersonalData(checked.text).removed, ...redactPersonalData(doubtCase?.draftText ?? '').removed];
    const preview: DoubtPreview = {
      ok: true,
      text: checked.text,
      selfRouted: routing.source === 'self' || routing.leader?.key === asker.id,
      detected,
      ...(await this.outlookFor(routing)),
    };
    if (doubtCase) preview.case = doubtCase;
    return preview;
  }

  /** Records the doubt and queues it for the recipient. Never drops it, even when nobody is known. */
  async submit(asker: UserRef, text: unknown, caseInput?: unknown): Promise<SubmitResult | Refusal> {
    const checked = checkText(text, this.settings.maxTextLength);
    if (!checked.ok) return checked;
    const doubtCase = sanitizeDoubtCase(caseInput, this.settings.maxTextLength);
    const routing = await this.route(asker);
    const input: Parameters<typeof createDoubt>[0] = { id: this.deps.newId(), asker, text: checked.text, routing };
    if (doubtCase) input.case = doubtCase;
    const doubt = createDoubt(input, this.ctx());
    await this.save(doubt);
    const { outlook, recipientRole } = await this.outlookFor(routing);
    this.emit('doubt.submitted', doubt.id, asker.id, `${routing.source} ${doubt.stage}`);
    return { ok: true, doubt, outlook, recipientRole };
  }

  /** A doubt the user may see (asker or assignee), or a refusal that does not reveal whether it exists. */
  async get(user: UserRef, doubtId: string): Promise<Doubt | Refusal> {
    const doubt = await this.deps.store.get(doubtId);
    return checkVisible(user, doubt) ?? doubt!;
  }

  /** The assignee's answer from the card; every field is checked against the stored record. */
  async answer(actor: UserRef, doubtId: unknown, decision: unknown, comment?: unknown): Promise<AnswerResult | Refusal> {
    if (typeof doubtId !== 'string' || doubtId === '') return checkAnswer(actor, undefined, decision, comment, this.settings) as Refusal;
    return this.withLock(doubtId, async () => {
      const stored = await this.deps.store.get(doubtId);
      const checked = checkAnswer(actor, stored, decision, comment, this.settings);
      if (!checked.ok) {
        this.emit('doubt.answer-refused', doubtId, actor.id, checked.reason);
        return checked;
      }
      const doubt = cloneDoubt(stored!);
      applyAnswer(doubt, checked.person, checked.decision, checked.comment, this.ctx());
      await this.save(doubt);
      this.emit('doubt.answered', doubt.id, checked.person.key, checked.decision);
      const cardsToUpdate = doubt.outbox
        .filter((n) => ANSWERER_KINDS.has(n.kind) && n.activityId !== undefined)
        .map((n) => ({ to: n.to, activityId: n.activityId! }));
      return { ok: true, doubt, cardsToUpdate };
    });
  }

  /** The asker's follow-up question; goes back to whoever answered, on the same record. */
  async followUp(asker: UserRef, doubtId: string, text: unknown): Promise<{ ok: true; doubt: Doubt } | Refusal> {
    return this.withLock(doubtId, async () => {
      const stored = await this.deps.store.get(doubtId);
      if (!stored || !isAsker(asker, stored)) return checkVisible(asker, undefined)!;
      if (!stored.open) return refuse('closed', 'Deze twijfel is al afgesloten. Stel je vraag opnieuw met "leg voor aan mijn leidinggevende".');
      if (stored.status !== 'answered') return refuse('not-awaiting-answer', 'Er is nog geen antwoord op je twijfel. Je krijgt bericht zodra dat er is.');
      const checked = checkText(text, this.settings.maxTextLength);
      if (!checked.ok) return checked;
      const doubt = cloneDoubt(stored);
      applyFollowUp(doubt, checked.text, this.ctx());
      await this.save(doubt);
      this.emit('doubt.follow-up', doubt.id, asker.id);
      return { ok: true, doubt };
    });
  }

  /** The asker's "Opgelost". */
  async resolve(asker: UserRef, doubtId: string): Promise<{ ok: true; doubt: Doubt } | Refusal> {
    return this.withLock(doubtId, async () => {
      const stored = await this.deps.store.get(doubtId);
      if (!stored || !isAsker(asker, stored)) return checkVisible(asker, undefined)!;
      if (!stored.open) return refuse('closed', 'Deze twijfel was al afgesloten.');
      const doubt = cloneDoubt(stored);
      closeDoubt(doubt, this.ctx(), asker.id, 'resolved', 'resolved');
      await this.save(doubt);
      this.emit('doubt.resolved', doubt.id, asker.id);
      return { ok: true, doubt };
    });
  }

  /** "mijn vragen": the asker's own doubts, newest first. */
  async listMine(asker: UserRef): Promise<Doubt[]> {
    const mine = await this.deps.store.listByAsker(asker.id);
    return mine.filter((d) => d.askerId === asker.id).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** "openstaande twijfels": doubts waiting for this user's answer, oldest first. */
  async listOpenFor(leader: UserRef): Promise<Doubt[]> {
    const keys = userKeys(leader);
    const found = new Map<string, Doubt>();
    for (const key of keys) for (const d of await this.deps.store.listByAssignee(key)) found.set(d.id, d);
    return [...found.values()]
      .filter((d) => d.open && awaitsAnswer(d) && d.assigneeIds.some((k) => keys.includes(k)))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * Call when a user talks to the bot (with the UPN and e-mail from the member look-up): doubts
   * routed to their UPN or e-mail (from the mapping file) are re-keyed to their object id, so
   * access checks and delivery work by id from now on.
   */
  async identify(user: UserRef): Promise<number> {
    let count = 0;
    for (const oldKey of userKeys(user)) {
      if (oldKey === user.id) continue;
      const doubts = await this.deps.store.listByAssignee(oldKey);
      for (const d of doubts) {
        await this.withLock(d.id, async () => {
          const fresh = await this.deps.store.get(d.id);
          if (!fresh) return;
          await this.save(rekey(fresh, oldKey, user));
        });
      }
      count += doubts.length;
    }
    return count;
  }

  /**
   * The people this user is leidinggevende of, by the same directory that routes doubts (mapping,
   * Graph, or the demo's self-routing); undefined when they lead nobody. A member named by UPN or
   * e-mail is given as their object id once the bot knows it, since progress is kept by id.
   */
  async peopleLedBy(user: UserRef): Promise<Array<LedPerson & { id: string }> | undefined> {
    const identities = this.deps.identities;
    const people = await this.deps.directory.peopleOf(await withProfile(user, identities));
    if (!people) return undefined;
    const result: Array<LedPerson & { id: string }> = [];
    for (const p of people) {
      const id = p.member.includes('@') ? ((await identities?.objectIdFor(p.member)) ?? p.member) : p.member;
      result.push({ ...p, id });
    }
    return result;
  }

  /**
   * Undelivered notifications for a user who just opened the bot, including ones given up
   * earlier (they are reachable now). Oldest first.
   */
  async pendingNotificationsFor(user: UserRef): Promise<OutboxItem[]> {
    const keys = userKeys(user);
    const doubts = new Map<string, Doubt>();
    for (const d of await this.deps.store.listByAsker(user.id)) doubts.set(d.id, d);
    for (const key of keys) for (const d of await this.deps.store.listByAssignee(key)) doubts.set(d.id, d);
    const items: OutboxItem[] = [];
    for (const doubt of doubts.values()) {
      for (const n of doubt.outbox) if (keys.includes(n.to) && isPending(n)) items.push({ doubt, notification: n });
    }
    return items.sort((a, b) => a.notification.createdAt.localeCompare(b.notification.createdAt));
  }

  /** Notifications the periodic sweep should try now (not given up, back-off elapsed). Oldest first. */
  async dueNotifications(): Promise<OutboxItem[]> {
    const now = this.deps.clock.now();
    const items: OutboxItem[] = [];
    for (const doubt of await this.deps.store.listOpen()) {
      for (const n of doubt.outbox) if (isDue(n, now)) items.push({ doubt, notification: n });
    }
    return items.sort((a, b) => a.notification.createdAt.localeCompare(b.notification.createdAt));
  }

  /** The shell delivered a notification; `activityId` lets the card be updated in place later. */
  async markDelivered(doubtId: string, notificationId: string, details: { activityId?: string } = {}): Promise<boolean> {
    return this.withLock(doubtId, async () => {
      const stored = await this.deps.store.get(doubtId);
      const doubt = stored ? cloneDoubt(stored) : undefined;
      const n = doubt ? findNotification(doubt, notificationId) : undefined;
      if (!doubt || !n) return false;
      recordDelivered(doubt, this.ctx(), n, details.activityId);
      await this.save(doubt);
      this.emit('doubt.delivered', doubtId, undefined, n.kind);
      return true;
    });
  }

  /**
   * The shell has no conversation with this person yet (they never opened the bot). The
   * notification is parked: not retried by the periodic sweep, delivered by
   * {@link pendingNotificationsFor} when they open the bot; the reminder schedule reroutes meanwhile.
   */
  async markUnreachable(doubtId: string, notificationId: string): Promise<boolean> {
    return this.withLock(doubtId, async () => {
      const stored = await this.deps.store.get(doubtId);
      const doubt = stored ? cloneDoubt(stored) : undefined;
      const n = doubt ? findNotification(doubt, notificationId) : undefined;
      if (!doubt || !n || !isPending(n)) return false;
      if (n.givenUpAt !== undefined && n.lastError === 'no-conversation') return true;
      n.lastError = 'no-conversation';
      n.givenUpAt = this.deps.clock.now().toISOString();
      delete n.nextAttemptAt;
      addHistory(doubt, this.ctx(), 'system', 'delivery-parked', `${n.kind} ${n.id}`);
      await this.save(doubt);
      this.emit('doubt.delivery-parked', doubtId, undefined, n.kind);
      return true;
    });
  }

  /**
   * The shell could not deliver. Transient failures are retried with back-off; a permanent
   * failure (or too many attempts) on a doubt still waiting for that person reroutes it at once.
   */
  async markFailed(doubtId: string, notificationId: string, failure: DeliveryFailure): Promise<{ found: boolean; gaveUp: boolean; rerouted: boolean }> {
    return this.withLock(doubtId, async () => {
      const stored = await this.deps.store.get(doubtId);
      const doubt = stored ? cloneDoubt(stored) : undefined;
      const n = doubt ? findNotification(doubt, notificationId) : undefined;
      if (!doubt || !n) return { found: false, gaveUp: false, rerouted: false };
      const ctx = this.ctx();
      const gaveUp = recordFailed(doubt, ctx, n, failure);
      let rerouted = false;
      if (gaveUp && doubt.open && awaitsAnswer(doubt) && ANSWERER_KINDS.has(n.kind) && currentAnswerer(doubt)?.key === n.to) {
        rerouted = escalate(doubt, ctx, 'delivery-failed');
      }
      await this.save(doubt);
      this.emit(gaveUp ? 'doubt.delivery-given-up' : 'doubt.delivery-failed', doubtId, undefined, `${n.kind} ${n.lastError}`);
      return { found: true, gaveUp, rerouted };
    });
  }

  /**
   * Periodic job: routes doubts that had nobody (the mapping may have been fixed), then runs
   * due reminders, reroutes and auto-closes. Returns the new notifications to deliver.
   */
  async sweep(): Promise<SweepReport> {
    let rerouted = 0;
    for (const open of await this.deps.store.listOpen()) {
      if (open.stage !== 'unassigned' || !awaitsAnswer(open)) continue;
      const routing = await this.route(open.asker);
      if (!routing.leader && !routing.communicatie) continue;
      await this.withLock(open.id, async () => {
        const fresh = await this.deps.store.get(open.id);
        if (!fresh || fresh.stage !== 'unassigned') return;
        const doubt = cloneDoubt(fresh);
        assignRouting(doubt, routing, this.ctx());
        doubt.updatedAt = this.deps.clock.now().toISOString();
        await this.save(doubt);
        rerouted++;
        this.emit('doubt.routed-late', doubt.id, undefined, routing.source);
      });
    }
    const open = await this.deps.store.listOpen();
    const seen = new Map(open.map((d) => [d.id, d.updatedAt]));
    const result = sweepDoubts(open, this.ctx());
    const notifications: OutboxItem[] = [];
    let changed = 0;
    for (const doubt of result.changed) {
      await this.withLock(doubt.id, async () => {
        const fresh = await this.deps.store.get(doubt.id);
        // Changed since we read it (an answer came in): skip; the next sweep looks again.
        if (!fresh || fresh.updatedAt !== seen.get(doubt.id)) return;
        await this.save(doubt);
        changed++;
        this.emit('doubt.swept', doubt.id, undefined, doubt.history.at(-1)?.event);
        for (const r of result.notifications) if (r.doubtId === doubt.id) notifications.push({ doubt, notification: r.notification });
      });
    }
    return { rerouted, changed, notifications };
  }

  /** Retention: anonymises doubts closed (or untouched) longer than `retentionMonths`. Returns how many. */
  async anonymiseExpired(): Promise<number> {
    const now = this.deps.clock.now();
    const candidates = new Map<string, Doubt>();
    for (const d of await this.deps.store.listOpen()) candidates.set(d.id, d);
    const index = this.deps.closedIndex;
    if (index) {
      for (const id of await index.keys()) {
        const d = await this.deps.store.get(id);
        if (d) candidates.set(id, d);
        else await index.delete(id);
      }
    }
    let count = 0;
    for (const d of candidates.values()) {
      if (!isRetentionExpired(d, now, this.settings.retentionMonths)) continue;
      await this.withLock(d.id, async () => {
        const fresh = await this.deps.store.get(d.id);
        if (!fresh || !isRetentionExpired(fresh, now, this.settings.retentionMonths)) return;
        const doubt = cloneDoubt(fresh);
        anonymiseForRetention(doubt, this.ctx());
        await this.save(doubt);
        count++;
        this.emit('doubt.anonymised', doubt.id);
      });
    }
    return count;
  }

  /** "mijn gegevens": doubts the user asked and doubts assigned to them. */
  async exportUserData(user: UserRef): Promise<PersonalDataSection[]> {
    const asked = await this.deps.store.listByAsker(user.id);
    const keys = userKeys(user);
    const assigned = new Map<string, Doubt>();
    for (const key of keys) for (const d of await this.deps.store.listByAssignee(key)) assigned.set(d.id, d);
    return exportDoubtSections(user, asked.filter((d) => d.askerId === user.id), [...assigned.values()], this.settings);
  }

  /**
   * "verwijder mijn gegevens": the user's own doubts are deleted, except open ones someone else
   * still holds (those are withdrawn and anonymised); as an assignee their identity is removed and
   * waiting doubts move to the next person.
   */
  async deleteUserData(user: UserRef): Promise<DeletionSummary> {
    const summary: DeletionSummary = { source: 'doubts', deleted: 0, anonymised: 0 };
    for (const d of await this.deps.store.listByAsker(user.id)) {
      if (d.askerId !== user.id) continue;
      await this.withLock(d.id, async () => {
        const fresh = await this.deps.store.get(d.id);
        if (!fresh) return;
        if (fresh.open && fresh.assigneeIds.length > 0) {
          const doubt = cloneDoubt(fresh);
          withdrawForAskerDeletion(doubt, this.ctx());
          await this.save(doubt);
          summary.anonymised++;
        } else {
          await this.deps.store.delete(d.id);
          await this.deps.closedIndex?.delete(d.id);
          summary.deleted++;
        }
      });
    }
    const keys = userKeys(user);
    const assigned = new Map<string, Doubt>();
    for (const key of keys) for (const d of await this.deps.store.listByAssignee(key)) assigned.set(d.id, d);
    for (const d of assigned.values()) {
      await this.withLock(d.id, async () => {
        const fresh = await this.deps.store.get(d.id);
        if (!fresh) return;
        const doubt = cloneDoubt(fresh);
        forgetAssignee(doubt, keys, this.ctx());
        await this.save(doubt);
        summary.anonymised++;
      });
    }
    this.emit('doubt.user-data-deleted', '-', undefined, `${summary.deleted} deleted, ${summary.anonymised} anonymised`);
    return summary;
  }

  /** The doubts part of "mijn gegevens" / "verwijder mijn gegevens", for the shell's provider list. */
  asPersonalDataProvider(): PersonalDataProvider {
    return { source: 'doubts', exportFor: (u) => this.exportUserData(u), deleteFor: (u) => this.deleteUserData(u) };
  }
}

/** Replaces a UPN key by the user's object id throughout the record. */
function rekey(stored: Doubt, oldKey: string, user: UserRef): Doubt {
  const doubt = cloneDoubt(stored);
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
  return doubt;
}
