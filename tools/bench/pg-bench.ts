/*
 * PostgreSQL figures for `npm run bench` (on a throwaway cluster from tools/lib/pg-cluster.ts):
 *   - recording a doubt (the store's put of a new doubt) with 100,000 and 1,000,000 doubts stored;
 *   - the question load of load-bench.ts against one and against two server processes on one database.
 * Run alone with `npx tsx tools/bench/pg-bench.ts [-- --users 200 --duration 20 --sizes 100000,1000000]`.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { StoredDoubt } from '../../src/core/doubts/doubt-store.js';
import { migrate } from '../../src/store/postgres/migrations.js';
import { openPgDataStore } from '../../src/store/postgres/open-pg-data-store.js';
import { startBotProcess, type BotProcess } from '../lib/bot-process.js';
import { FakeConnector } from '../../test/support/fake-connector.js';
import { findPgBin, startPgCluster, type PgCluster } from '../lib/pg-cluster.js';
import { benchDataDir, describeLoad, greet, loadOptionsFrom, questionScript, registerPeople, type LoadBenchOptions } from './load-bench.js';
import { percentile, processCpuMs, runLoad, type LoadResult } from './load-client.js';

const SAMPLES = 300;
const WARM_UP = 20;

interface PutFigures {
  size: number;
  seedMs: number;
  p50: number;
  p99: number;
}

/** A new doubt as the bot records one (the shape of tools/bench/store-bench.ts). */
function newDoubt(n: number, size: number): StoredDoubt & Record<string, unknown> {
  return {
    id: `bench-new-${n}`,
    askerId: `aad-user-${n % Math.max(1, size / 10)}`,
    assigneeIds: [`aad-leader-${n % Math.max(1, size / 50)}`],
    open: true,
    createdAt: new Date().toISOString(),
    question: 'Mag ik een foto van de schoolreis met leerlingen op de schoolpagina zetten?',
    org: 'oog',
  };
}

/** Fills the doubts table with `size` doubts in one statement (5% open), then analyses it. */
async function seed(pool: pg.Pool, size: number): Promise<number> {
  const started = performance.now();
  await pool.query('TRUNCATE doubts');
  await pool.query(
    `INSERT INTO doubts (id, asker_id, assignee_ids, open, data)
     SELECT 'doubt-' || n, 'aad-user-' || (n % ($1 / 10)), ARRAY['aad-leader-' || (n % ($1 / 50))], n % 20 = 0,
            json_build_object('id', 'doubt-' || n, 'askerId', 'aad-user-' || (n % ($1 / 10)),
              'assigneeIds', json_build_array('aad-leader-' || (n % ($1 / 50))), 'open', n % 20 = 0,
              'createdAt', to_char(timestamp '2025-01-01' + n * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
              'question', 'Mag ik een foto van de schoolreis met leerlingen op de schoolpagina zetten?', 'org', 'oog')
     FROM generate_series(1, $1::int) AS n`,
    [size],
  );
  await pool.query('VACUUM ANALYZE doubts');
  return performance.now() - started;
}

async function timePuts(url: string, size: number): Promise<{ p50: number; p99: number }> {
  const store = await openPgDataStore(url);
  try {
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const started = performance.now();
      await store.doubts.put(newDoubt(i, size));
      if (i >= WARM_UP) times.push(performance.now() - started);
    }
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    await store.close();
  }
}

/**
 * Watches the CPU of the cluster's processes (postmaster and its children, connections come and
 * go) from /proc, sampled every 250 ms; `used()` is the CPU they used since the watch started.
 */
function watchClusterCpu(cluster: PgCluster): { used(): number; stop(): void } {
  const postmaster = Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = (initial: boolean) => {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (Number(entry) !== postmaster && ppid !== postmaster) continue;
        const cpu = processCpuMs(Number(entry));
        const pid = Number(entry);
        if (initial) first.set(pid, cpu.user + cpu.system);
        last.set(pid, cpu.user + cpu.system);
      } catch {
        // the process ended meanwhile: its last sample stands
      }
    }
  };
  sample(true);
  const timer = setInterval(() => sample(false), 250);
  return {
    used: () => {
      sample(false);
      return [...last].reduce((sum, [pid, ms]) => sum + ms - (first.get(pid) ?? 0), 0);
    },
    stop: () => clearInterval(timer),
  };
}

interface InstancesFigures {
  instances: number;
  load: LoadResult;
  databaseCpuMsPerMessage: number;
}

/** The question load spread over `count` server processes sharing one database. */
async function loadOnInstances(cluster: PgCluster, url: string, count: number, options: LoadBenchOptions): Promise<InstancesFigures> {
  const connector = new FakeConnector({ record: false });
  const serviceUrl = await connector.start();
  const people = registerPeople(connector, options);
  const dataDir = benchDataDir(options.users);
  const bots: BotProcess[] = [];
  try {
    for (let i = 0; i < count; i++) {
      bots.push(await startBotProcess({ DATABASE_URL: url, DATA_DIR: dataDir, ORG: 'oog', LOG_LEVEL: 'info', SWEEP_INTERVAL_MINUTES: '1440' }, 30_000, { discardOutput: true }));
    }
    await greet(bots[0]!.url, people, serviceUrl, options.users);
    const cpu = watchClusterCpu(cluster);
    const load = await runLoad(connector, serviceUrl, {
      urls: bots.map((b) => b.url),
      pids: bots.map((b) => b.child.pid!),
      users: options.users,
      warmupMs: options.warmupMs,
      durationMs: options.durationMs,
      script: questionScript(options),
    });
    // Over warm-up and measurement together: a rough figure, for the share of the two cores it takes.
    const databaseCpuMsPerMessage = cpu.used() / ((load.perSecond * (options.warmupMs + options.durationMs)) / 1000);
    cpu.stop();
    return { instances: count, load, databaseCpuMsPerMessage };
  } finally {
    for (const bot of bots) await bot.stop('SIGTERM', 30_000);
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runPgBench(options: LoadBenchOptions, sizes = [100_000, 1_000_000]): Promise<void> {
  if (!findPgBin()) {
    console.log('\nPostgreSQL: skipped (not installed; on Debian: apt-get install -y postgresql)');
    return;
  }
  const cluster = await startPgCluster();
  const admin = new pg.Client(cluster.url);
  await admin.connect();
  await admin.query('CREATE DATABASE mw_bench');
  await admin.end();
  const url = cluster.url.replace(/\/postgres$/, '/mw_bench');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await migrate(pool);
    console.log(`\nPostgreSQL (throwaway cluster, fsync on; ${SAMPLES} puts after ${WARM_UP} warm-up, one at a time):`);
    const rows: PutFigures[] = [];
    for (const size of sizes) {
      const seedMs = await seed(pool, size);
      rows.push({ size, seedMs, ...(await timePuts(url, size)) });
      const r = rows.at(-1)!;
      console.log(`  record a doubt with ${size.toLocaleString('en').padStart(9)} stored: p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
    }
    const first = rows[0]!;
    const last = rows.at(-1)!;
    if (rows.length > 1) {
      const ratio = last.p50 / first.p50;
      console.log(`  target at ${last.size.toLocaleString('en')}: p50 < 5 ms and <= 2x the ${first.size.toLocaleString('en')} figure -> ${last.p50.toFixed(2)} ms, ${ratio.toFixed(2)}x: ${last.p50 < 5 && ratio <= 2 ? 'PASS' : 'FAIL'}`);
    }
    await pool.query('TRUNCATE doubts, key_values, turn_state, feedback');

    console.log(`\nQuestions on PostgreSQL, ${options.users} users, ${options.durationMs / 1000} s after ${options.warmupMs / 1000} s warm-up (same closed loop as above):`);
    const one = await loadOnInstances(cluster, url, 1, options);
    console.log(describeLoad('one instance', one.load) + `  PostgreSQL ~${one.databaseCpuMsPerMessage.toFixed(2)} ms CPU/msg`);
    await pool.query('TRUNCATE key_values, turn_state, feedback');
    const two = await loadOnInstances(cluster, url, 2, options);
    console.log(describeLoad('two instances', two.load) + `  PostgreSQL ~${two.databaseCpuMsPerMessage.toFixed(2)} ms CPU/msg`);
    console.log(`  throughput two/one: ${(two.load.perSecond / one.load.perSecond).toFixed(2)}x`);
  } finally {
    await pool.end();
    await cluster.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const sizesAt = argv.indexOf('--sizes');
  const sizes = sizesAt >= 0 ? argv[sizesAt + 1]!.split(',').map(Number) : undefined;
  await runPgBench(loadOptionsFrom(argv), sizes);
}
