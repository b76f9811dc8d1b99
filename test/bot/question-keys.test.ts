import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startBot } from '../support/bot-harness.js';

function capturingLogger() {
  const lines: Array<{ event?: string; org?: string }> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as { event?: string; org?: string });
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('question-keys.json at start-up', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mw-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts quietly with the committed analysis, and warns (answering the same) when it is missing', async () => {
    const fresh = capturingLogger();
    const bot = await startBot({ env: { ORG: 'oog' }, overrides: { logger: fresh.logger } });
    const question = 'mag ik een foto van mijn klas op insta zetten?';
    const expected = await bot.deps.answer(question);
    await bot.stop();
    expect(fresh.lines.filter((l) => l.event === 'knowledge.question_keys_stale')).toEqual([]);

    cpSync(path.resolve('knowledge'), dir, { recursive: true });
    rmSync(path.join(dir, 'oog', 'question-keys.json'));
    const stale = capturingLogger();
    const without = await startBot({ env: { ORG: 'oog', KNOWLEDGE_DIR: dir }, overrides: { logger: stale.logger } });
    const answer = await without.deps.answer(question);
    await without.stop();
    expect(stale.lines.filter((l) => l.event === 'knowledge.question_keys_stale').map((l) => l.org)).toEqual(['oog']);
    expect(answer).toEqual(expected);
  });
});
