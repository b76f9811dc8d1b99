import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, TENANT, user } from '../support/activities.js';
import { findAction, startBot, type BotUnderTest } from '../support/bot-harness.js';
import type { AppStore } from '../../src/teams/deps.js';
import { stubDeps } from '../support/stub-deps.js';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { createHttpServer, HTTP_TIMEOUTS, listen } from '../../src/http/server.js';
import { pino } from 'pino';

const teacher = user('teacher', 1);

describe('bot shell over HTTP (local mode, fake connector)', () => {
  let bot: BotUnderTest;
  let store: AppStore;

  beforeAll(async () => {
    bot = await startBot({
      deps: () => {
        const built = stubDeps();
        store = built.store;
        return built.deps;
      },
    });
  });
  afterAll(async () => bot.stop());

  it.each([
    ['hallo', /Ik ben Mediawijs/],
    ['help', /Waarmee kan ik je helpen/],
    ['bedankt!', /Graag gedaan/],
    ['asdfghjkl', /begrijp ik niet/],
    ['   ', /geen tekst/],
  ])('replies to %j in Dutch', async (text, expected) => {
    const replies = await bot.say(teacher, text);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(expected);
  });

  it('"help" lists every command, each of which then works as a command (not as a question)', async () => {
    // A user of its own: the commands leave a posting check and a doubt open, which would take the
    // next test's question as their situation.
    const tryer = user('help-tryer', 7);
    const [help] = await bot.say(tryer, 'help');
    for (const command of ['mag ik dit posten?', 'twijfel', 'mijn vragen', 'openstaande twijfels', 'onboarding', 'onboarding overzicht', 'mijn gegevens', 'verwijder mijn gegevens']) {
      expect(help!.text).toContain(command);
      const [reply] = await bot.say(tryer, command);
      expect(reply!.text, command).not.toMatch(/Daar zegt de code niets over|Ik weet het niet zeker|Dit staat in de code/);
    }
    expect(help!.text).toContain('Voor leidinggevenden');
    expect(help!.text).not.toMatch(/Welkom/);
    expect(findAction(help!.activity, 'Vraag mijn leidinggevende')).toBeDefined();
  });

  it('answers a question with the quoted passage, its citation and feedback buttons', async () => {
    const [reply] = await bot.say(teacher, 'wat zegt de code over een foto van de klas op fb?');
    expect(reply!.text).toContain('waarvoor je geen schriftelijk vastgelegde toestemming hebt');
    expect(reply!.text).toContain('Openbaar Onderwijs Groningen, Code Sociale Media, 3.1 Richtlijnen sociale media voor medewerkers, regel 8');
    expect(findAction(reply!.activity, '👍 Nuttig')).toBeDefined();
  });

  it('says plainly when the code is silent, quotes nothing and offers the leidinggevende', async () => {
    const [reply] = await bot.say(teacher, 'wanneer wordt het salaris overgemaakt?');
    expect(reply!.text).toMatch(/geen antwoord op je vraag gevonden/);
    expect(reply!.text).not.toContain('toestemming');
    expect(findAction(reply!.activity, 'Vraag mijn leidinggevende')).toBeDefined();
    expect(findAction(reply!.activity, '👎 Hier had ik een antwoord verwacht')).toBeDefined();
  });

  it('stores feedback with the question only, looked up on the server', async () => {
    const [reply] = await bot.say(teacher, 'foto van de musical op insta?');
    const up = findAction(reply!.activity, '👍 Nuttig') as { data: Record<string, unknown> };
    const [thanks] = await bot.click(teacher, up.data);
    expect(thanks!.text).toMatch(/Dank je/);
    const stored = (await store.feedback.list()).at(-1)!;
    expect(stored).toMatchObject({ question: 'foto van de musical op insta?', verdict: 'up', sectionId: 'test:3.1.8', org: 'oog' });
    expect(stored.userId).toBe(teacher.aadObjectId);
  });

  it('refuses forged feedback for an answer it never gave', async () => {
    const before = (await store.feedback.list()).length;
    const [reply] = await bot.click(teacher, { verb: 'feedback', answerId: 'not-mine', rating: 'up' });
    expect(reply!.text).toMatch(/knop werkt niet meer/);
    expect(await store.feedback.list()).toHaveLength(before);
  });

  it('politely refuses messages over 4,000 characters', async () => {
    const [reply] = await bot.say(teacher, 'foto '.repeat(1000));
    expect(reply!.text).toMatch(/te lang/);
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', 400],
    ['a JSON array', '[]', 400],
    ['no activity type', JSON.stringify({ text: 'hoi' }), 400],
    ['an unknown activity type', JSON.stringify({ ...message(teacher, 'x', 'http://127.0.0.1:1/'), type: 'bogus' }), 400],
    ['no conversation', JSON.stringify({ type: 'message', text: 'x', serviceUrl: 'http://127.0.0.1:1/', from: { id: 'u' } }), 400],
    ['no sender', JSON.stringify({ type: 'message', text: 'x', serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'c' } }), 400],
    ['a body over 256 KB', JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }), 413],
  ])('answers %s with a 4xx and keeps serving', async (_name, raw, status) => {
    const res = await bot.post(raw, { raw: true });
    expect(res.status).toBe(status);
    expect(res.replies).toHaveLength(0);
    const [reply] = await bot.say(teacher, 'hallo');
    expect(reply!.text).toMatch(/Ik ben Mediawijs/);
  });

  it.each([
    ['a body that is not gzip at all', 'gzip', Buffer.from('{}')],
    ['a valid gzip body that inflates past the size limit', 'gzip', gzipSync(Buffer.alloc(300_000, 32))],
    ['deflate', 'deflate', Buffer.from('{}')],
  ])('refuses a compressed body (%s) with 415 before reading it, and keeps serving', async (_name, encoding, body) => {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      body,
    });
    expect(res.status).toBe(415);
    const [reply] = await bot.say(teacher, 'hallo');
    expect(reply!.text).toMatch(/Ik ben Mediawijs/);
  });

  it('remembers the personal conversation reference for proactive messages', async () => {
    await bot.say(teacher, 'hallo');
    const record = (await store.conversations.get(teacher.aadObjectId))!;
    expect(record.reference).toMatchObject({ conversation: { id: teacher.conversationId }, serviceUrl: bot.connector.url });
  });
});

describe('tenant and authentication checks', () => {
  it('refuses activities from a tenant that is not allowed', async () => {
    const bot = await startBot({ env: { ALLOWED_TENANTS: TENANT }, deps: () => stubDeps().deps });
    try {
      const foreign = await bot.post(message(teacher, 'hallo', bot.connector.url, '99999999-9999-9999-9999-999999999999'));
      expect(foreign.status).toBe(403);
      expect(foreign.replies).toHaveLength(0);
      const allowed = await bot.post(message(teacher, 'hallo', bot.connector.url));
      expect(allowed.status).toBe(200);
      expect(allowed.replies).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });

  it('requires a Bot Framework token when BOT_ID is set', async () => {
    const bot = await startBot({
      env: { BOT_ID: '00000000-1111-2222-3333-444444444444', BOT_PASSWORD: 'secret', ALLOWED_TENANTS: TENANT },
      deps: () => stubDeps().deps,
    });
    try {
      const res = await bot.post(message(teacher, 'hallo', bot.connector.url));
      expect(res.status).toBe(401);
      expect(res.replies).toHaveLength(0);
    } finally {
      await bot.stop();
    }
  });
});

describe('HTTP time-outs', () => {
  it('are set well below Node\'s defaults, to what Teams needs', () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { rootDir: new URL('../..', import.meta.url).pathname });
    const deps = { config, ...stubDeps().deps };
    const server = createHttpServer({ bot: createApp(deps), config, logger: deps.logger, orgs: [deps.board.org], isStoreWritable: async () => true });
    expect(server.server.headersTimeout).toBe(HTTP_TIMEOUTS.headersMs);
    expect(server.server.requestTimeout).toBe(HTTP_TIMEOUTS.requestMs);
    expect(HTTP_TIMEOUTS.headersMs).toBeLessThanOrEqual(10_000);
    expect(HTTP_TIMEOUTS.requestMs).toBeLessThanOrEqual(30_000);
  });
});

describe('a GET or HEAD of /api/messages (the Playground checks it)', () => {
  it('is answered 200 without a warning, while a bad POST is still logged', async () => {
    const lines: { level: number; event?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; event?: string }) });
    const config = loadConfig({ LOG_LEVEL: 'info' }, { rootDir: new URL('../..', import.meta.url).pathname });
    const deps = { ...stubDeps().deps, config, logger };
    const server = createHttpServer({ bot: createApp(deps), config, logger, orgs: [deps.board.org], isStoreWritable: async () => true });
    const port = await listen(server, 0, '127.0.0.1');
    try {
      const get = await fetch(`http://127.0.0.1:${port}/api/messages`);
      expect(get.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'HEAD' })).status).toBe(200);
      expect(lines.filter((l) => l.level >= 40)).toEqual([]);
      const bad = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":1}' });
      expect(bad.status).toBe(400);
      expect(lines.filter((l) => l.level >= 40).map((l) => l.event)).toEqual(['activity.rejected']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
