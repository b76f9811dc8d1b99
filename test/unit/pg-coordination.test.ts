import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataStore } from '../../src/store/data-store.js';
import { openPgDataStore } from '../../src/store/postgres/open-pg-data-store.js';
import { scopeToBoard } from '../../src/store/board-scope.js';
import { updateUserRecord } from '../../src/teams/user-records.js';
import { createTestDatabase, pgAdminUrl, warnIfNoPg, type TestDatabase } from '../support/postgres.js';

warnIfNoPg();

/** Two store handles on one database stand for two instances. */
describe.skipIf(!pgAdminUrl())('coordination between instances (PostgreSQL)', () => {
  let db: TestDatabase;
  let one: DataStore;
  let two: DataStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    [one, two] = await Promise.all([openPgDataStore(db.url), openPgDataStore(db.url)]);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  it('a shared lock makes read-modify-write from two instances lose no update', async () => {
    const bump = (store: DataStore) =>
      store.locks!.withLock('counter', async () => {
        const n = ((await store.users.get('counter')) as { n: number } | undefined)?.n ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 1));
        await store.users.put('counter', { n: n + 1 });
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 === 0 ? one : two)));
    expect(await one.users.get('counter')).toEqual({ n: 20 });
  });

  it("two instances updating one user's record at the same moment keep each other's fields", async () => {
    // Install events, a name change and a member look-up of one user may reach two instances at once.
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        updateUserRecord({ store: i % 2 === 0 ? one : two }, 'user-race', (user) => ({ ...user, [`field${i}`]: i })),
      ),
    );
    const stored = (await two.users.get('user-race')) ?? {};
    expect(Object.keys(stored).sort()).toEqual(Array.from({ length: 16 }, (_, i) => `field${i}`).sort());
  });

  it('a counter shared by two instances adds every delta once (the daily AI budget)', async () => {
    const totals = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? one : two).locks!.addToCounter('ai-tokens:test', 10)));
    expect(Math.max(...totals)).toBe(200);
    expect(new Set(totals).size).toBe(20);
    expect(await one.locks!.addToCounter('ai-tokens:test', 0)).toBe(200);
  });

  it('a delivery is claimed by one instance; a released or expired claim can be taken again', async () => {
    expect(await one.locks!.claim('delivery:n1', 60_000)).toBe(true);
    expect(await two.locks!.claim('delivery:n1', 60_000)).toBe(false);
    await one.locks!.release('delivery:n1');
    expect(await two.locks!.claim('delivery:n1', 60_000)).toBe(true);
    // An instance that died holding a claim: once it expires, another instance takes over.
    expect(await one.locks!.claim('delivery:n2', 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await two.locks!.claim('delivery:n2', 60_000)).toBe(true);
  });

  it('an interval is claimed once across instances', async () => {
    const claims = await Promise.all([one, two, one, two].map((s) => s.locks!.claimInterval('maintenance', 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await one.locks!.claimInterval('short', 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await two.locks!.claimInterval('short', 1)).toBe(true);
  });

  it("with several boards (TENANT_ORGS) each board's sweep is claimed once across instances, independently of the others", async () => {
    const views = [one, two].flatMap((s) => [scopeToBoard(s, 'oog'), scopeToBoard(s, 'konot')]);
    const claims = await Promise.all([...views, ...views].map((v) => v.locks!.claimInterval('sweep', 60_000)));
    // oog and konot views alternate: one claim each.
    expect(claims.filter((c, i) => c && i % 2 === 0)).toHaveLength(1);
    expect(claims.filter((c, i) => c && i % 2 === 1)).toHaveLength(1);
  });
});
