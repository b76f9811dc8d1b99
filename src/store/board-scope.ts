import type { Storage, StoreItems } from 'botbuilder';
import type { DoubtStore, StoredDoubt } from '../core/doubts/doubt-store.js';
import type { Feedback, FeedbackQuery, FeedbackStore } from '../core/shared/feedback.js';
import type { KeyValueStore } from '../core/shared/key-value-store.js';
import type { SharedLocks } from '../core/shared/shared-locks.js';
import type { DataStore } from './data-store.js';

/**
 * One board's part of a store that several boards share (TENANT_ORGS). Every record the board
 * writes carries its org: doubts and feedback in their `org` field, key-value records and turn
 * state in a key prefix `<org>/`. Every read is limited to it: another board's doubt is not found
 * (also by an id from a forged card), lists and keys leave it out, a delete cannot reach it. The
 * same view works over every store (memory, files, PostgreSQL), so the contract suite checks it
 * once for each. A single-board deployment uses the store as it is.
 */
export function scopeToBoard<D extends StoredDoubt, C, U, O>(store: DataStore<D, C, U, O>, org: string): DataStore<D, C, U, O> {
  const prefix = `${org}/`;
  return {
    doubts: new BoardDoubts(store.doubts, org),
    conversations: new PrefixedKeyValues(store.conversations, prefix),
    users: new PrefixedKeyValues(store.users, prefix),
    identities: new PrefixedKeyValues(store.identities, prefix),
    onboarding: new PrefixedKeyValues(store.onboarding, prefix),
    closedDoubts: new PrefixedKeyValues(store.closedDoubts, prefix),
    feedback: new BoardFeedback(store.feedback, org),
    turnState: new PrefixedStorage(store.turnState, prefix),
    ...(store.locks ? { locks: prefixedLocks(store.locks, prefix) } : {}),
    ...(store.kind ? { kind: store.kind } : {}),
    isWritable: () => store.isWritable(),
    // The shared store is closed once, by whoever opened it (the composition root).
    close: async () => undefined,
  };
}

class BoardDoubts<D extends StoredDoubt> implements DoubtStore<D> {
  constructor(
    private readonly inner: DoubtStore<D>,
    private readonly org: string,
  ) {}

  async get(id: string): Promise<D | undefined> {
    const doubt = await this.inner.get(id);
    return doubt?.org === this.org ? doubt : undefined;
  }

  async put(doubt: D): Promise<void> {
    if (doubt.org !== undefined && doubt.org !== this.org) throw new TypeError(`Cannot store doubt: it belongs to board "${doubt.org}", not "${this.org}".`);
    await this.inner.put({ ...doubt, org: this.org });
  }

  async delete(id: string): Promise<void> {
    if (await this.get(id)) await this.inner.delete(id);
  }

  async listByAsker(askerId: string): Promise<D[]> {
    return this.#own(await this.inner.listByAsker(askerId));
  }

  async listByAssignee(assigneeId: string): Promise<D[]> {
    return this.#own(await this.inner.listByAssignee(assigneeId));
  }

  async listOpen(): Promise<D[]> {
    return this.#own(await this.inner.listOpen());
  }

  async listAll(): Promise<D[]> {
    return this.#own(await this.inner.listAll());
  }

  #own(doubts: D[]): D[] {
    return doubts.filter((d) => d.org === this.org);
  }
}

class PrefixedKeyValues<T> implements KeyValueStore<T> {
  constructor(
    private readonly inner: KeyValueStore<T>,
    private readonly prefix: string,
  ) {}

  get(key: string): Promise<T | undefined> {
    return this.inner.get(this.prefix + key);
  }

  put(key: string, value: T): Promise<void> {
    return this.inner.put(this.prefix + key, value);
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(this.prefix + key);
  }

  async keys(): Promise<string[]> {
    return (await this.inner.keys()).filter((k) => k.startsWith(this.prefix)).map((k) => k.slice(this.prefix.length));
  }
}

class BoardFeedback implements FeedbackStore {
  constructor(
    private readonly inner: FeedbackStore,
    private readonly org: string,
  ) {}

  async add(feedback: Feedback): Promise<void> {
    if (feedback.org !== this.org) throw new TypeError(`Cannot store feedback: it belongs to board "${feedback.org}", not "${this.org}".`);
    await this.inner.add(feedback);
  }

  async list(query?: FeedbackQuery): Promise<Feedback[]> {
    return (await this.inner.list(query)).filter((f) => f.org === this.org);
  }
}

class PrefixedStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly prefix: string,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys.map((k) => this.prefix + k));
    const own: StoreItems = {};
    for (const key of keys) if (this.prefix + key in items) own[key] = items[this.prefix + key] as unknown;
    return own;
  }

  write(changes: StoreItems): Promise<void> {
    return this.inner.write(Object.fromEntries(Object.entries(changes).map(([k, v]) => [this.prefix + k, v as unknown])));
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys.map((k) => this.prefix + k));
  }
}

function prefixedLocks(locks: SharedLocks, prefix: string): SharedLocks {
  return {
    withLock: (key, work) => locks.withLock(prefix + key, work),
    claim: (key, ttlMs) => locks.claim(prefix + key, ttlMs),
    release: (key) => locks.release(prefix + key),
    // The sweep runs once per interval per board, in whichever instance claims it.
    claimInterval: (name, intervalMs) => locks.claimInterval(prefix + name, intervalMs),
    addToCounter: (name, delta) => locks.addToCounter(prefix + name, delta),
  };
}
