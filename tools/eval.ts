/**
 * `npm run eval`: starts the real bot server once per organisation, plays the Bot Connector on
 * 127.0.0.1, sends every question of the evaluation sets as a Teams message and scores the replies.
 * Without --set it runs the held-out sets that were never studied and the public set (MEASURED_SETS)
 * and prints them side by side.
 * Usage: npm run eval [-- --set path/to/qa.json [--set another.json]] [--verbose]
 * With AI_* set in the environment (see README "AI answers") the bot calls that endpoint, and the
 * report adds the share of quoted answers that fell back to the quote alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { message, user } from '../test/support/activities.js';
import { startBotProcess, REPO_ROOT } from './lib/bot-process.js';
import { MEASURED_SETS } from './lib/measured-sets.js';
import { activityText, FakeConnector, visibleMessages } from '../test/support/fake-connector.js';
import { containsExpected, declinesWithoutQuoting, percentile, wordRuns } from './lib/eval-scoring.js';

interface QaItem { id: string; org: string; question: string; expect: string[] }
interface OosItem { id: string; org: string; question: string }
interface QaSet { items: QaItem[]; out_of_scope: OosItem[] }

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const given = args.flatMap((a, i) => (a === '--set' && args[i + 1] ? [args[i + 1]!] : []));
const setPaths = (given.length ? given.map((p) => path.resolve(process.cwd(), p)) : MEASURED_SETS.map((p) => path.resolve(REPO_ROOT, p)));
const protocolsDir = path.resolve(REPO_ROOT, '../shared/protocols');
const sets = setPaths.map((file) => ({ file, set: JSON.parse(readFileSync(file, 'utf8')) as QaSet }));

interface SetScore {
  correct: number;
  items: number;
  declined: number;
  outOfScope: number;
  lengths: number[];
  latencies: number[];
  perOrg: Map<string, { correct: number; total: number }>;
  misses: string[];
  /** Replies that quote the code, and those of them with a short AI answer on top. */
  quoted: number;
  withAi: number;
}
const scores = sets.map((): SetScore => ({ correct: 0, items: 0, declined: 0, outOfScope: 0, lengths: [], latencies: [], perOrg: new Map(), misses: [], quoted: 0, withAi: 0 }));
/** The bot process inherits this environment: AI answers are on exactly when AI_ENDPOINT is set. */
const aiOn = Boolean(process.env.AI_ENDPOINT?.trim());

const connector = new FakeConnector();
const serviceUrl = await connector.start();
const asker = user('eval', 1);
const orgs = [...new Set(sets.flatMap(({ set }) => [...set.items, ...set.out_of_scope].map((i) => i.org)))];

for (const org of orgs) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `mediawijs-eval-${org}-`));
  const bot = await startBotProcess({ ORG: org, DATA_DIR: dataDir });
  const codeRuns = wordRuns(readFileSync(path.join(protocolsDir, `${org}.txt`), 'utf8'));
  try {
    for (const [s, { set }] of sets.entries()) {
      const score = scores[s]!;
      const ask = async (question: string): Promise<string> => {
        const before = connector.calls.length;
        const started = performance.now();
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message(asker, question, serviceUrl)),
        });
        await res.text();
        score.latencies.push(performance.now() - started);
        // As the teacher ends up seeing it: a streamed answer counts once, as its final message.
        const reply = visibleMessages(connector.calls.slice(before)).map(activityText).join('\n');
        score.lengths.push(reply.length);
        if (reply.includes('Dit staat in de code:')) {
          score.quoted++;
          if (/^\**Kort gezegd:/.test(reply)) score.withAi++;
        }
        return reply;
      };
      const stats = { correct: 0, total: 0 };
      for (const item of set.items.filter((i) => i.org === org)) {
        const reply = await ask(item.question);
        stats.total++;
        score.items++;
        if (containsExpected(reply, item.expect)) {
          stats.correct++;
          score.correct++;
        } else score.misses.push(`${item.id} [${org}] ${item.question}\n    reply: ${reply.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
      if (stats.total > 0) score.perOrg.set(org, stats);
      for (const item of set.out_of_scope.filter((i) => i.org === org)) {
        const reply = await ask(item.question);
        score.outOfScope++;
        if (declinesWithoutQuoting(reply, codeRuns)) score.declined++;
        else score.misses.push(`${item.id} [${org}] (out of scope) ${item.question}\n    reply: ${reply.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
    }
  } finally {
    await bot.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
await connector.stop();

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
const name = (file: string) => path.relative(REPO_ROOT, file);
console.log('Mediawijs eval (real bot over HTTP)  floors: answered 90%, out of scope declined 95%, median reply < 900');
console.log(`${'set'.padEnd(44)} ${'answered'.padStart(16)} ${'out of scope'.padStart(14)} ${'median'.padStart(7)} ${'p50/p95 ms'.padStart(12)}`);
for (const [s, { file }] of sets.entries()) {
  const sc = scores[s]!;
  console.log(
    `${name(file).padEnd(44)} ${`${pct(sc.correct, sc.items)} (${sc.correct}/${sc.items})`.padStart(16)} ${`${pct(sc.declined, sc.outOfScope)} (${sc.declined}/${sc.outOfScope})`.padStart(14)} ${String(percentile(sc.lengths, 50)).padStart(7)} ${`${percentile(sc.latencies, 50).toFixed(0)}/${percentile(sc.latencies, 95).toFixed(0)}`.padStart(12)}`,
  );
}
console.log('\nper board (answered):');
for (const org of orgs) {
  console.log(`  ${org.padEnd(11)} ${sets.map((_, s) => { const o = scores[s]!.perOrg.get(org); return o ? `${pct(o.correct, o.total)} (${o.correct}/${o.total})`.padStart(16) : ''.padStart(16); }).join(' ')}`);
}
if (aiOn) {
  console.log('\nAI answers (AI_ENDPOINT set): share of quoted answers that fell back to the quote alone');
  for (const [s, { file }] of sets.entries()) {
    const sc = scores[s]!;
    console.log(`  ${name(file).padEnd(42)} ${`${pct(sc.quoted - sc.withAi, sc.quoted)} (${sc.quoted - sc.withAi}/${sc.quoted})`.padStart(16)}`);
  }
}
if (verbose) for (const [s, { file }] of sets.entries()) if (scores[s]!.misses.length) console.log(`\nmisses in ${name(file)}:\n  ${scores[s]!.misses.join('\n  ')}`);
