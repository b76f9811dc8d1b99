import path from 'node:path';
import type { DoubtServiceDeps } from '../../src/core/doubts/doubt-service.js';
import { createLeaderDirectory, type LeaderDirectory } from '../../src/core/doubts/leader-directory.js';
import { validateLeaderMapping, type LeaderMapping } from '../../src/core/doubts/leader-mapping.js';
import { loadYaml, parseYamlText } from '../../src/board/load-yaml.js';
import type { Doubt, UserRef } from '../../src/core/doubts/types.js';
import { MemoryDoubtStore } from '../support/memory-store/memory-doubt-store.js';
import { MemoryKeyValueStore } from '../support/memory-store/memory-key-value-store.js';
import { testDoubtService } from '../support/doubt-service.js';
import { FakeClock, MONDAY } from '../support/fake-clock.js';

export { MONDAY };

export const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/leaders.yaml');
export const mapping = (): LeaderMapping => loadYaml(FIXTURE, validateLeaderMapping);
/** A mapping from the text of a mapping file, loaded as the bot loads one (errors name `file`). */
export const parseLeaderMapping = (text: string, file = 'leaders.yaml'): LeaderMapping => parseYamlText(text, file, validateLeaderMapping);

export const jan: UserRef = { id: 'teacher-jan', name: 'Jan Smit' };
export const lisa: UserRef = { id: 'teacher-lisa', name: 'Lisa Kok' };
export const anna: UserRef = { id: 'leader-anna', upn: 'anna@oog.example', name: 'Anna de Vries' };
export const piet: UserRef = { id: 'leader-piet', upn: 'piet@oog.example', name: 'Piet Jansen' };
export const ruud: UserRef = { id: 'leader-ruud', upn: 'Ruud@oog.example', name: 'Ruud Bos' };
export const comm: UserRef = { id: 'comm-1', upn: 'communicatie@oog.example' };
export const stranger: UserRef = { id: 'teacher-outsider', name: 'Iemand Anders' };

export function harness(options: { start?: Date; directory?: LeaderDirectory; unreachable?: string[]; settings?: DoubtServiceDeps['settings'] } = {}) {
  const clock = new FakeClock(options.start ?? MONDAY);
  const store = new MemoryDoubtStore<Doubt>();
  const closedIndex = new MemoryKeyValueStore<string>();
  const events: Array<{ event: string; doubtId: string; actor?: string; detail?: string }> = [];
  const service = testDoubtService({
    store,
    clock,
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
