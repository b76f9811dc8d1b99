/**
 * Fast in-process evaluation of question answering (no HTTP): per board and overall, the share of
 * questions whose reply text contains an expected phrase, the share where the best passage alone
 * does (top-1), the share of out-of-scope questions declined, the median reply length, index build
 * time and query times.
 *
 *   npx tsx tools/eval-retrieval.ts [--set path] [--knowledge dir] [--vocabulary dir] [--verbose]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../src/core/answering/answer.js';
import type { AnswerResult } from '../src/core/answering/types.js';
import { formatCitation } from '../src/core/knowledge/citation.js';
import { loadBoardKnowledge } from '../src/board/board-files.js';
import { createSearchIndex, type SearchIndex } from '../src/core/retrieval/index.js';
import { search } from '../src/core/retrieval/search.js';
import { loadVocabulary } from '../src/board/shared-lists.js';
import { containsExpected, percentile } from './lib/eval-scoring.js';

/** Characters of card chrome (title, buttons, labels) the bot adds around the passages. */
const CARD_CHROME = 150;

interface EvalItem {
  id: string;
  org: string;
  question: string;
  expect: string[];
}
interface EvalSet {
  items: EvalItem[];
  out_of_scope: Array<{ id: string; org: string; question: string }>;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The text the card shows, in the order the official eval sees it. */
export function replyText(result: AnswerResult): string {
  if (result.kind !== 'answer') return '';
  return [result.best.quote, result.best.citation, ...result.related.flatMap((p) => [p.quote, p.citation])].join('\n');
}

interface OrgStats {
  n: number;
  /** Questions whose expected text is in one of the first 10 ranked sections (ranking headroom). */
  top10: number;
  correct: number;
  top1: number;
  oos: number;
  declined: number;
  lengths: number[];
  buildMs: number;
}

async function main(): Promise<void> {
  const setPath = arg('--set') ?? '../shared/eval/qa-public.json';
  const verbose = process.argv.includes('--verbose');
  // --no-questions: the code's own words only, to measure what the stored questions add.
  const noQuestions = process.argv.includes('--no-questions');
  const knowledgeDir = arg('--knowledge') ?? 'knowledge';
  const set = JSON.parse(readFileSync(setPath, 'utf8')) as EvalSet;
  const vocabulary = loadVocabulary(arg('--vocabulary'));
  const orgs = [...new Set([...set.items.map((i) => i.org), ...set.out_of_scope.map((i) => i.org)])];

  const indexes = new Map<string, SearchIndex>();
  const stats = new Map<string, OrgStats>();
  for (const org of orgs) {
    const { knowledge, ...extras } = loadBoardKnowledge(knowledgeDir, org);
    const t0 = performance.now();
    indexes.set(org, createSearchIndex(knowledge, vocabulary, noQuestions ? {} : extras));
    stats.set(org, { n: 0, top10: 0, correct: 0, top1: 0, oos: 0, declined: 0, lengths: [], buildMs: performance.now() - t0 });
  }

  const queryMs: number[] = [];
  /** In-scope questions answered with "Bedoel je…?", and how often the right passage was offered. */
  const unsure = { offered: 0, right: 0 };
  const misses: string[] = [];
  const timed = (index: SearchIndex, question: string): AnswerResult => {
    const t0 = performance.now();
    const result = answerQuestion(index, question);
    queryMs.push(performance.now() - t0);
    return result;
  };
  const top3 = (index: SearchIndex, question: string): string =>
    search(index, question)
      .hits.slice(0, 3)
      .map((h) => `${h.indexed.section.id}(${h.score.toFixed(1)}/${h.coverage.toFixed(2)})`)
      .join(' ');

  for (const item of set.items) {
    const index = indexes.get(item.org);
    const s = stats.get(item.org);
    if (!index || !s) continue;
    const result = timed(index, item.question);
    const reply = replyText(result);
    s.n++;
    if (result.kind === 'answer') s.lengths.push(reply.length + CARD_CHROME);
    const ok = containsExpected(reply, item.expect);
    if (ok) s.correct++;
    if (result.kind === 'unsure') {
      unsure.offered++;
      if (result.candidates.some((p) => containsExpected(`${p.section.text}\n${p.citation}`, item.expect))) unsure.right++;
    }
    const ranked = search(index, item.question).hits.slice(0, 10);
    if (ranked.some((h) => containsExpected(`${h.indexed.section.text}\n${formatCitation(index.doc, h.indexed.section)}`, item.expect))) s.top10++;
    if (result.kind === 'answer' && containsExpected(`${result.best.quote}\n${result.best.citation}`, item.expect)) s.top1++;
    if (!ok) {
      const got = result.kind === 'answer' ? `${result.best.section.id} conf=${result.confidence}` : `not_found conf=${result.confidence}`;
      misses.push(`MISS ${item.id} [${item.org}] ${item.question}\n     got ${got}; top3 ${top3(index, item.question)}`);
    }
  }
  for (const item of set.out_of_scope) {
    const index = indexes.get(item.org);
    const s = stats.get(item.org);
    if (!index || !s) continue;
    const result = timed(index, item.question);
    s.oos++;
    // "Bedoel je…?" quotes nothing: it declines as the official eval counts it.
    if (result.kind !== 'answer') s.declined++;
    else misses.push(`OOS-ANSWERED ${item.id} [${item.org}] ${item.question}\n     got ${result.best.section.id} conf=${result.confidence}`);
  }

  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(0)}%` : '-').padStart(5);
  const median = (v: number[]): string => (v.length ? String(Math.round(percentile(v, 50))) : '-').padStart(6);
  console.log(`set: ${setPath}`);
  console.log(`in scope answered with "Bedoel je…?": ${unsure.offered} (right passage offered: ${unsure.right})`);
  console.log('org          n  correct  top-1   oos declined  median-reply  build-ms');
  const all: OrgStats = { n: 0, top10: 0, correct: 0, top1: 0, oos: 0, declined: 0, lengths: [], buildMs: 0 };
  for (const [org, s] of stats) {
    console.log(
      `${org.padEnd(10)} ${String(s.n).padStart(3)}  ${pct(s.correct, s.n)}   ${pct(s.top1, s.n)}  ${String(s.oos).padStart(3)} ${pct(s.declined, s.oos)}     ${median(s.lengths)}    ${s.buildMs.toFixed(1).padStart(6)}`,
    );
    all.n += s.n;
    all.top10 += s.top10;
    all.correct += s.correct;
    all.top1 += s.top1;
    all.oos += s.oos;
    all.declined += s.declined;
    all.lengths.push(...s.lengths);
    all.buildMs = Math.max(all.buildMs, s.buildMs);
  }
  console.log(
    `${'overall'.padEnd(10)} ${String(all.n).padStart(3)}  ${pct(all.correct, all.n)}   ${pct(all.top1, all.n)}  ${String(all.oos).padStart(3)} ${pct(all.declined, all.oos)}     ${median(all.lengths)}    ${all.buildMs.toFixed(1).padStart(6)} (max)`,
  );
  console.log(`expected section in the top 10: ${pct(all.top10, all.n).trim()} (ranking headroom)`);
  const mean = queryMs.reduce((a, b) => a + b, 0) / Math.max(1, queryMs.length);
  console.log(`query time (first run): mean ${mean.toFixed(3)} ms, p95 ${percentile(queryMs, 95).toFixed(3)} ms (${queryMs.length} queries)`);
  // The bot answers from a warm index; time every question again to show that figure too.
  const warmMs: number[] = [];
  for (const item of [...set.items, ...set.out_of_scope]) {
    const index = indexes.get(item.org);
    if (!index) continue;
    const t0 = performance.now();
    answerQuestion(index, item.question);
    warmMs.push(performance.now() - t0);
  }
  const warmMean = warmMs.reduce((a, b) => a + b, 0) / Math.max(1, warmMs.length);
  console.log(`query time (warm):      mean ${warmMean.toFixed(3)} ms, p95 ${percentile(warmMs, 95).toFixed(3)} ms`);
  if (verbose) for (const m of misses) console.log(m);
}

if (process.argv[1]?.endsWith('eval-retrieval.ts')) main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
