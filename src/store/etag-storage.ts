import type { StoreItem } from 'botbuilder';

/** The error botbuilder's MemoryStorage gives for a stale eTag; kept identical so callers can match on it. */
export function eTagConflictError(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

/** MemoryStorage's rule: a missing or `'*'` eTag, or no stored item, means last write wins. */
export function mayOverwrite(stored: StoreItem | undefined, incoming: StoreItem): boolean {
  return !stored || !incoming.eTag || incoming.eTag === '*' || incoming.eTag === stored.eTag;
}

export function assertKeys(keys: unknown, verb: string): asserts keys is string[] {
  if (!Array.isArray(keys)) throw new ReferenceError(`Keys are required when ${verb}.`);
}
