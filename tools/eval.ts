/**
 * `npm run eval`: starts the real bot server once per organisation, plays the Bot Connector on
 * 127.0.0.1, sends every question of the evaluation set as a Teams message and scores the replies.
 * Usage: npm run eval [-- --set path/to/qa.json] [--verbose]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { message, user } from '../test/support/activities.js';
import { startBotProcess, REPO_ROOT } from './lib/bot-process.js';
import { activityText, FakeConnector } from './lib/fake-connector.js';
import { containsExpected, declinesWithoutQuoting, percentile, wordRuns } from './lib/eval-scoring.js';

interface QaItem { id: string; org: string; question: string; expect: string[] }
interface OosItem { id: string; org: string; question: string }
interface QaSet { items: QaItem[]; out_of_scope: OosItem[] }

const args = process.argv.slice(2);
const setIndex = args.indexOf('--set');
const setArg = setIndex >= 0 ? args[setIndex + 1] : undefined;
const setPath = setArg ? path.resolve(process.cwd(), setArg) : path.resolve(REPO_ROOT, '../shared/eval/qa-public.json');
const verbose = args.includes('--verbose');
const protocolsDir = path.resolve(REPO_ROOT, '../shared/protocols');

const set = JSON.parse(readFileSync(setPath, 'utf8')) as QaSet;
const orgs = [...new Set([...set.items.map((i) => i.org), ...set.out_of_scope.map((i) => i.org)])];

const connector = new FakeConnector();
const serviceUrl = await connector.start();
const asker = user('eval', 1);
const lengths: number[] = [];
const latencies: number[] = [];
let correct = 0;
let declined = 0;
const perOrg = new Map<string, { correct: number; total: number }>();
const misses: string[] = [];

for (const org of orgs) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `mediawijs-eval-${org}-`));
  const bot = await startBotProcess({ ORG: org, DATA_DIR: dataDir });
  const ask = async (question: string): Promise<string> => {
    const before = connector.calls.length;
    const started = performance.now();
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(asker, question, serviceUrl)),
    });
    await res.text();
    latencies.push(performance.now() - started);
    const reply = connector.calls.slice(before).map((c) => activityText(c.body)).join('\n');
    lengths.push(reply.length);
    return reply;
  };
  try {
    const stats = { correct: 0, total: 0 };
    for (const item of set.items.filter((i) => i.org === org)) {
      const reply = await ask(item.question);
      stats.total++;
      if (containsExpected(reply, item.expect)) {
        stats.correct++;
        correct++;
      } else misses.push(`${item.id} [${org}] ${item.question}\n    reply: ${reply.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    perOrg.set(org, stats);
    const codeRuns = wordRuns(readFileSync(path.join(protocolsDir, `${org}.txt`), 'utf8'));
    for (const item of set.out_of_scope.filter((i) => i.org === org)) {
      const reply = await ask(item.question);
      if (declinesWithoutQuoting(reply, codeRuns)) declined++;
      else misses.push(`${item.id} [${org}] (out of scope) ${item.question}\n    reply: ${reply.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
  } finally {
    await bot.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
await connector.stop();

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`Mediawijs eval — ${path.relative(REPO_ROOT, setPath)}`);
for (const [org, s] of perOrg) console.log(`  ${org.padEnd(11)} ${pct(s.correct, s.total).padStart(6)} (${s.correct}/${s.total})`);
console.log(`answered correctly:        ${pct(correct, set.items.length)} (${correct}/${set.items.length})  floor 90%`);
console.log(`out of scope declined:     ${pct(declined, set.out_of_scope.length)} (${declined}/${set.out_of_scope.length})  floor 90%`);
console.log(`median reply length:       ${percentile(lengths, 50)} characters  floor < 900`);
console.log(`reply latency:             p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);
if (verbose && misses.length > 0) console.log(`\nmisses:\n  ${misses.join('\n  ')}`);
