import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildDeps } from '../../src/composition-root.js';
import { startBot, type BotUnderTest } from '../support/bot-harness.js';
import { actionData, LEADERS_FIXTURE, PEOPLE, registerPeople, to } from '../support/doubt-helpers.js';
import { FakeClock } from '../support/fake-clock.js';
import { requiredSchemaVersion } from '../../src/store/postgres/migrations.js';
import { createTestDatabase, pgAdminUrl, warnIfNoPg, type TestDatabase } from '../support/postgres.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const { docent, docent2, lotte } = PEOPLE;

warnIfNoPg();

async function sql<R extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!pgAdminUrl())('PostgreSQL store (DATABASE_URL)', () => {
  describe('schema versions', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase({ migrated: false });
    });
    afterAll(async () => db?.drop());

    const open = () => buildDeps(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }, { rootDir: ROOT }));

    it('refuses an unmigrated database naming npm run db:migrate, which migrates once and then has nothing to do', async () => {
      const latest = requiredSchemaVersion();
      await expect(open()).rejects.toThrow(`version 0, this Mediawijs needs version ${latest}. Run \`npm run db:migrate\``);
      const env = { ...process.env, DATABASE_URL: db.url, ENV_FILE: '' };
      const first = await run('npx', ['tsx', 'tools/db-migrate.ts'], { cwd: ROOT, env });
      expect(first.stdout).toContain(`from version 0 to ${latest} (applied: ${Array.from({ length: latest }, (_, i) => i + 1).join(', ')})`);
      const second = await run('npx', ['tsx', 'tools/db-migrate.ts'], { cwd: ROOT, env });
      expect(second.stdout).toContain(`already at version ${latest}; nothing to do`);
      const deps = await open();
      expect(deps.store.kind).toBe('postgresql');
      await deps.store.close();
    });

    it('refuses a schema newer than it knows', async () => {
      await sql(db.url, "INSERT INTO schema_migrations (version, name) VALUES (99, '099-from-the-future')");
      try {
        await expect(open()).rejects.toThrow(`version 99, newer than this Mediawijs knows (${requiredSchemaVersion()})`);
      } finally {
        await sql(db.url, 'DELETE FROM schema_migrations WHERE version = 99');
      }
    });
  });

  describe('a database that goes away and comes back (through a proxy)', () => {
    const clock = new FakeClock();
    let db: TestDatabase;
    let proxy: TcpProxy;
    let bot: BotUnderTest;

    beforeAll(async () => {
      db = await createTestDatabase();
      proxy = await startTcpProxy(Number(new URL(db.url).port));
      const viaProxy = new URL(db.url);
      viaProxy.port = String(proxy.port);
      bot = await startBot({ env: { DATABASE_URL: viaProxy.toString(), LEADER_MAPPING_FILE: LEADERS_FIXTURE }, overrides: { clock } });
      registerPeople(bot.connector);
      await bot.say(lotte, 'hallo');
    });
    afterAll(async () => {
      await bot?.stop();
      await proxy?.close();
      await db?.drop();
    });

    const health = async () => {
      const res = await fetch(`${bot.url}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const doubtsOf = (who: typeof docent) => sql<{ id: string }>(db.url, 'SELECT id FROM doubts WHERE asker_id = $1', [who.aadObjectId]);

    it('records a doubt in PostgreSQL and reports the database in /healthz', async () => {
      expect(await health()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', store: 'postgresql' }) });
      const [compose] = await bot.say(docent, 'twijfel');
      const replies = await bot.click(docent, { ...actionData(compose!, 'Verstuur'), doubtText: 'Mag ik de foto van de sportdag delen?' });
      expect(to(replies, docent)[0]!.text).toMatch(/Je vraag is ontvangen/);
      expect(to(replies, lotte)[0]!.text).toContain('Mag ik de foto van de sportdag delen?');
      expect(await doubtsOf(docent)).toHaveLength(1);
    });

    it('while the database is away: /healthz 503, and "probeer het zo nog eens" instead of a confirmation; after it is back, no restart is needed', async () => {
      const [compose] = await bot.say(docent2, 'twijfel');
      const send = { ...actionData(compose!, 'Verstuur'), doubtText: 'Mag ik een filmpje van de musical op YouTube zetten?' };

      await proxy.down();
      expect(await health()).toEqual({ status: 503, body: expect.objectContaining({ status: 'database unreachable', storeWritable: false }) });
      const failed = await bot.click(docent2, send);
      expect(failed.map((r) => r.text).join('\n')).toMatch(/Probeer het zo nog eens/);
      expect(failed.map((r) => r.text).join('\n')).not.toMatch(/Je vraag is ontvangen|is verstuurd naar/);
      expect(await doubtsOf(docent2)).toHaveLength(0);

      await proxy.up();
      expect((await health()).status).toBe(200);
      const replies = await bot.click(docent2, send);
      expect(to(replies, docent2)[0]!.text).toMatch(/Je vraag is ontvangen/);
      expect(await doubtsOf(docent2)).toHaveLength(1);
    });
  });
});
