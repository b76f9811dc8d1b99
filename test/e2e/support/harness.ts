/**
 * End-to-end harness: a bot process, the Microsoft 365 Agents Playground pointed at it, and headless
 * Debian chromium driving the Playground's web chat. A journey file looks like:
 *
 *   describeE2e('vraag met bron', () => {
 *     const journey = useJourney({ bot: mediawijsBot({ org: 'oog' }) });
 *     it('antwoordt met een citaat', async () => {
 *       const chat = journey.chat;
 *       await chat.sendMessage('Mag ik een foto van een leerling plaatsen?');
 *       expect(await chat.waitForBotReply()).toMatch(/Bron:/);
 *       await chat.expectNoCardError();
 *       await chat.screenshot('vraag-met-bron');
 *     });
 *   });
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import type { RunningPlayground } from '../../../src/infra/playground.js';
import type { BotProcess } from '../../../tools/lib/bot-process.js';
import { e2eSkipReason } from './chromium.js';
import type { PlaygroundChat } from './playground-chat.js';
import { startE2eStack, type BotSpec, type E2eStack } from './stack.js';

export { LOCAL_USER, COLLEAGUE } from './playground-user.js';
export { PlaygroundChat } from './playground-chat.js';
export type { BotSpec } from './stack.js';

/** The stand-in echo bot (test/e2e/support/echo-bot.ts). */
export function echoBot(): BotSpec {
  return { entry: 'test/e2e/support/echo-bot.ts' };
}

/** The real Mediawijs bot (`src/serve.ts`) in local anonymous mode with a fresh data directory. */
export function mediawijsBot(options: { org?: string; env?: Record<string, string> } = {}): BotSpec {
  return {
    entry: 'src/serve.ts',
    env: (dataDir) => ({
      ORG: options.org ?? 'oog',
      DATA_DIR: dataDir,
      BOT_ID: '',
      BOT_PASSWORD: '',
      ALLOWED_TENANTS: '',
      LOG_LEVEL: 'warn',
      ...options.env,
    }),
  };
}

export interface JourneyOptions {
  bot: BotSpec;
}

/** What a journey's tests use; `chat` is a fresh Playground tab per test. */
export interface Journey {
  readonly chat: PlaygroundChat;
  /** The bot process; `bot.url` is its base URL, `bot.output()` what it printed. */
  readonly bot: BotProcess;
  readonly playground: RunningPlayground;
  /** The journey's temporary directory (bot data lives in `<workDir>/data`). */
  readonly workDir: string;
}

const skipReason = e2eSkipReason(process.env);

/** `describe` for e2e journeys: skipped with a clear reason when chromium is absent outside CI. */
export function describeE2e(name: string, body: () => void): void {
  if (skipReason) describe.skip(`${name} — ${skipReason}`, body);
  else describe(name, body);
}

/**
 * Registers hooks that start bot + Playground + browser once for the surrounding describe, open a
 * new chat tab for each test (with a screenshot when the test fails), and stop everything afterwards.
 */
export function useJourney(options: JourneyOptions): Journey {
  let stack: E2eStack | undefined;
  let tab: { chat: PlaygroundChat; close(): Promise<void> } | undefined;

  beforeAll(async () => {
    stack = await startE2eStack(options.bot);
  }, 90_000);

  beforeEach(async () => {
    tab = await stack!.openChat();
  });

  afterEach(async (test) => {
    // `it.fails` tests are expected to fail; their output is noise.
    if (test.task.result?.state === 'fail' && !test.task.fails) {
      if (tab) await tab.chat.screenshot(`FAILED-${test.task.name}`).catch(() => undefined);
      // The bot's own log usually says why a journey failed; show its tail next to the assertion.
      const log = stack?.bot.output().trim();
      if (log) console.error(`--- bot output (${options.bot.entry}), last lines:\n${log.split('\n').slice(-30).join('\n')}`);
    }
    await tab?.close();
    tab = undefined;
  });

  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is niet gestart (gebruik journey.* alleen binnen een test).`);
    return value;
  };
  return {
    get chat() {
      return started(tab?.chat, 'De chat');
    },
    get bot() {
      return started(stack?.bot, 'De bot');
    },
    get playground() {
      return started(stack?.playground, 'De Playground');
    },
    get workDir() {
      return started(stack?.workDir, 'De journey');
    },
  };
}
