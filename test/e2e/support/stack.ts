import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../../src/infra/playground.js';
import { startBotProcess, type BotProcess } from '../../../tools/lib/bot-process.js';
import { launchChromium } from './chromium.js';
import { PlaygroundChat } from './playground-chat.js';
import { writePlaygroundConfig } from './playground-user.js';

/** How to start the bot under test (a script that serves /api/messages and /healthz on PORT). */
export interface BotSpec {
  /** Script relative to the repo root. */
  entry: string;
  args?: string[];
  /** Environment for the bot; `dataDir` is the journey's fresh temporary directory. */
  env?: (dataDir: string) => Record<string, string>;
}

/** A desktop Teams window: wide enough for the chat list, the chat and the Playground's log panel. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 } as const;

/** A bot process, the Playground pointed at it, and a headless browser, all in one temporary directory. */
export interface E2eStack {
  readonly workDir: string;
  readonly bot: BotProcess;
  readonly playground: RunningPlayground;
  readonly browser: Browser;
  /** Opens the Playground in a fresh browser context (no shared cookies or storage). */
  openChat(): Promise<{ chat: PlaygroundChat; close(): Promise<void> }>;
  /** Stops browser, Playground and bot and removes the temporary directory; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts bot, Playground and chromium; on a failure halfway, stops what already runs. */
export async function startE2eStack(spec: BotSpec): Promise<E2eStack> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'mediawijs-e2e-'));
  let bot: BotProcess | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await playground?.stop();
    await bot?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    // Generous: on a busy 2-core CI runner tsx compiles the bot on first start.
    bot = await startBotProcess(spec.env?.(path.join(workDir, 'data')) ?? {}, 60_000, { entry: spec.entry, args: spec.args ?? [] });
    playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages`, port: 0, workDir, configFile: writePlaygroundConfig(workDir) });
    browser = await launchChromium();
  } catch (error) {
    await stop();
    throw error;
  }
  const running = { bot, playground, browser };
  return {
    workDir,
    ...running,
    async openChat() {
      const context: BrowserContext = await running.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'nl-NL' });
      const chat = new PlaygroundChat(await context.newPage());
      await chat.open(running.playground.url);
      return { chat, close: () => context.close() };
    },
    stop,
  };
}
