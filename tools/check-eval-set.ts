/**
 * Checks an evaluation set before it is used: every item's org exists, every expected phrase occurs
 * verbatim in the board's raw code (as the public sets promise) and in the built knowledge base (so
 * a reply that quotes the passage can contain it), ids are unique, and no question repeats.
 * Usage: npx tsx tools/check-eval-set.ts path/to/set.json   (exit 1 and one line per problem)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { normaliseForScoring } from './lib/eval-scoring.js';

interface Item { id: string; org: string; question: string; expect?: string[] }
interface EvalSet { items: Item[]; out_of_scope: Item[] }

const repo = path.resolve(import.meta.dirname, '..');
const file = process.argv[2];
if (!file) {
  console.error('usage: tsx tools/check-eval-set.ts <set.json>');
  process.exit(2);
}
const set = JSON.parse(readFileSync(file, 'utf8')) as EvalSet;
const problems: string[] = [];
const texts = new Map<string, { raw: string; built: string }>();
const textsOf = (org: string) => {
  if (!texts.has(org)) {
    const raw = readFileSync(path.resolve(repo, '../shared/protocols', `${org}.txt`), 'utf8');
    const doc = parse(readFileSync(path.join(repo, 'knowledge', org, 'sections.yaml'), 'utf8')) as {
      sections: Array<{ text: string }>;
    };
    texts.set(org, {
      raw: normaliseForScoring(raw),
      built: doc.sections.map((s) => normaliseForScoring(s.text)).join('\n'),
    });
  }
  return texts.get(org)!;
};

const ids = new Set<string>();
const questions = new Set<string>();
for (const item of [...set.items, ...set.out_of_scope]) {
  if (ids.has(item.id)) problems.push(`${item.id}: duplicate id`);
  ids.add(item.id);
  const q = normaliseForScoring(item.question);
  if (questions.has(q)) problems.push(`${item.id}: duplicate question`);
  questions.add(q);
}
for (const item of set.items) {
  let t;
  try {
    t = textsOf(item.org);
  } catch {
    problems.push(`${item.id}: unknown org ${item.org}`);
    continue;
  }
  if (!item.expect?.length) problems.push(`${item.id}: no expected phrase`);
  for (const phrase of item.expect ?? []) {
    const p = normaliseForScoring(phrase);
    if (!t.raw.includes(p)) problems.push(`${item.id}: not in ${item.org}.txt: "${phrase}"`);
    if (!t.built.includes(p)) problems.push(`${item.id}: not in knowledge/${item.org}: "${phrase}"`);
  }
}
console.log(`${set.items.length} questions, ${set.out_of_scope.length} out of scope, ${problems.length} problems`);
for (const p of problems) console.log(`  ${p}`);
process.exit(problems.length ? 1 : 0);
