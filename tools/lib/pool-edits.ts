/**
 * Storing a question pool (`npm run knowledge:store-pool`): where each question of a pool goes, and
 * the text edits of `silent.yaml` and `questions.yaml` it needs. Pure functions over the files' text;
 * edits keep the layout, so storing a pool shows as added lines in a diff.
 */
import { parse } from 'yaml';
import type { Section } from '../../src/core/knowledge/types.js';
import { cleanQuestion, ReviewEditError } from './review-edits.js';

export interface PoolItem {
  id: string;
  org: string;
  question: string;
  expect: string[];
  note?: string;
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The section a pool question belongs to: the one its writer named in the note ("oog:3.1.8 — …")
 * when its text holds every expected phrase, else the first section that does; undefined when none
 * does (the phrase is not in the knowledge base as written).
 */
export function sectionOf(item: PoolItem, sections: readonly Section[]): string | undefined {
  const phrases = item.expect.map(fold);
  const holding = sections.filter((s) => phrases.every((p) => fold(s.text).includes(p)));
  const named = item.note?.match(/^(\S+:\S+)/)?.[1];
  return holding.find((s) => s.id === named)?.id ?? holding[0]?.id;
}

/**
 * Adds `question` to the silent topic `topic` (after its last question), or a new topic with `why`
 * at the end when there is none yet; a question already anywhere in the file is not added twice.
 */
export function addSilentQuestion(yamlText: string, topic: string, why: string, question: string): { text: string; added: boolean } {
  const q = cleanQuestion(question);
  const data = parse(yamlText) as { topics?: { questions?: unknown[] }[] };
  if ((data.topics ?? []).some((t) => (t.questions ?? []).some((x) => typeof x === 'string' && fold(x) === fold(q)))) return { text: yamlText, added: false };
  const lines = yamlText.replace(/\n+$/, '').split('\n');
  const item = `      - ${JSON.stringify(q)}`;
  const header = lines.indexOf(`  - topic: ${JSON.stringify(topic)}`);
  if (header < 0) {
    lines.push(`  - topic: ${JSON.stringify(topic)}`, `    why: ${JSON.stringify(why)}`, '    questions:', item);
  } else {
    let last = header;
    for (let i = header + 1; i < lines.length && !lines[i]!.startsWith('  - '); i++) if (lines[i]!.startsWith('      - ')) last = i;
    lines.splice(last + 1, 0, item);
  }
  const text = lines.join('\n') + '\n';
  const check = (parse(text) as { topics?: { topic: string; questions: string[] }[] }).topics?.find((t) => t.topic === topic);
  if (!check?.questions.includes(q)) throw new ReviewEditError('silent.yaml heeft een onverwachte opmaak; voeg de vraag met de hand toe.');
  return { text, added: true };
}

/**
 * Removes the list entries whose question is in `drop` (a question the filter rejected) from a
 * questions.yaml or silent.yaml text; a silent topic left without questions goes too (its `why` with
 * it: the reviewer sees both in the diff).
 */
export function removeListedQuestions(yamlText: string, drop: ReadonlySet<string>): string {
  const kept = yamlText.split('\n').filter((line) => {
    const entry = line.match(/^\s+- (".*")$/)?.[1];
    return !(entry && drop.has(JSON.parse(entry) as string));
  });
  const out: string[] = [];
  for (let i = 0; i < kept.length; ) {
    if (!kept[i]!.startsWith('  - topic: ')) { out.push(kept[i++]!); continue; }
    let end = i + 1;
    while (end < kept.length && !kept[end]!.startsWith('  - ')) end++;
    const block = kept.slice(i, end);
    if (block.some((line) => line.startsWith('      - '))) out.push(...block);
    i = end;
  }
  return out.join('\n');
}
