import type { DataStore, UserRecord } from '../store/data-store.js';
import { KeyedMutex } from '../core/shared/keyed-mutex.js';

const locks = new WeakMap<object, KeyedMutex>();

/**
 * Read-modify-write of a user's record, one at a time per user: Teams sends several activities
 * at once (install events), and two turns writing the same record must not lose each other's fields.
 * Within a process a mutex serialises them; on a shared database (several instances behind a load
 * balancer) the record's shared lock does so across instances, and the record is re-read inside it.
 * Returns the record as stored; `update` may return the same object to write nothing.
 */
export async function updateUserRecord(deps: { store: Pick<DataStore, 'users' | 'locks'> }, userId: string, update: (record: UserRecord) => UserRecord): Promise<UserRecord> {
  let mutex = locks.get(deps.store);
  if (!mutex) locks.set(deps.store, (mutex = new KeyedMutex()));
  const work = async () => {
    const current = (await deps.store.users.get(userId)) ?? {};
    const next = update(current);
    if (next !== current) await deps.store.users.put(userId, next);
    return next;
  };
  const shared = deps.store.locks;
  return mutex.run(userId, shared ? () => shared.withLock(`user:${userId}`, work) : work);
}
