import type { Clock } from '../shared/clock.js';

/** Tokens spent today against a daily cap; a new day (Dutch time) starts at zero. */
export interface TokenBudget {
  /** False once today's budget is spent: no more calls today. */
  available(): boolean;
  record(tokens: number): void;
  spentToday(): number;
}

/**
 * An in-memory daily budget: a restart starts the day's count afresh, so the cap is per process
 * and day — enough to stop a loop or a flood from running up a bill.
 */
export function createTokenBudget(limit: number, clock: Clock): TokenBudget {
  let day = '';
  let spent = 0;
  const today = () => clock.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const roll = () => {
    const d = today();
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
