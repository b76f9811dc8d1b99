import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, REPO_ROOT, type BotProcess } from '../../tools/lib/bot-process.js';
import { activityText, FakeConnector } from '../support/fake-connector.js';
import { message, submit, TENANT } from '../support/activities.js';
import { findAction } from '../support/bot-harness.js';
import { LEADERS_FIXTURE, PEOPLE } from '../support/doubt-helpers.js';

const BOT_ID = '00000000-0000-4000-8000-00000000b07d';
const BOT_TENANT_ID = '00000000-0000-4000-8000-000000007e17';

/**
 * The server started exactly as a deployment starts it: the real `npm run serve`, from an
 * environment a service manager would set (nothing inherited from this test process).
 */
describe('npm run serve, as deployed', () => {
  const dirs: string[] = [];
  let bot: BotProcess | undefined;
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const unauthenticated = (url: string) =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(PEOPLE.docent, 'hallo', 'https://smba.trafficmanager.net/emea/', TENANT)),
    });

  it('starts with a production environment (no env file), answers /healthz and refuses an activity without a token', async () => {
    bot = await startBotProcess(
      { BOT_ID, BOT_PASSWORD: 'dummy-secret', BOT_TENANT_ID, ALLOWED_TENANTS: TENANT, DATA_DIR: tempDir('mw-serve-prod-'), ORG: 'kopwerk' },
      60_000,
      { npmScript: 'serve', cleanEnv: true },
    );
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', org: 'kopwerk' });
    expect((await unauthenticated(bot.url)).status).toBe(401);
    expect(bot.output()).not.toMatch(/SELF_LEADER|kon niet starten/);
  }, 90_000);

  it('starts one deployment for several boards (TENANT_ORGS), listing them on /healthz', async () => {
    const other = '22222222-3333-4444-5555-666666666666';
    bot = await startBotProcess(
      { BOT_ID, BOT_PASSWORD: 'dummy-secret', TENANT_ORGS: `${TENANT}=oog,${other}=konot`, DATA_DIR: tempDir('mw-serve-tenants-') },
      60_000,
      { npmScript: 'serve', cleanEnv: true },
    );
    expect(await (await fetch(`${bot.url}/healthz`)).json()).toMatchObject({ status: 'ok', orgs: ['oog', 'konot'] });
    expect((await unauthenticated(bot.url)).status).toBe(401);
    expect(bot.output()).toMatch(/Mediawijs \(oog, konot\) luistert/);
  }, 90_000);

  it('starts as the README deploys it: ENV_FILE with env/.env.dev, the secret in its .user file', async () => {
    // A copy, so the test never writes next to the committed file; the content is env/.env.dev verbatim.
    const dir = tempDir('mw-serve-envfile-');
    const file = path.join(dir, '.env.dev');
    copyFileSync(path.join(REPO_ROOT, 'env/.env.dev'), file);
    writeFileSync(`${file}.user`, 'BOT_PASSWORD=dummy-secret\n');
    const devTenant = /^ALLOWED_TENANTS=(.+)$/m.exec(readFileSync(file, 'utf8'))![1]!.trim();
    // The host still decides where data lives and which port to use (the environment wins over the file).
    bot = await startBotProcess({ ENV_FILE: file, DATA_DIR: path.join(dir, 'data') }, 60_000, { npmScript: 'serve', cleanEnv: true });
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(PEOPLE.docent, 'hallo', 'https://smba.trafficmanager.net/emea/', devTenant)),
    });
    expect(res.status).toBe(401);
  }, 90_000);

  describe('in local mode with a leaders.yaml in DATA_DIR', () => {
    const connector = new FakeConnector();
    let serviceUrl = '';
    beforeAll(async () => {
      serviceUrl = await connector.start();
    });
    afterAll(async () => connector.stop());

    it('routes a doubt to the mapped leidinggevende, not back to the asker', async () => {
      const dataDir = tempDir('mw-serve-local-');
      copyFileSync(LEADERS_FIXTURE, path.join(dataDir, 'leaders.yaml'));
      bot = await startBotProcess({ DATA_DIR: dataDir }, 60_000, { npmScript: 'serve', cleanEnv: true });
      const post = async (body: unknown) => {
        const before = connector.calls.length;
        const res = await fetch(`${bot!.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(res.status).toBeLessThan(300);
        return connector.calls.slice(before);
      };
      const { docent, lotte } = PEOPLE;
      await post(message(lotte, 'hallo', serviceUrl));
      const [compose] = await post(message(docent, 'twijfel', serviceUrl));
      expect(activityText(compose!.body)).toContain('Lotte Leider (leidinggevende)');
      const send = findAction(compose!.body, 'Verstuur') as { data: Record<string, unknown> };
      const sent = await post(submit(docent, { ...send.data, doubtText: 'Mag ik de foto van de sportdag delen?', draftText: '' }, serviceUrl));
      const toLotte = sent.filter((c) => c.conversationId === lotte.conversationId);
      expect(toLotte).toHaveLength(1);
      expect(activityText(toLotte[0]!.body)).toContain('Mag ik de foto van de sportdag delen?');
      const toDocent = sent.filter((c) => c.conversationId === docent.conversationId);
      expect(activityText(toDocent[0]!.body)).toMatch(/verstuurd naar Lotte Leider/);
      expect(activityText(toDocent[0]!.body)).not.toMatch(/demo/i);
    }, 90_000);
  });
});
