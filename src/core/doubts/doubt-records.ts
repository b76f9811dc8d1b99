import { KeyedMutex } from '../shared/keyed-mutex.js';
import type { Clock, IdGenerator } from '../shared/clock.js';
import type { KeyValueStore } from '../shared/key-value-store.js';
import { cloneDoubt } from './doubt-lifecycle.js';
import type { DoubtStore } from './doubt-store.js';
import type { LeaderDirectory } from './leader-directory.js';
import { withKnownIds, withProfile, type KnownIdentities } from './known-identities.js';
import type { TransitionContext } from './outbox.js';
import { DEFAULT_DOUBT_SETTINGS, userKeys, type Doubt, type DoubtSettings, type Routing, type UserRef } from './types.js';

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

/** What a transition decided about the record it was given: leave it, write the changed copy, or delete it. */
export interface Outcome<R> {
  action: 'keep' | 'write' | 'delete';
  value: R;
  /** Written instead of the changed copy: a change computed before the lock and still valid (the sweep). */
  record?: Doubt;
}
export const keep = <R>(value: R): Outcome<R> => ({ action: 'keep', value });
export const write = <R>(value: R, record?: Doubt): Outcome<R> => (record ? { action: 'write', value, record } : { action: 'write', value });
export const remove = <R>(value: R): Outcome<R> => ({ action: 'delete', value });

/** A user's doubts: the ones they asked, and the ones assigned to any of their keys (object id, UPN, e-mail). */
export interface DoubtsOf {
  asked: Doubt[];
  assigned: Doubt[];
}

/**
 * The one way doubts are read and changed, shared by the user's commands (doubt-service.ts) and
 * the outbox and maintenance side (doubt-maintenance.ts).
 */
export class DoubtRecords {
  readonly settings: DoubtSettings;
  readonly #mutex = new KeyedMutex();

  constructor(readonly deps: DoubtServiceDeps) {
    this.settings = { ...DEFAULT_DOUBT_SETTINGS, ...deps.settings };
  }

  ctx(): TransitionContext {
    return { now: this.deps.clock.now(), newId: this.deps.newId, settings: this.settings };
  }

  emit(event: string, doubtId: string, actor?: string, detail?: string): void {
    const e: DoubtEvent = { event, doubtId };
    if (actor !== undefined) e.actor = actor;
    if (detail !== undefined) e.detail = detail;
    this.deps.onEvent?.(e);
  }

  get(id: string): Promise<Doubt | undefined> {
    return this.deps.store.get(id);
  }

  /**
   * Lock, read, apply, write: the transition gets a copy of the stored record (undefined when there
   * is none) and says what to do with it. Changes to one doubt take turns within this process (card
   * clicks and sweeps overlap) and, with the shared lock, across instances; each re-reads inside the lock.
   */
  mutate<R>(id: string, transition: (draft: Doubt | undefined) => Outcome<R>): Promise<R> {
    const work = async () => {
      const stored = await this.deps.store.get(id);
      const draft = stored ? cloneDoubt(stored) : undefined;
      const outcome = transition(draft);
      if (outcome.action === 'write' && draft) await this.save(outcome.record ?? draft);
      if (outcome.action === 'delete' && stored) {
        await this.deps.store.delete(id);
        await this.deps.closedIndex?.delete(id);
      }
      return outcome.value;
    };
    const shared = this.deps.sharedLock;
    return this.#mutex.run(id, shared ? () => shared(`doubt:${id}`, work) : work);
  }

  /** Writes a new record (outside {@link mutate}: nobody else knows its id yet). */
  async create(doubt: Doubt): Promise<void> {
    await this.save(doubt);
  }

  async save(doubt: Doubt): Promise<void> {
    await this.deps.store.put(doubt);
    const index = this.deps.closedIndex;
    if (!index) return;
    if (!doubt.open && !doubt.anonymisedAt && doubt.closedAt) await index.put(doubt.id, doubt.closedAt);
    else if (doubt.anonymisedAt) await index.delete(doubt.id);
  }

  /** The doubts this user asked (newest last as stored) and those assigned to any of their keys. */
  async doubtsOf(user: UserRef): Promise<DoubtsOf> {
    const asked = (await this.deps.store.listByAsker(user.id)).filter((d) => d.askerId === user.id);
    const assigned = new Map<string, Doubt>();
    for (const key of userKeys(user)) for (const d of await this.deps.store.listByAssignee(key)) assigned.set(d.id, d);
    return { asked, assigned: [...assigned.values()] };
  }

  /** The directory's routing for this user, with people named by UPN upgraded to their object id when known. */
  async route(asker: UserRef): Promise<Routing> {
    const identities = this.deps.identities;
    return withKnownIds(await this.deps.directory.resolve(await withProfile(asker, identities)), identities);
  }
}
