import type { StoredDoubt } from '../../../src/core/doubts/doubt-store.js';
import type { IdGenerator } from '../../../src/core/shared/clock.js';
import type { ConversationRecord, DataStore, IdentityRecord, UserRecord } from '../../../src/store/data-store.js';
import { MemoryDoubtStore } from './memory-doubt-store.js';
import { MemoryFeedbackStore } from './memory-feedback-store.js';
import { MemoryKeyValueStore } from './memory-key-value-store.js';
import { MemoryTurnStateStorage } from './memory-turn-state-storage.js';

/** A DataStore held in memory, for tests and local experiments; nothing survives the process. */
export function createMemoryDataStore<D extends StoredDoubt = StoredDoubt, C = ConversationRecord, U = UserRecord, O = unknown>(
  options: { newETag?: IdGenerator } = {},
): DataStore<D, C, U, O> {
  let closed = false;
  return {
    kind: 'memory',
    doubts: new MemoryDoubtStore<D>(),
    conversations: new MemoryKeyValueStore<C>(),
    users: new MemoryKeyValueStore<U>(),
    identities: new MemoryKeyValueStore<IdentityRecord>(),
    onboarding: new MemoryKeyValueStore<O>(),
    feedback: new MemoryFeedbackStore(),
    closedDoubts: new MemoryKeyValueStore<string>(),
    turnState: new MemoryTurnStateStorage(options.newETag),
    async isWritable() {
      return !closed;
    },
    async close() {
      closed = true;
    },
  };
}
