import type { StoredDoubt } from '../core/doubts/doubt-store.js';

/** Whether a value has the fields the store indexes on. */
export function isStoredDoubt(value: unknown): value is StoredDoubt {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<StoredDoubt>;
  return (
    typeof d.id === 'string' &&
    d.id.length > 0 &&
    typeof d.askerId === 'string' &&
    Array.isArray(d.assigneeIds) &&
    d.assigneeIds.every((a) => typeof a === 'string') &&
    typeof d.open === 'boolean'
  );
}

/** Lists come back in id order so callers and tests see a stable order. */
export function sortById<D extends StoredDoubt>(doubts: D[]): D[] {
  return doubts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
