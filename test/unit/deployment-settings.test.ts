import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnvironment, ROOT_DIR } from '../../src/composition-root.js';
import { LOCAL_ONLY_SETTINGS, SETTINGS } from '../../src/config.js';

const read = (file: string) => readFileSync(path.join(ROOT_DIR, file), 'utf8');

/** The README's configuration table: variable → documented default (multi-variable rows split). */
function readmeDefaults(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of read('README.md').split('\n')) {
    const m = /^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \| ([^|]+) \|/.exec(line);
    if (!m) continue;
    for (const v of m[1]!.matchAll(/`([A-Z_]+)`/g)) rows.set(v[1]!, m[2]!.trim());
  }
  return rows;
}

describe('deployment settings', () => {
  it('env/.env.dev lists every setting a deployment needs, and no demo setting', () => {
    const dev = read('env/.env.dev');
    const listed = new Set([...dev.matchAll(/^#? ?([A-Z_]+)=/gm)].map((m) => m[1]!));
    const needed = SETTINGS.filter((s) => !LOCAL_ONLY_SETTINGS.includes(s));
    expect(needed.filter((s) => !listed.has(s))).toEqual([]);
    expect(dev).not.toMatch(/^SELF_LEADER=/m);
  });

  it("the README's table of defaults is what `npm run serve` gets from an empty environment", () => {
    const defaults = readmeDefaults();
    // configFromEnvironment without the local-demo option is exactly what src/serve.ts calls.
    const config = configFromEnvironment({});
    const actual: Record<string, string> = {
      ORG: String(config.org),
      PORT: String(config.port),
      DATA_DIR: `./${path.relative(ROOT_DIR, config.dataDir)}`,
      REMINDER_WORKING_DAYS: String(config.reminderWorkingDays),
      ESCALATION_WORKING_DAYS: String(config.escalationWorkingDays),
      RETENTION_MONTHS: String(config.retentionMonths),
      SWEEP_INTERVAL_MINUTES: String(config.sweepIntervalMinutes),
      SELF_LEADER: String(config.selfLeader),
      LOG_LEVEL: config.logLevel,
    };
    for (const [variable, value] of Object.entries(actual)) expect(`${variable}: ${defaults.get(variable)}`).toBe(`${variable}: \`${value}\``);
    expect(config.mode).toBe('local');
    expect(defaults.get('BOT_ID')).toMatch(/empty/);
    // AI answers are off without AI_ENDPOINT; their other defaults apply once it is set.
    expect(config.ai).toBeUndefined();
    expect(defaults.get('AI_ENDPOINT')).toMatch(/empty/);
    const ai = configFromEnvironment({ AI_ENDPOINT: 'https://x.openai.azure.com', AI_MODEL: 'm', AI_API_KEY: 'k' }).ai!;
    const aiActual = { AI_API_VERSION: ai.apiVersion, AI_TIMEOUT_MS: String(ai.timeoutMs), AI_DAILY_TOKEN_BUDGET: String(ai.dailyTokenBudget), AI_SEND_PERSONAL_DATA: String(ai.sendPersonalData) };
    for (const [variable, value] of Object.entries(aiActual)) expect(`${variable}: ${defaults.get(variable)}`).toBe(`${variable}: \`${value}\``);
    for (const setting of SETTINGS.filter((s) => !['KNOWLEDGE_DIR', 'DIALOGS_DIR', 'GRAPH_BASE_URL'].includes(s))) expect(defaults.has(setting), setting).toBe(true);
  });
});
