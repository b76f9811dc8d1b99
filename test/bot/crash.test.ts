import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doubt } from '../../src/core/doubts/types.js';
import { openDataStore } from '../../src/store/open-data-store.js';
import { startBotProcess, type BotProcess } from '../../tools/lib/bot-process.js';
import { activityText, FakeConnector } from '../support/fake-connector.js';
import { message, submit, type TestUser } from '../support/activities.js';
import { dataDirWithLeaders, PEOPLE } from '../support/doubt-helpers.js';

const { docent, docent2, lotte } = PEOPLE;

/** Every JSON file the store wrote, parsed: a torn write would throw here. */
function readAllJson(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) count += readAllJson(full);
    else if (entry.name.endsWith('.json') && !entry.name.startsWith('.')) {
      JSON.parse(readFileSync(full, 'utf8'));
      count++;
    }
  }
  return count;
}

describe('the real bot process: SIGKILL mid-way loses no confirmed doubt; a second process is refused', () => {
  const connector = new FakeConnector();
  let dataDir: string;
  let env: Record<string, string>;
  let bot: BotProcess | undefined;

  const post = (proc: BotProcess, body: unknown) =>
    fetch(`${proc.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    await connector.start();
    dataDir = dataDirWithLeaders('mw-crash-');
    env = { ORG: 'oog', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  });
  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process on the same DATA_DIR, naming the lock', async () => {
    bot = await startBotProcess(env);
    await expect(startBotProcess(env)).rejects.toThrow(/already in use[\s\S]*store\.lock/);
    // The first one still serves.
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 60_000);

  it('keeps every doubt it confirmed when killed with SIGKILL, and restarts on the same files', async () => {
    const proc = bot!;
    await post(proc, message(lotte, 'hallo', connector.url));
    const confirmed = new Map<string, TestUser>();
    let killed = false;

    const sender = async (who: TestUser) => {
      for (let i = 0; i < 15 && !killed; i++) {
        const text = `Crashtest ${who.name} nummer ${i}: mag ik dit delen?`;
        const before = connector.calls.length;
        try {
          const res = await post(proc, submit(who, { verb: 'doubt.send', doubtText: text }, connector.url));
          await res.text();
        } catch {
          return; // the process is gone
        }
        const confirmation = connector.calls
          .slice(before)
          .some((c) => c.conversationId === who.conversationId && /Je vraag is ontvangen/.test(activityText(c.body)));
        if (confirmation) confirmed.set(text, who);
        if (confirmed.size >= 8 && !killed) {
          killed = true;
          proc.child.kill('SIGKILL'); // while the other sender's request is still in flight
        }
      }
    };
    await Promise.all([sender(docent), sender(docent2)]);
    await proc.stop('SIGKILL');
    expect(killed).toBe(true);
    expect(confirmed.size).toBeGreaterThanOrEqual(8);

    // Same DATA_DIR: the stale lock of the killed process is taken over.
    bot = await startBotProcess(env);
    for (const who of [docent, docent2]) {
      const before = connector.calls.length;
      await post(bot, message(who, 'mijn vragen', connector.url));
      const list = connector.calls.slice(before).filter((c) => c.conversationId === who.conversationId).map((c) => activityText(c.body)).join('\n');
      for (const [text, asker] of confirmed) if (asker === who) expect(list).toContain(text);
    }
    await bot.stop('SIGTERM');
    bot = undefined;

    expect(readAllJson(dataDir)).toBeGreaterThan(confirmed.size);
    const store = await openDataStore<Doubt>(dataDir);
    try {
      const stored = [...(await store.doubts.listByAsker(docent.aadObjectId)), ...(await store.doubts.listByAsker(docent2.aadObjectId))];
      const texts = new Set(stored.map((d) => d.messages[0]!.text));
      for (const text of confirmed.keys()) expect(texts.has(text)).toBe(true);
      for (const d of stored) expect(d).toMatchObject({ open: true, status: 'waiting', assigneeIds: [lotte.aadObjectId] });
    } finally {
      await store.close();
    }
  }, 90_000);
});
