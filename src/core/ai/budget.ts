import type { Clock } from '../shared/clock.js';

/** Tokens spent today against a daily cap; a new day (Dutch time) starts at zero. */
export interface TokenBudget {
  /** False once today's budget is spent: no more calls today. */
  available(): boolean;
  record(tokens: number): void;
  spentToday(): number;
}

/** Today's date in the Netherlands (YYYY-MM-DD): a budget's day starts at Dutch midnight. */
function dutchDay(clock: Clock): string {
  return clock.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/**
 * An in-memory daily budget: a restart starts the day's count afresh, so the cap is per process
 * and day — enough to stop a loop or a flood from running up a bill.
 */
export function createTokenBudget(limit: number, clock: Clock): TokenBudget {
  let day = '';
  let spent = 0;
  const roll = () => {
    const d = dutchDay(clock);
    if (d !== day) {
      day = d;
      spent = 0;
    }
  };
  return {
    available: () => {
      roll();
      return spent < limit;
    },
    record: (tokens) => {
      roll();
      spent += Math.max(0, Math.round(tokens));
    },
    spentToday: () => {
      roll();
      return spent;
    },
  };
}

/** A rough token count (4 characters a token) for a call the provider did not report on. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** How often a shared budget reads what the other instances spent, at most. */
export const SHARED_BUDGET_REFRESH_MS = 10_000;

/**
 * A daily budget shared by every instance on one database: each instance adds what it spends to
 * a shared counter per day and reads the total back, so two instances do not each spend the whole
 * budget. `available()` answers from what is known at once (it must not wait for the database):
 * the last total read plus what this instance spent since, refreshed in the background at most
 * every SHARED_BUDGET_REFRESH_MS. Instances answering at the same moment can overrun the cap by
 * what they spend between two reads; a failed write is retried with the next one.
 */
export function createSharedTokenBudget(limit: number, clock: Clock, add: (counter: string, delta: number) => Promise<number>): TokenBudget {
  let day = '';
  let shared = 0;
  let pending = 0;
  let lastSync = -Infinity;
  let syncing: Promise<void> = Promise.resolve();
  const roll = () => {
    const d = dutchDay(clock);
    if (d !== day) {
      day = d;
      shared = 0;
      pending = 0;
      lastSync = -Infinity;
    }
  };
  const sync = () => {
    lastSync = clock.now().getTime();
    syncing = syncing.then(async () => {
      const counter = `ai-tokens:${day}`;
      const delta = pending;
      pending = 0;
      try {
        const total = await add(counter, delta);
        if (`ai-tokens:${day}` === counter) shared = total;
      } catch {
        if (`ai-tokens:${day}` === counter) pending += delta;
      }
    });
  };
  return {
    available: () => {
      roll();
      if (clock.now().getTime() - lastSync >= SHARED_BUDGET_REFRESH_MS) sync();
      return shared + pending < limit;
    },
    record: (tokens) => {
      roll();
      pending += Math.max(0, Math.round(tokens));
      sync();
    },
    spentToday: () => {
      roll();
      return shared + pending;
    },
  };
}
