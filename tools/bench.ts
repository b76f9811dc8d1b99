/**
 * `npm run bench`: round trip of a question through HTTP (POST /api/messages until the reply
 * reached the fake connector) for Mediawijs and for a bare echo bot on the same stack, index
 * build time, start-up time, capacity under concurrent load (tools/bench/load-bench.ts), and the
 * storage figures. Prints figures; asserts nothing.
 * Usage: npm run bench [-- --no-store] [--no-load | --load-only] [--no-pg | --pg-only] [--users 200 --duration 20 --warmup 5]
 * PostgreSQL figures (tools/bench/pg-bench.ts) need Debian's postgresql; without it they are skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { message, user } from '../test/support/activities.js';
import { configFromEnvironment, startRuntime } from '../src/composition-root.js';
import { answerQuestion } from '../src/core/answering/answer.js';
import { createSearchIndex, type SearchIndex } from '../src/core/retrieval/index.js';
import { loadBoardKnowledge } from '../src/board/board-files.js';
import { loadVocabulary } from '../src/board/shared-lists.js';
import { freePort, startBotProcess, REPO_ROOT } from './lib/bot-process.js';
import { startEchoBot } from './lib/echo-bot.js';
import { FakeConnector } from '../test/support/fake-connector.js';
import { percentile } from './lib/eval-scoring.js';
import { runStoreBench } from './bench/store-bench.js';
import { loadOptionsFrom, printLoadBench, runLoadBench } from './bench/load-bench.js';
import { runPgBench } from './bench/pg-bench.js';
import { startTimedAnswerBot } from './bench/timed-answer-bot.js';

const argv = process.argv.slice(2);
if (argv.includes('--load-only')) {
  const options = loadOptionsFrom(argv);
  printLoadBench(await runLoadBench(options), options);
  process.exit(0);
}
if (argv.includes('--pg-only')) {
  await runPgBench(loadOptionsFrom(argv));
  process.exit(0);
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 40);
/** `ANSWER_THREAD=main npm run bench` compares answering on the main thread with the worker (the default). */
const ANSWER_THREAD: Record<string, string> = process.env.ANSWER_THREAD ? { ANSWER_THREAD: process.env.ANSWER_THREAD } : {};
const QUESTIONS = [
  'mag ik een foto van mijn klas op insta zetten?',
  'een ouder reageert boos op facebook, wat doe ik?',
  'mag ik vloeken op mijn eigen twitter?',
  'moet ik zeggen dat ik op persoonlijke titel schrijf?',
  'hoe vraag ik ouderschapsverlof aan?',
];

const connector = new FakeConnector();
const serviceUrl = await connector.start();
const asker = user('bench', 1);

async function roundTrips(url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const body = JSON.stringify(message(asker, QUESTIONS[i % QUESTIONS.length]!, serviceUrl));
    const before = connector.calls.length;
    const started = performance.now();
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.text();
    const reply = connector.calls[before];
    if (!reply) throw new Error('no reply reached the connector');
    // Measured until the reply reaches the connector, as a user would see it; the turn's
    // bookkeeping after that (saving turn state) is awaited but not counted.
    if (i >= WARMUP) times.push(reply.receivedAt - started);
  }
  connector.reset();
  return times;
}

const fmt = (v: number) => `${v.toFixed(2)} ms`;

// Index build, per board.
const knowledgeDir = path.join(REPO_ROOT, 'knowledge');
const vocabulary = loadVocabulary(path.join(knowledgeDir, 'vocabulary'));
console.log('Search index build (median of 20) and answering in-process:');
for (const org of ['oog', 'konot', 'kempenkind', 'kopwerk', 'school001']) {
  // Reading and parsing the board's files (sections, questions, their analysis) comes before the build.
  const loadStarted = performance.now();
  const { knowledge: doc, ...extras } = loadBoardKnowledge(knowledgeDir, org);
  const loadMs = performance.now() - loadStarted;
  const times: number[] = [];
  let index: SearchIndex | undefined;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    index = createSearchIndex(doc, vocabulary, extras);
    times.push(performance.now() - t);
  }
  const stored = index?.questions.questions.length ?? 0;
  // Answering in-process: every stored question of the board, as asked (warm, after one pass).
  const asked = index!.questions.questions.map((q) => q.text);
  for (const q of asked) answerQuestion(index!, q);
  const answerTimes = asked.map((q) => {
    const t = performance.now();
    answerQuestion(index!, q);
    return performance.now() - t;
  });
  console.log(
    `  ${org.padEnd(11)} files ${fmt(loadMs)}, build ${fmt(percentile(times, 50))} (${doc.sections.length} sections, ${stored} questions); answer p50 ${fmt(percentile(answerTimes, 50))}, p99 ${fmt(percentile(answerTimes, 99))}`,
  );
}

// Round trips: echo baseline vs Mediawijs, same process, same connector.
const echo = await startEchoBot();
const echoTimes = await roundTrips(echo.url);
await echo.stop();

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mediawijs-bench-'));
const runtime = await startRuntime(configFromEnvironment({ PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...ANSWER_THREAD }));
const botTimes = await roundTrips(`http://127.0.0.1:${runtime.port}`);
await runtime.stop();
rmSync(dataDir, { recursive: true, force: true });

// The same questions again, with the answering core timed inside each turn (one answer per question).
const timedDir = mkdtempSync(path.join(os.tmpdir(), 'mediawijs-bench-'));
const timed = await startTimedAnswerBot(timedDir, ANSWER_THREAD);
const timedTimes = await roundTrips(timed.url);
await timed.stop();
rmSync(timedDir, { recursive: true, force: true });
if (timed.answerTimes.length !== WARMUP + ROUNDS) throw new Error(`expected one answer per question, got ${timed.answerTimes.length}`);
const answering = timed.answerTimes.slice(WARMUP);
const withoutAnswer = timedTimes.map((t, i) => t - answering[i]!);

const ratio50 = percentile(botTimes, 50) / percentile(echoTimes, 50);
const ratio99 = percentile(botTimes, 99) / percentile(echoTimes, 99);
console.log(`\nRound trip of a question: POST /api/messages until the reply reaches the connector (${ROUNDS} rounds after ${WARMUP} warm-up):`);
console.log(`  echo bot    p50 ${fmt(percentile(echoTimes, 50))}  p99 ${fmt(percentile(echoTimes, 99))}`);
console.log(`  Mediawijs   p50 ${fmt(percentile(botTimes, 50))}  p99 ${fmt(percentile(botTimes, 99))}`);
console.log(`  ratio       p50 ${ratio50.toFixed(2)}  p99 ${ratio99.toFixed(2)}  (target < 1.5)`);
console.log(`  of which, in a second run: answering p50 ${fmt(percentile(answering, 50))}  p99 ${fmt(percentile(answering, 99))}`);
console.log(
  `  round trip without the answer p50 ${fmt(percentile(withoutAnswer, 50))}  p99 ${fmt(percentile(withoutAnswer, 99))}  (ratio to echo p50 ${(percentile(withoutAnswer, 50) / percentile(echoTimes, 50)).toFixed(2)})`,
);

// Start-up: a fresh process until /healthz answers.
const startDir = mkdtempSync(path.join(os.tmpdir(), 'mediawijs-start-'));
const startups: number[] = [];
for (let i = 0; i < 3; i++) {
  const bot = await startBotProcess({ DATA_DIR: startDir });
  startups.push(bot.startupMs);
  await bot.stop();
}
rmSync(startDir, { recursive: true, force: true });
console.log(`\nStart-up (spawn until /healthz answers, incl. TypeScript loading): median ${fmt(percentile(startups, 50))} (target < 2 s)`);
await connector.stop();

if (argv.includes('--no-load')) console.log('\nCapacity under load: skipped (--no-load)');
else {
  const options = loadOptionsFrom(argv);
  printLoadBench(await runLoadBench(options), options);
}

if (argv.includes('--no-pg')) console.log('\nPostgreSQL: skipped (--no-pg)');
else await runPgBench(loadOptionsFrom(argv));

if (process.argv.includes('--no-store')) {
  console.log('\nStorage: skipped (--no-store)');
} else {
  console.log('\nStorage:');
  await runStoreBench();
}
