import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../../tools/lib/bot-process.js';
import { activityText, FakeConnector } from '../support/fake-connector.js';
import { execute, message, submit, TENANT, user } from '../support/activities.js';

/**
 * Hostile and malformed requests over real HTTP against the real server process (src/serve.ts),
 * in local anonymous mode and in authenticated mode: none may end the process, none may get a 5xx,
 * memory stays bounded, and the bot still works afterwards.
 */
const attacker = user('attacker', 66);
const BOT_ID = '00000000-1111-2222-3333-444444444444';

interface Case {
  name: string;
  body: Buffer | string;
  headers?: Record<string, string>;
  /** Expected status in local mode; authenticated mode only requires a 4xx (or 401). */
  local: number;
}

function corpus(serviceUrl: string): Case[] {
  const json = (value: unknown) => JSON.stringify(value);
  const ok = message(attacker, 'hallo', serviceUrl);
  const without = (key: string) => {
    const copy: Record<string, unknown> = { ...ok };
    delete copy[key];
    return copy;
  };
  return [
    { name: 'gzip header on a body that is not gzip', body: '{}', headers: { 'content-encoding': 'gzip' }, local: 415 },
    { name: 'a valid gzip body inflating past 256 KB', body: gzipSync(Buffer.alloc(300_000, 32)), headers: { 'content-encoding': 'gzip' }, local: 415 },
    { name: 'a gzip bomb (50 MB inflated)', body: gzipSync(Buffer.alloc(50 * 1024 * 1024, 32)), headers: { 'content-encoding': 'gzip' }, local: 415 },
    { name: 'deflate', body: '{}', headers: { 'content-encoding': 'deflate' }, local: 415 },
    { name: 'brotli', body: brotliCompressSync(Buffer.from(json(ok))), headers: { 'content-encoding': 'br' }, local: 415 },
    { name: 'a body over 256 KB', body: json({ ...ok, text: 'x'.repeat(300_000) }), local: 413 },
    { name: 'a text over 20,000 characters', body: json({ ...ok, text: 'y'.repeat(20_001) }), local: 413 },
    { name: 'malformed JSON', body: '{"type": "message", ', local: 400 },
    { name: 'an empty body', body: '', local: 400 },
    { name: 'a JSON array', body: '[]', local: 400 },
    { name: 'JSON null', body: 'null', local: 400 },
    { name: 'a text/plain body', body: 'hallo', headers: { 'content-type': 'text/plain' }, local: 415 },
    { name: 'no activity type', body: json({ text: 'hoi' }), local: 400 },
    { name: 'an unknown activity type', body: json({ ...ok, type: 'bogus' }), local: 400 },
    { name: 'no conversation', body: json(without('conversation')), local: 400 },
    { name: 'no sender', body: json(without('from')), local: 400 },
    { name: 'no recipient', body: json(without('recipient')), local: 400 },
    { name: 'no channelId', body: json(without('channelId')), local: 400 },
    { name: 'value: null', body: json({ ...ok, value: null }), local: 400 },
    { name: 'serviceUrl "http://"', body: json({ ...ok, serviceUrl: 'http://' }), local: 400 },
    { name: 'serviceUrl not on this machine', body: json({ ...ok, serviceUrl: 'http://attacker.example/' }), local: 400 },
    { name: 'a conversation id with NUL', body: json({ ...ok, conversation: { id: 'a:x\u0000y', conversationType: 'personal' } }), local: 400 },
    { name: 'a conversation id with non-Latin-1 characters', body: json({ ...ok, conversation: { id: 'a:\u263a\u4e2d', conversationType: 'personal' } }), local: 400 },
    { name: 'a conversation id with CRLF', body: json({ ...ok, conversation: { id: 'a:x\r\nX-Evil: 1', conversationType: 'personal' } }), local: 400 },
    { name: 'an unknown invoke name', body: json({ ...ok, type: 'invoke', name: 'evil/unknown', value: {} }), local: 200 },
    { name: 'an Action.Execute with an unknown verb', body: json(execute(attacker, 'evil.verb', {}, serviceUrl)), local: 200 },
    { name: 'a forged leader answer for a doubt that does not exist', body: json(execute(attacker, 'doubt.answer', { doubtId: '../../etc/passwd', decision: 'approve' }, serviceUrl)), local: 200 },
    { name: 'forged feedback', body: json(submit(attacker, { verb: 'feedback', answerId: 'not-mine', rating: 'up' }, serviceUrl)), local: 200 },
    { name: 'a forged "open doubt" of someone else', body: json(submit(attacker, { verb: 'doubt.open', doubtId: 'someone-elses' }, serviceUrl)), local: 200 },
    { name: 'a forged onboarding step', body: json(submit(attacker, { verb: 'onboarding.answer', stepId: { $gt: '' }, optionId: 7 }, serviceUrl)), local: 200 },
    { name: 'a card value of the wrong shape', body: json(submit(attacker, { verb: ['doubt.send'], doubtText: { a: 1 } }, serviceUrl)), local: 200 },
  ];
}

async function send(url: string, c: Case, extraHeaders: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...c.headers, ...extraHeaders },
    body: typeof c.body === 'string' ? c.body : new Uint8Array(c.body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, body: await res.text() };
}

/** Resident memory of a process in MB (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : 0;
}

function expectAlive(bot: BotProcess): void {
  expect(bot.child.exitCode, bot.output()).toBeNull();
  expect(bot.child.signalCode).toBeNull();
}

describe('hostile corpus against the real server process, local anonymous mode', () => {
  const connector = new FakeConnector();
  let bot: BotProcess;
  let dataDir: string;

  beforeAll(async () => {
    await connector.start();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'mw-corpus-local-'));
    bot = await startBotProcess({ DATA_DIR: dataDir, ORG: 'oog' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every case with its 4xx or a harmless 200, stays up with bounded memory, and still answers a question', async () => {
    const cases = corpus(connector.url);
    const before = rssMb(bot.child.pid!);
    const results: string[] = [];
    for (const c of cases) {
      const res = await send(bot.url, c);
      results.push(`${c.name}: ${res.status}`);
      expect(res.status, c.name).toBe(c.local);
      expectAlive(bot);
    }
    // And all at once, a few times over.
    for (let round = 0; round < 3; round++) {
      const statuses = await Promise.all(cases.map((c) => send(bot.url, c).then((r) => r.status)));
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
    }
    expectAlive(bot);
    expect(rssMb(bot.child.pid!) - before, results.join('\n')).toBeLessThan(150);

    // Nothing the corpus sent reached a connector it named; forged clicks were answered politely.
    const forged = connector.calls.map((c) => activityText(c.body)).join('\n');
    expect(forged).not.toMatch(/Sorry, er ging bij mij iets mis/);

    connector.reset();
    const teacher = user('teacher', 1);
    const res = await send(bot.url, { name: 'question', body: JSON.stringify(message(teacher, 'wat zegt de code over een foto van de klas op fb?', connector.url)), local: 200 });
    expect(res.status).toBe(200);
    await connector.waitForCalls(1);
    expect(activityText(connector.activitiesTo(teacher.conversationId)[0]!)).toContain('toestemming');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 120_000);
});

describe('hostile corpus against the real server process, authenticated mode', () => {
  const connector = new FakeConnector();
  let bot: BotProcess;
  let dataDir: string;
  /**
   * Plays login.botframework.com: first black-holed (accepts connections, never answers), later
   * serving the OpenID metadata and a signing key of our own, so a token we sign is genuine.
   */
  let keyServer: http.Server;
  let keyMode: 'stall' | 'serve' = 'stall';
  const sockets = new Set<Socket>();
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });

  beforeAll(async () => {
    await connector.start();
    keyServer = http.createServer((req, res) => {
      if (keyMode === 'stall') return; // never answered
      const base = `http://127.0.0.1:${(keyServer.address() as { port: number }).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url?.endsWith('/keys')) {
        res.end(JSON.stringify({ keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', endorsements: ['msteams'] }] }));
      } else {
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      }
    });
    keyServer.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
    const metadataUrl = `http://127.0.0.1:${(keyServer.address() as { port: number }).port}/v1/.well-known/openidconfiguration`;
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'mw-corpus-auth-'));
    bot = await startBotProcess({
      DATA_DIR: dataDir,
      ORG: 'oog',
      BOT_ID,
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: '22222222-3333-4444-5555-666666666666',
      ALLOWED_TENANTS: TENANT,
      BOT_OPENID_METADATA_URL: metadataUrl,
    });
  });
  afterAll(async () => {
    await bot?.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => keyServer.close(() => resolve()));
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses the whole corpus with 4xx (never 5xx) and stays up with bounded memory', async () => {
    const before = rssMb(bot.child.pid!);
    for (const c of corpus('https://smba.trafficmanager.net/emea/')) {
      const res = await send(bot.url, c);
      expect(res.status, c.name).toBeGreaterThanOrEqual(400);
      expect(res.status, c.name).toBeLessThan(500);
      expectAlive(bot);
    }
    expect(rssMb(bot.child.pid!) - before).toBeLessThan(150);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('answers forged tokens claiming the Bot Framework issuer with a generic 401 within the deadline, even with a stalled key server', async () => {
    const activity = JSON.stringify(message(attacker, 'hallo', 'https://smba.trafficmanager.net/emea/'));
    const forged = forgedToken();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => send(bot.url, { name: 'forged', body: activity, local: 401 }, { authorization: `Bearer ${forged}` })),
    );
    const elapsed = performance.now() - started;
    for (const r of results) {
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toEqual({ error: 'unauthorized' });
    }
    // The deadline is 5 s; nothing waits for the stalled upstream beyond it.
    expect(elapsed).toBeLessThan(9_000);
    // While the key fetches still hang, further tokens are refused at once.
    const quick = performance.now();
    const again = await send(bot.url, { name: 'forged again', body: activity, local: 401 }, { authorization: `Bearer ${forged}` });
    expect(again.status).toBe(401);
    expect(performance.now() - quick).toBeLessThan(1_000);
    // No token at all, and garbage: 401 too.
    expect((await send(bot.url, { name: 'none', body: activity, local: 401 })).status).toBe(401);
    expect((await send(bot.url, { name: 'garbage', body: activity, local: 401 }, { authorization: 'Bearer not.a.jwt' })).status).toBe(401);
    expectAlive(bot);
    // One log line per refusal, no stack traces, no upstream text in any body. The lines reach this
    // process through a pipe, a moment after the answers: wait for them (bounded) before reading.
    for (let waited = 0; waited < 3_000 && !/"reason":"timeout"/.test(bot.output()); waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const output = bot.output();
    expect(output).toMatch(/"event":"auth.refused","status":401,"reason":"timeout"/);
    expect(output).toMatch(/"event":"auth.refused","status":401,"reason":"upstream-stalled"/);
    expect(output).not.toMatch(/\n\s+at /);
    for (const r of results) expect(r.body).not.toMatch(/botframework|127\.0\.0\.1|ECONN|EAI_AGAIN/);
  }, 60_000);

  it('once the key server answers again, accepts a genuine token and still refuses forged ones', async () => {
    keyMode = 'serve';
    // The hanging fetches fail now, so the gate lets the next attempt reach the key server.
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 200));
    const serviceUrl = 'https://smba.trafficmanager.net/emea/';
    // A typing activity: the turn runs (store, state) without a reply, so no outbound Azure AD token is needed.
    const typing = JSON.stringify({ ...message(attacker, '', serviceUrl), type: 'typing' });
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'https://api.botframework.com', aud: BOT_ID, nbf: now - 60, exp: now + 600, serviceurl: serviceUrl };
    const genuine = await send(bot.url, { name: 'genuine', body: typing, local: 200 }, { authorization: `Bearer ${signedToken(claims, keys.privateKey)}` });
    expect(genuine.status, bot.output()).toBe(200);
    const otherBot = await send(bot.url, { name: 'other audience', body: typing, local: 401 }, { authorization: `Bearer ${signedToken({ ...claims, aud: '99999999-1111-2222-3333-444444444444' }, keys.privateKey)}` });
    expect(otherBot.status).toBe(401);
    const badSignature = await send(bot.url, { name: 'forged', body: typing, local: 401 }, { authorization: `Bearer ${forgedToken().replace('forged-key', 'test-key')}` });
    expect(badSignature.status).toBe(401);
    const otherServiceUrl = await send(bot.url, { name: 'serviceurl', body: typing, local: 401 }, { authorization: `Bearer ${signedToken({ ...claims, serviceurl: 'https://evil.example/' }, keys.privateKey)}` });
    expect(otherServiceUrl.status).toBe(401);
    expectAlive(bot);
  }, 30_000);
});

function signedToken(claims: Record<string, unknown>, key: KeyObject): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'test-key' })}.${b64(claims)}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), key).toString('base64url')}`;
}

/** An RS256-looking token that claims the Bot Framework channel as issuer; its signature is junk. */
function forgedToken(): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return [
    b64({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' }),
    b64({ iss: 'https://api.botframework.com', aud: BOT_ID, nbf: now - 60, exp: now + 3600, serviceurl: 'https://smba.trafficmanager.net/emea/' }),
    Buffer.from('not a signature').toString('base64url'),
  ].join('.');
}
