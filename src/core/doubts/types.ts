import type { StoredDoubt } from './doubt-store.js';

/**
 * A Teams user as the shell knows them: `id` is the AAD object id (or the Teams user id in local
 * mode). Activities carry only the ids; `upn` and `email` come from the member look-up.
 */
export interface UserRef {
  id: string;
  upn?: string;
  email?: string;
  name?: string;
}

/**
 * Someone a doubt can be routed to. `key` is what lands in `assigneeIds` and in `Notification.to`:
 * the AAD object id when known, otherwise `upn:<lower-case upn>` until the person opens the bot
 * (see {@link userKeys} and `DoubtService.identify`).
 */
export interface Person {
  key: string;
  id?: string;
  upn?: string;
  name?: string;
}

/** The leader's answer options, in card order. */
export const DECISIONS = ['approve', 'reject', 'adjust', 'discuss', 'forward'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Dutch labels for decisions, shared by cards and lists. */
export const DECISION_LABELS: Record<Decision, string> = {
  approve: 'Mag geplaatst worden',
  reject: 'Niet plaatsen',
  adjust: 'Aanpassen',
  discuss: 'Bespreek ik persoonlijk',
  forward: 'Doorgestuurd naar Communicatie',
};

export type DoubtStatus =
  /** Waiting for an answer (from the leader, deputy or Communicatie). */
  | 'waiting'
  /** Answered; the asker may resolve it or ask a follow-up. */
  | 'answered'
  /** The asker asked a follow-up; waiting for the leader again. */
  | 'follow-up'
  | 'resolved'
  /** Closed without the asker's "Opgelost": answered and left alone, withdrawn or expired. */
  | 'closed';

/** Where the doubt currently sits on the escalation ladder. */
export type DoubtStage = 'unassigned' | 'leader' | 'deputy' | 'communicatie';

/** A rule the posting dialog cited (same shape as the answering core's citations). */
export interface CitedRule {
  id: string;
  citation: string;
  quote: string;
}

/** Context handed over from the "mag ik dit posten?" dialog. */
export interface DoubtCase {
  draftText?: string;
  answers?: Array<{ question: string; answer: string }>;
  verdict?: string;
  rules?: CitedRule[];
}

export type NotificationKind =
  /** The doubt itself, to a (new) assignee. */
  | 'new-doubt'
  /** The doubt again, because it is still unanswered. */
  | 'reminder'
  /** The doubt, to a deputy or Communicatie after rerouting or forwarding. */
  | 'rerouted'
  /** The asker's follow-up question, to the leader who answered. */
  | 'follow-up'
  /** The leader's answer, to the asker. */
  | 'answer'
  /** Tells the asker the doubt moved to someone else. */
  | 'escalated-asker-notice';

/** One message the shell must deliver proactively. Kept on the doubt so nothing is lost across restarts. */
export interface Notification {
  id: string;
  /** Person key (see {@link Person.key}). */
  to: string;
  kind: NotificationKind;
  createdAt: string;
  attempts: number;
  lastAttemptAt?: string;
  lastError?: string;
  /** Earliest time the periodic sweep should try again after a transient failure. */
  nextAttemptAt?: string;
  deliveredAt?: string;
  /** Teams activity id of the delivered card, so it can be updated in place. */
  activityId?: string;
  /** Set after a permanent failure or too many attempts; delivered only when the person opens the bot. */
  givenUpAt?: string;
  /** No longer worth delivering (the doubt moved on); never delivered. */
  supersededAt?: string;
}

export type MessageKind = 'doubt' | 'follow-up' | 'answer';

/** A text in the conversation about the doubt. Texts are personal data: retention empties them. */
export interface DoubtMessage {
  id: string;
  kind: MessageKind;
  /** Person key of the author. */
  authorKey: string;
  authorName?: string;
  text: string;
  decision?: Decision;
  at: string;
}

/** Audit trail entry: who did what when. Never contains message text. */
export interface HistoryEntry {
  at: string;
  /** Person key, or 'system' for sweeps and retention. */
  actor: string;
  event: string;
  detail?: string;
}

export type NextAction = 'remind' | 'reroute' | 'auto-close';

/** The full doubt record. Stored as-is by any {@link DoubtStore}. */
export interface Doubt extends StoredDoubt {
  asker: UserRef;
  createdAt: string;
  updatedAt: string;
  status: DoubtStatus;
  stage: DoubtStage;
  /** How the leader was found ('mapping', 'graph', 'self' or 'none'). */
  routingSource: RoutingSource;
  leader?: Person;
  deputy?: Person;
  communicatie?: Person;
  /** Everyone in `assigneeIds`, with names for display. */
  assignees: Person[];
  messages: DoubtMessage[];
  case?: DoubtCase;
  lastDecision?: Decision;
  /** Person key of whoever answered last; follow-ups go to them. */
  answeredBy?: string;
  nextAction?: NextAction;
  nextActionAt?: string;
  remindersSent: number;
  outbox: Notification[];
  history: HistoryEntry[];
  closedAt?: string;
  anonymisedAt?: string;
}

export type RoutingSource = 'mapping' | 'graph' | 'self' | 'none';

/** Who should receive a user's doubts. */
export interface Routing {
  source: RoutingSource;
  leader?: Person;
  deputy?: Person;
  communicatie?: Person;
  /** Why a source gave no leader (for logs; no personal data). */
  notes: string[];
}

/** Settings for reminders and retention; all counts are positive whole numbers. */
export interface DoubtSettings {
  reminderWorkingDays: number;
  escalationWorkingDays: number;
  retentionMonths: number;
  /** Answered doubts the asker leaves alone are closed after this many working days. */
  autoCloseWorkingDays: number;
  /** Skip Dutch public holidays when counting working days. */
  publicHolidays: boolean;
  timeZone: string;
  maxTextLength: number;
  maxCommentLength: number;
  maxDeliveryAttempts: number;
}

export const DEFAULT_DOUBT_SETTINGS: DoubtSettings = {
  reminderWorkingDays: 2,
  escalationWorkingDays: 2,
  retentionMonths: 12,
  autoCloseWorkingDays: 10,
  publicHolidays: false,
  timeZone: 'Europe/Amsterdam',
  maxTextLength: 4000,
  maxCommentLength: 1000,
  maxDeliveryAttempts: 5,
};

/** Statuses in which the doubt waits for an assignee's answer. */
export function awaitsAnswer(doubt: Pick<Doubt, 'status'>): boolean {
  return doubt.status === 'waiting' || doubt.status === 'follow-up';
}

/**
 * All keys a user may appear under in `assigneeIds` / `Notification.to`: the object id, and the
 * UPN and e-mail address (a mapping file's `upn` may hold either) until the record is re-keyed.
 */
export function userKeys(user: UserRef): string[] {
  const keys = [user.id];
  for (const name of [user.upn, user.email]) if (name && !keys.includes(upnKey(name))) keys.push(upnKey(name));
  return keys;
}

/** The user's sign-in names (UPN, e-mail), lower-cased, without duplicates. */
export function signInNames(user: Pick<UserRef, 'upn' | 'email'>): string[] {
  const names: string[] = [];
  for (const name of [user.upn, user.email]) {
    const n = name?.trim().toLowerCase();
    if (n && !names.includes(n)) names.push(n);
  }
  return names;
}

export function upnKey(upn: string): string {
  return `upn:${upn.trim().toLowerCase()}`;
}

/** Builds a routable person; the object id wins over the UPN as key. */
export function toPerson(p: { id?: string; upn?: string; name?: string }): Person {
  const key = p.id ? p.id : upnKey(p.upn ?? '');
  const person: Person = { key };
  if (p.id) person.id = p.id;
  if (p.upn) person.upn = p.upn;
  if (p.name) person.name = p.name;
  return person;
}
