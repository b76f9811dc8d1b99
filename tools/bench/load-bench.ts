/*
 * Capacity of one instance: the closed-loop load (load-client.ts) against the echo bot and the
 * real server (`src/serve.ts`), each as a process of its own, in one run. First questions only
 * (echo vs Mediawijs: messages/s, CPU per message, latency, memory), then the same load with a
 * third of the users recording doubts ("twijfel", then "Verstuur" on the compose card).
 * Run alone with `npx tsx tools/bench/load-bench.ts [-- --users 200 --duration 20 --warmup 5]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { user, type TestUser } from '../../test/support/activities.js';
import { startBotProcess, type BotProcess } from '../lib/bot-process.js';
import { FakeConnector, type ConnectorCall } from '../../test/support/fake-connector.js';
import { message, registerMember, runLoad, submit, type LoadResult, type Script } from './load-client.js';

export interface LoadBenchOptions {
  users: number;
  /** Distinct people the question users take turns being (a multiple of `users`). */
  distinct: number;
  warmupMs: number;
  durationMs: number;
  /** Write a V8 CPU profile of the Mediawijs server into this directory. */
  profileDir?: string;
  /** Extra environment for the Mediawijs server (experiments: `--env NAME=value`). */
  serverEnv?: Record<string, string>;
  /** Run only the Mediawijs question load (profiling, quick experiments). */
  questionsOnly?: boolean;
  /** Run only the load with answers from memory (`--memo-only`: profiling the turn without retrieval). */
  memoOnly?: boolean;
  /** Report each of the questions apart (`--by-question`): they take different paths through the bot. */
  byQuestion?: boolean;
}

export const QUESTIONS = [
  'mag ik een foto van mijn klas op insta zetten?',
  'een ouder reageert boos op facebook, wat doe ik?',
  'mag ik vloeken op mijn eigen twitter?',
  'moet ik zeggen dat ik op persoonlijke titel schrijf?',
  'hoe vraag ik ouderschapsverlof aan?',
];
const DOUBT_TEXT = 'Mag ik een filmpje van de sportdag op de website van school zetten?';
const LEADERS = 10;
/** Every DOUBT_EVERY-th user records doubts in the mixed load. */
const DOUBT_EVERY = 3;

const questioner = (i: number) => user(`q${i}`, 0x100000 + i);
const doubter = (vu: number) => user(`d${vu}`, 0x200000 + vu);
const leader = (j: number) => user(`leader${j}`, 0x300000 + j);

/** Question users: user `vu` asks as person vu, vu + users, vu + 2·users, … (never two at once). */
export function questionScript(options: Pick<LoadBenchOptions, 'users' | 'distinct' | 'byQuestion'>): Script {
  const people = Math.max(options.users, Math.ceil(options.distinct / options.users) * options.users);
  return async function* (vu, serviceUrl) {
    for (let k = 0; ; k++) {
      const who = questioner((vu + k * options.users) % people);
      yield { kind: options.byQuestion ? `q${(vu + k) % QUESTIONS.length}` : 'question', activity: message(who, QUESTIONS[(vu + k) % QUESTIONS.length]!, serviceUrl) };
    }
  };
}

/** Doubt users: "twijfel" → the compose card → "Verstuur" with the question, again and again. */
function doubtScript(): Script {
  return async function* (vu, serviceUrl) {
    const who = doubter(vu);
    for (;;) {
      const compose: ConnectorCall = yield { kind: 'compose', activity: message(who, 'twijfel', serviceUrl) };
      const send = findSubmit(compose.body, 'Verstuur');
      if (!send) return;
      yield {
        kind: 'doubt',
        activity: submit(who, { ...send, doubtText: DOUBT_TEXT, draftText: '' }, serviceUrl),
        accept: (reply) => reply.body.summary === 'Je vraag is ontvangen',
      };
    }
  };
}

function mixedScript(options: LoadBenchOptions): Script {
  const questions = questionScript(options);
  const doubts = doubtScript();
  return (vu, serviceUrl) => (vu % DOUBT_EVERY === 0 ? doubts(vu, serviceUrl) : questions(vu, serviceUrl));
}

/** The data of the card's Action.Submit with this title. */
function findSubmit(activity: Record<string, unknown>, title: string): Record<string, unknown> | undefined {
  const cards = ((activity.attachments as Array<{ content?: { actions?: Array<Record<string, unknown>> } }> | undefined) ?? []).map((a) => a.content);
  return cards.flatMap((c) => c?.actions ?? []).find((a) => a.title === title)?.data as Record<string, unknown> | undefined;
}

/** A DATA_DIR whose leader mapping sends each doubt user's doubts to one of LEADERS leaders. */
export function benchDataDir(users: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mw-load-'));
  const leaders = Object.fromEntries(Array.from({ length: LEADERS }, (_, j) => [`l${j}`, { name: `Leider ${j}`, id: leader(j).aadObjectId }]));
  const teams = Array.from({ length: LEADERS }, (_, j) => ({
    name: `School ${j}`,
    leader: `l${j}`,
    members: Array.from({ length: users }, (_, vu) => vu).filter((vu) => vu % LEADERS === j).map((vu) => doubter(vu).aadObjectId),
  }));
  writeFileSync(path.join(dir, 'leaders.json'), JSON.stringify({ version: 1, leaders, teams }));
  return dir;
}

/** Everyone the load speaks as is a member of the tenant, as in Teams. */
export function registerPeople(connector: FakeConnector, options: Pick<LoadBenchOptions, 'users' | 'distinct'>): TestUser[] {
  const count = Math.max(options.users, Math.ceil(options.distinct / options.users) * options.users);
  const people = [
    ...Array.from({ length: LEADERS }, (_, j) => leader(j)),
    ...Array.from({ length: count }, (_, i) => questioner(i)),
    ...Array.from({ length: options.users }, (_, vu) => doubter(vu)),
  ];
  for (const who of people) registerMember(connector, who);
  return people;
}

/**
 * Everyone says "hallo" once, `users` at a time, before the measured load: what is measured is
 * people who have used the bot before (their identity looked up, their conversation known), and
 * leaders whose conversation is known, so doubts reach them proactively. Returns messages/s.
 */
export async function greet(url: string, people: TestUser[], serviceUrl: string, users: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < people.length) {
      const who = people[next++]!;
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(who, 'hallo', serviceUrl)) });
      await res.text();
      if (!res.ok) throw new Error(`greeting as ${who.name} failed with ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: users }, worker));
  return people.length / ((performance.now() - started) / 1000);
}

export interface LoadBenchResult {
  echo: LoadResult | undefined;
  questions: LoadResult;
  /** The same questions with each distinct question answered once, then from memory: the turn without retrieval. */
  memoized: LoadResult | undefined;
  mixed: LoadResult | undefined;
  /** Messages/s while everyone said "hallo" for the first time (identity look-up, first records). */
  firstContacts: number;
  people: number;
}

type Server = 'echo' | 'memoized' | 'mediawijs';

const ENTRIES: Record<Server, string | undefined> = { echo: 'tools/bench/echo-server.ts', memoized: 'tools/bench/memo-answer-server.ts', mediawijs: undefined };

/** Starts one server as a process of its own, lets everyone say "hallo", runs `work`, and stops it. */
async function withServer<R>(server: Server, options: LoadBenchOptions, people: TestUser[], serviceUrl: string, work: (bot: BotProcess, firstContacts: number) => Promise<R>): Promise<R> {
  const dataDir = benchDataDir(options.users);
  const env: Record<string, string> = server === 'echo' ? {} : { DATA_DIR: dataDir, ORG: 'oog', LOG_LEVEL: 'info', SWEEP_INTERVAL_MINUTES: '1440', ...options.serverEnv };
  const nodeArgs = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(options.profileDir, server)}`] : [];
  const entry = ENTRIES[server];
  const bot = await startBotProcess(env, 30_000, { discardOutput: true, nodeArgs, ...(entry ? { entry } : {}) });
  try {
    return await work(bot, await greet(bot.url, people, serviceUrl, options.users));
  } finally {
    const stopping = performance.now();
    await bot.stop('SIGTERM', 60_000);
    const stopMs = performance.now() - stopping;
    if (stopMs > 5_000 || bot.child.exitCode !== 0) console.warn(`The ${server} server took ${stopMs.toFixed(0)} ms to stop (exit ${bot.child.exitCode ?? bot.child.signalCode}):\n${bot.output().slice(-2000)}`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runLoadBench(options: LoadBenchOptions): Promise<LoadBenchResult> {
  const connector = new FakeConnector({ record: false });
  const serviceUrl = await connector.start();
  const people = registerPeople(connector, options);
  const load = (bot: BotProcess, script: Script) =>
    runLoad(connector, serviceUrl, { urls: [bot.url], pids: [bot.child.pid!], users: options.users, warmupMs: options.warmupMs, durationMs: options.durationMs, script });
  const questionLoad = (bot: BotProcess) => load(bot, questionScript(options));
  try {
    if (options.memoOnly) {
      const memoized = await withServer('memoized', options, people, serviceUrl, questionLoad);
      return { echo: undefined, questions: memoized, memoized: undefined, mixed: undefined, firstContacts: 0, people: people.length };
    }
    const echo = options.questionsOnly ? undefined : await withServer('echo', options, people, serviceUrl, questionLoad);
    const memoized = options.questionsOnly ? undefined : await withServer('memoized', options, people, serviceUrl, questionLoad);
    return await withServer('mediawijs', options, people, serviceUrl, async (bot, firstContacts) => {
      const questions = await questionLoad(bot);
      const mixed = options.questionsOnly ? undefined : await load(bot, mixedScript(options));
      return { echo, questions, memoized, mixed, firstContacts, people: people.length };
    });
  } finally {
    await connector.stop();
  }
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

/** One line per load result. */
export function describeLoad(name: string, r: LoadResult): string {
  return (
    `  ${name.padEnd(22)} ${r.perSecond.toFixed(0).padStart(5)} msg/s  CPU ${r.cpuMsPerMessage.toFixed(2)} ms/msg (kernel ${r.systemMsPerMessage.toFixed(2)}; ${r.serverCores.toFixed(2)} cores)  ` +
    `reply p50 ${ms(r.all.p50)} p99 ${ms(r.all.p99)}  open after reply p50 ${ms(r.all.openAfterP50)} p99 ${ms(r.all.openAfterP99)}  ` +
    `RSS peak ${r.peakRssMb.toFixed(0)} MB  errors ${r.errors}  (load generator ${r.clientCores.toFixed(2)} cores)`
  );
}

export function printLoadBench(result: LoadBenchResult, options: LoadBenchOptions): void {
  const { echo, questions, memoized, mixed } = result;
  console.log(
    `\nCapacity under concurrent load: ${options.users} users, closed loop, ${options.durationMs / 1000} s measured after ${options.warmupMs / 1000} s warm-up, ` +
      `question users taking turns as ${Math.max(options.users, Math.ceil(options.distinct / options.users) * options.users)} people; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)}:`,
  );
  console.log(`  first contact: ${result.people} people said "hallo" for the first time at ${result.firstContacts.toFixed(0)} msg/s (not measured below)`);
  if (echo) console.log(describeLoad('echo bot', echo));
  console.log(describeLoad('Mediawijs, questions', questions));
  for (const [kind, f] of Object.entries(questions.byKind)) {
    console.log(`    ${kind.padEnd(9)} ${String(f.count).padStart(6)} × p50 ${ms(f.p50)} p99 ${ms(f.p99)}  open after reply p50 ${ms(f.openAfterP50)} p99 ${ms(f.openAfterP99)}`);
  }
  if (!echo || !mixed) return;
  if (memoized) console.log(describeLoad('  answers from memory', memoized));
  console.log(describeLoad('Mediawijs, 1/3 doubts', mixed));
  for (const [kind, f] of Object.entries(mixed.byKind)) {
    console.log(`    ${kind.padEnd(9)} ${String(f.count).padStart(6)} × p50 ${ms(f.p50)} p99 ${ms(f.p99)}  open after reply p50 ${ms(f.openAfterP50)} p99 ${ms(f.openAfterP99)}`);
  }
  const doubt = mixed.byKind.doubt;
  const cpuRatio = questions.cpuMsPerMessage / echo.cpuMsPerMessage;
  const rateRatio = questions.perSecond / echo.perSecond;
  console.log(`  ratios vs echo: CPU per message ${cpuRatio.toFixed(2)}× (target <= 1.5), throughput ${rateRatio.toFixed(2)}× (target >= 0.7), reply p50 ${(questions.all.p50 / echo.all.p50).toFixed(2)}×`);
  if (memoized) {
    const answering = questions.cpuMsPerMessage - memoized.cpuMsPerMessage;
    console.log(
      `  of the CPU per message, answering (retrieval) ~${answering.toFixed(2)} ms; the rest of the turn ${memoized.cpuMsPerMessage.toFixed(2)} ms = ${(memoized.cpuMsPerMessage / echo.cpuMsPerMessage).toFixed(2)}× echo`,
    );
  }
  console.log(`  recording a doubt: p50 ${doubt ? ms(doubt.p50) : 'n/a'} p99 ${doubt ? ms(doubt.p99) : 'n/a'} (target p50 < 300 ms)`);
}

/** `--name value` or `--name=value` from argv, as a number. */
export function numberFlag(argv: string[], name: string, fallback: number): number {
  const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const raw = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number, got ${raw}`);
  return value;
}

export function loadOptionsFrom(argv: string[]): LoadBenchOptions {
  const profileAt = argv.indexOf('--profile');
  const serverEnv = Object.fromEntries(
    argv.flatMap((a, i) => (a === '--env' && argv[i + 1]?.includes('=') ? [argv[i + 1]!.split(/=(.*)/s).slice(0, 2) as [string, string]] : [])),
  );
  return {
    serverEnv,
    questionsOnly: argv.includes('--questions-only'),
    byQuestion: argv.includes('--by-question'),
    memoOnly: argv.includes('--memo-only'),
    users: numberFlag(argv, 'users', 200),
    distinct: numberFlag(argv, 'distinct', 2000),
    warmupMs: numberFlag(argv, 'warmup', 5) * 1000,
    durationMs: numberFlag(argv, 'duration', 15) * 1000,
    ...(profileAt >= 0 ? { profileDir: path.resolve(argv[profileAt + 1] ?? 'profiles') } : {}),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = loadOptionsFrom(process.argv.slice(2));
  printLoadBench(await runLoadBench(options), options);
}
