/**
 * `npm run knowledge:rerank`: fits the re-ranker's weights (src/core/retrieval/rerank.ts) on the
 * stored questions of every board, never on an evaluation set. Each board's stored questions are
 * split into folds; every question of a fold is asked against an index built without that fold, so
 * it meets the other questions of its section the way a new teacher's question does. The model is a
 * conditional logit over the top hits (which of them is the question's own section), fitted by
 * gradient descent with a small L2 penalty. It prints leave-one-board-out figures (fitted on four
 * boards, measured on the fifth) before writing the weights, so the gain is shown on questions of a
 * board the fit did not see.
 *
 *   npm run knowledge:rerank [-- --dry-run]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSearchIndex } from '../src/core/retrieval/index.js';
import { FEATURE_NAMES, modelScore } from '../src/core/retrieval/rerank.js';
import { search } from '../src/core/retrieval/search.js';
import { listOrgs, loadBoardKnowledge } from '../src/board/board-files.js';
import { loadVocabulary } from '../src/board/shared-lists.js';

const FOLDS = 5;
const L2 = 1e-3;
const STEPS = 3000;
const REPO = path.resolve(import.meta.dirname, '..');

/** One asked question: the candidates' features and which candidate is its own section. */
interface Example {
  org: string;
  features: number[][];
  label: number;
}

function collect(knowledgeDir: string): Example[] {
  const vocabulary = loadVocabulary(path.join(knowledgeDir, 'vocabulary'));
  const examples: Example[] = [];
  for (const org of listOrgs(knowledgeDir)) {
    const board = loadBoardKnowledge(knowledgeDir, org);
    if (!board.questions) continue;
    const all = [...board.questions.bySection].flatMap(([id, list]) => list.map((text) => ({ id, text })));
    for (let fold = 0; fold < FOLDS; fold++) {
      const kept = new Map<string, string[]>();
      all.forEach((q, i) => {
        if (i % FOLDS !== fold) kept.set(q.id, [...(kept.get(q.id) ?? []), q.text]);
      });
      const index = createSearchIndex(board.knowledge, vocabulary, { questions: { org, bySection: kept }, outOfScope: board.outOfScope });
      all.forEach((q, i) => {
        if (i % FOLDS !== fold) return;
        const result = search(index, q.text, { features: true, weights: null });
        const features = result.features ?? [];
        const label = result.hits.slice(0, features.length).findIndex((h) => h.indexed.section.id === q.id);
        if (label >= 0 && features.length > 1) examples.push({ org, features, label });
      });
    }
  }
  return examples;
}

/** Gradient descent (Adam) on the conditional log-likelihood of the own section. */
function fit(examples: readonly Example[]): number[] {
  const n = FEATURE_NAMES.length;
  const w = Array.from({ length: n }, () => 0);
  const m = Array.from({ length: n }, () => 0);
  const v = Array.from({ length: n }, () => 0);
  for (let step = 1; step <= STEPS; step++) {
    const grad = w.map((x) => 2 * L2 * x);
    for (const ex of examples) {
      const scores = ex.features.map((f) => modelScore(f, w));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      ex.features.forEach((f, c) => {
        const p = exp[c]! / sum - (c === ex.label ? 1 : 0);
        for (let k = 0; k < n; k++) grad[k]! += (p * (f[k] ?? 0)) / examples.length;
      });
    }
    for (let k = 0; k < n; k++) {
      m[k] = 0.9 * m[k]! + 0.1 * grad[k]!;
      v[k] = 0.999 * v[k]! + 0.001 * grad[k]! ** 2;
      const mHat = m[k]! / (1 - 0.9 ** step);
      const vHat = v[k]! / (1 - 0.999 ** step);
      w[k]! -= (0.05 * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return w;
}

/** Share of examples whose own section comes first: by the hand-set ranking, and by the model. */
function top1(examples: readonly Example[], w?: readonly number[]): number {
  let right = 0;
  for (const ex of examples) {
    if (!w) {
      if (ex.label === 0) right++;
      continue;
    }
    const scores = ex.features.map((f) => modelScore(f, w));
    if (scores.indexOf(Math.max(...scores)) === ex.label) right++;
  }
  return right / Math.max(1, examples.length);
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const knowledgeDir = path.join(REPO, 'knowledge');
const examples = collect(knowledgeDir);
console.log(`${examples.length} stored questions with their own section among the top hits`);
for (const org of new Set(examples.map((e) => e.org))) {
  const test = examples.filter((e) => e.org === org);
  const w = fit(examples.filter((e) => e.org !== org));
  console.log(`${org.padEnd(11)} own section first: ranking ${pct(top1(test))} → re-ranked ${pct(top1(test, w))} (fitted on the other boards)`);
}
const weights = fit(examples);
console.log(`all boards (fitted on them all): ranking ${pct(top1(examples))} → re-ranked ${pct(top1(examples, weights))}`);
FEATURE_NAMES.forEach((name, k) => console.log(`  ${name.padEnd(17)} ${weights[k]!.toFixed(3)}`));
if (!process.argv.includes('--dry-run')) {
  const lines = FEATURE_NAMES.map((name, k) => `  ${weights[k]!.toFixed(4)}, // ${name}`).join('\n');
  writeFileSync(
    path.join(REPO, 'src/core/retrieval/rerank-weights.ts'),
    `/**\n * Weights of the re-ranker (see rerank.ts), in the order of FEATURE_NAMES. Written by\n * \`npm run knowledge:rerank\` from the stored questions (fold by fold), never from an evaluation set;\n * fit again after the questions or the ranking change.\n */\nexport const RERANK_WEIGHTS: readonly number[] | undefined = [\n${lines}\n];\n`,
  );
  console.log('wrote src/core/retrieval/rerank-weights.ts');
}
