import { describe, expect, it } from 'vitest';
import { createSharedTokenBudget, SHARED_BUDGET_REFRESH_MS } from '../../src/core/ai/budget.js';

/** A shared counter as the database keeps it, seen by several instances. */
function sharedCounters() {
  const values = new Map<string, number>();
  let failing = false;
  return {
    values,
    fail: (on: boolean) => (failing = on),
    add: async (name: string, delta: number) => {
      if (failing) throw new Error('database away');
      values.set(name, (values.get(name) ?? 0) + delta);
      return values.get(name)!;
    },
  };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a daily AI budget shared by several instances', () => {
  it('counts what every instance spends against one cap', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const clock = { now: () => now };
    const counters = sharedCounters();
    const a = createSharedTokenBudget(1_000, clock, counters.add);
    const b = createSharedTokenBudget(1_000, clock, counters.add);
    expect(a.available() && b.available()).toBe(true);
    a.record(600);
    b.record(300);
    await settle();
    expect(counters.values.get('ai-tokens:2026-11-23')).toBe(900);
    // A has seen only its own total so far; after the refresh interval it sees B's spending too.
    now = new Date(now.getTime() + SHARED_BUDGET_REFRESH_MS);
    a.available();
    await settle();
    expect(a.spentToday()).toBe(900);
    b.record(200);
    await settle();
    expect(b.available()).toBe(false);
    now = new Date(now.getTime() + SHARED_BUDGET_REFRESH_MS);
    a.available();
    await settle();
    expect(a.available()).toBe(false);
    // The next day (Amsterdam time) starts a new counter.
    now = new Date('2026-11-23T23:30:00Z');
    expect(a.available()).toBe(true);
    expect(a.spentToday()).toBe(0);
  });

  it('keeps what it spent while the database was away and adds it when it is back', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const counters = sharedCounters();
    const a = createSharedTokenBudget(1_000, { now: () => now }, counters.add);
    counters.fail(true);
    a.record(400);
    await settle();
    expect(a.spentToday()).toBe(400);
    counters.fail(false);
    a.record(100);
    await settle();
    expect(counters.values.get('ai-tokens:2026-11-23')).toBe(500);
    expect(a.spentToday()).toBe(500);
  });
});
