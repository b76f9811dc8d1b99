import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DoubtService, type DoubtServiceDeps } from '../../src/core/doubts/doubt-service.js';
import { createLeaderDirectory, type LeaderDirectory } from '../../src/core/doubts/leader-directory.js';
import { parseLeaderMapping } from '../../src/core/doubts/leader-mapping.js';
import { MemoryDoubtStore } from '../../src/core/doubts/memory-doubt-store.js';
import type { Doubt, UserRef } from '../../src/core/doubts/types.js';
import type { KeyValueStore } from '../../src/core/shared/key-value-store.js';

export const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/leaders.yaml');
export const mapping = () => parseLeaderMapping(readFileSync(FIXTURE, 'utf8'), 'leaders.yaml');

export const jan: UserRef = { id: 'teacher-jan', name: 'Jan Smit' };
export const lisa: UserRef = { id: 'teacher-lisa', name: 'Lisa Kok' };
export const anna: UserRef = { id: 'leader-anna', upn: 'anna@oog.example', name: 'Anna de Vries' };
export const piet: UserRef = { id: 'leader-piet', upn: 'piet@oog.example', name: 'Piet Jansen' };
export const ruud: UserRef = { id: 'leader-ruud', upn: 'Ruud@oog.example', name: 'Ruud Bos' };
export const comm: UserRef = { id: 'comm-1', upn: 'communicatie@oog.example' };
export const stranger: UserRef = { id: 'teacher-outsider', name: 'Iemand Anders' };

/** Monday 23 November 2026, 10:00 in Amsterdam. */
export const MONDAY = new Date('2026-11-23T09:00:00Z');

export class FakeClock {
  constructor(public current: Date) {}
  now = () => new Date(this.current.getTime());
  set(iso: string | Date) {
    this.current = new Date(iso);
  }
  addHours(h: number) {
    this.current = new Date(this.current.getTime() + h * 3_600_000);
  }
}

export class MemoryKeyValueStore<T> implements KeyValueStore<T> {
  readonly map = new Map<string, T>();
  async get(key: string) {
    return this.map.get(key);
  }
  async put(key: string, value: T) {
    this.map.set(key, value);
  }
  async delete(key: string) {
    this.map.delete(key);
  }
  async keys() {
    return [...this.map.keys()];
  }
}

export function harness(options: { start?: Date; directory?: LeaderDirectory; unreachable?: string[]; settings?: DoubtServiceDeps['settings'] } = {}) {
  const clock = new FakeClock(options.start ?? MONDAY);
  const store = new MemoryDoubtStore<Doubt>();
  const closedIndex = new MemoryKeyValueStore<string>();
  let n = 0;
  const events: Array<{ event: string; doubtId: string; actor?: string; detail?: string }> = [];
  const service = new DoubtService({
    store,
    clock,
    newId: () => `id-${++n}`,
    directory: options.directory ?? createLeaderDirectory({ mapping: mapping() }),
    canReach: (key) => !(options.unreachable ?? []).includes(key),
    closedIndex,
    onEvent: (e) => events.push(e),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  return { service, store, clock, closedIndex, events };
}

/** Narrows a service result, failing the test with the refusal when it is one. */
export function ok<R extends { ok: boolean }>(result: R): Exclude<R, { ok: false }> {
  if (!result.ok) {
    const refusal = result as unknown as { reason: string; message: string };
    throw new Error(`expected ok, got ${refusal.reason}: ${refusal.message}`);
  }
  return result as Exclude<R, { ok: false }>;
}

export function okDoubt(result: { ok: true; doubt: Doubt } | { ok: false; reason: string }): Doubt {
  if (!result.ok) throw new Error(`expected a doubt, got ${result.reason}`);
  return result.doubt;
}
