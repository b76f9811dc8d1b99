import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium; the harness never downloads browsers. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Why e2e tests cannot run here, or undefined when they can. Without chromium they are skipped
 * locally, but in CI (CI set) a missing browser must fail loudly instead of silently skipping.
 */
export function e2eSkipReason(env: Record<string, string | undefined>): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  if (env.CI) return undefined;
  return `e2e overgeslagen: ${CHROMIUM_PATH} ontbreekt (install it with: apt-get install -y chromium). In CI draaien ze altijd.`;
}

/** Launches headless Debian chromium with the flags that keep it offline and quiet. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} ontbreekt: installeer Debian chromium (apt-get install -y chromium).`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
