import type { KeyValueStore } from '../core/shared/key-value-store.js';
import type { DataStore } from './data-store.js';

/** The record kinds a single-board store keeps under plain keys (see board-scope.ts). */
const KEYED_KINDS = ['conversations', 'users', 'identities', 'onboarding', 'closedDoubts'] as const;
export type AssignedKind = 'doubts' | (typeof KEYED_KINDS)[number];

/**
 * Moves the records of a single-board deployment (ORG) into one board's part of the store, so the
 * same store can serve several boards (TENANT_ORGS): doubts without a board get `org`, and records
 * under a plain key move to `<org>/<key>` (a record already there wins; the plain one is removed).
 * Feedback already carries its board. Turn state cannot be listed and is left: it only holds the
 * last moments of a conversation (a posting check's step, a draft), which start afresh.
 * Run with the bot stopped; running it again changes nothing. Returns what moved, per kind.
 */
export async function assignToBoard(store: DataStore, org: string): Promise<Record<AssignedKind, number>> {
  const moved = { doubts: 0, conversations: 0, users: 0, identities: 0, onboarding: 0, closedDoubts: 0 };
  for (const doubt of await store.doubts.listAll()) {
    if (doubt.org !== undefined) continue;
    await store.doubts.put({ ...doubt, org });
    moved.doubts++;
  }
  for (const kind of KEYED_KINDS) moved[kind] = await moveKeys(store[kind], `${org}/`);
  return moved;
}

async function moveKeys(records: KeyValueStore<unknown>, prefix: string): Promise<number> {
  let moved = 0;
  for (const key of await records.keys()) {
    // A key with a board prefix is already a board's (no single-board key has a "/": ids, UPNs).
    if (key.includes('/')) continue;
    const value = await records.get(key);
    if (value === undefined) continue;
    if ((await records.get(prefix + key)) === undefined) await records.put(prefix + key, value);
    await records.delete(key);
    moved++;
  }
  return moved;
}
