import { describe, expect, it } from 'vitest';
import type { AppStore } from '../../src/teams/deps.js';
import type { UserRecord } from '../../src/store/data-store.js';
import type { KeyValueStore } from '../../src/core/shared/key-value-store.js';
import { createMemoryDataStore } from '../support/memory-store/create-memory-data-store.js';
import { activityText } from '../support/fake-connector.js';
import { installation, installed, message, user } from '../support/activities.js';
import { startBot } from '../support/bot-harness.js';
import { stubDeps } from '../support/stub-deps.js';

/** A users store whose reads take a while, so two turns for the same user interleave. */
function slowUsers(inner: KeyValueStore<UserRecord>): KeyValueStore<UserRecord> {
  return {
    get: async (key) => {
      const value = await inner.get(key);
      await new Promise((resolve) => setTimeout(resolve, 25));
      return value;
    },
    put: (key, value) => inner.put(key, value),
    delete: (key) => inner.delete(key),
    keys: () => inner.keys(),
  };
}

describe('welcome', () => {
  it('greets once when Teams sends installationUpdate and conversationUpdate at the same moment', async () => {
    const memory: AppStore = createMemoryDataStore();
    const store: AppStore = { ...memory, users: slowUsers(memory.users) };
    const bot = await startBot({ deps: () => stubDeps({ store }).deps });
    try {
      const newcomer = user('nieuwkomer', 41);
      await Promise.all([bot.post(installation(newcomer, bot.connector.url)), bot.post(installed(newcomer, bot.connector.url))]);
      // Concurrent posts share the connector: count what reached it, not per-request replies.
      const welcomes = bot.connector.calls.map((c) => activityText(c.body)).filter((t) => t.startsWith('Welkom!'));
      expect(welcomes).toHaveLength(1);
      // The name recorded on the same turn does not wipe out the welcome (lost update).
      await bot.post(message(newcomer, 'hallo', bot.connector.url));
      expect((await memory.users.get(newcomer.aadObjectId))?.welcomedAt).toBeDefined();
      await bot.post(installation(newcomer, bot.connector.url));
      expect(bot.connector.calls.map((c) => activityText(c.body)).filter((t) => t.startsWith('Welkom!'))).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });
});
