import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeConnector } from './fake-connector.js';
import { findAction, startBot, type BotUnderTest, type HarnessOptions, type Reply } from './bot-harness.js';

/**
 * A bot on a real DATA_DIR that tests can stop and start again (a restart on the same files),
 * sharing one fake connector across restarts.
 */
export interface DiskBot {
  connector: FakeConnector;
  dataDir: string;
  bot: BotUnderTest;
  restart(): Promise<BotUnderTest>;
  dispose(): Promise<void>;
}

export async function startDiskBot(org: string, options: Omit<HarnessOptions, 'connector'> & { dataDir?: string } = {}): Promise<DiskBot> {
  const connector = new FakeConnector();
  await connector.start();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), `mw-${org}-`));
  const start = () => startBot({ ...options, env: { ORG: org, DATA_DIR: dataDir, ...options.env }, connector });
  const disk: DiskBot = {
    connector,
    dataDir,
    bot: await start(),
    async restart() {
      await disk.bot.stop();
      disk.bot = await start();
      return disk.bot;
    },
    async dispose() {
      await disk.bot.stop();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return disk;
}

/** The data of the card action with this title; fails with the card text when it is missing. */
export function actionData(reply: Reply, title: string | RegExp): Record<string, unknown> {
  const action = findAction(reply.activity, title) as { data?: Record<string, unknown> } | undefined;
  if (!action?.data) throw new Error(`no action ${String(title)} in: ${reply.text.slice(0, 400)}`);
  return action.data;
}
