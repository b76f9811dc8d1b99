import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import type { Section } from '../../src/core/knowledge/types.js';
import { addSilentQuestion, removeListedQuestions, sectionOf } from '../../tools/lib/pool-edits.js';

const section = (id: string, text: string) => ({ id, text }) as Section;
const sections = [section('t:a', 'Plaats geen foto’s van leerlingen zonder toestemming.'), section('t:b', 'Vraag bij twijfel je leidinggevende. Plaats geen foto’s van leerlingen zonder toestemming.')];

describe('where a pool question goes', () => {
  it('goes under the section its writer named when that section holds the expected phrase', () => {
    expect(sectionOf({ id: '1', org: 't', question: 'q', expect: ['geen foto’s van leerlingen'], note: 't:b — photos' }, sections)).toBe('t:b');
  });
  it('goes under the first section holding the phrase when the named one does not (whitespace and case aside)', () => {
    expect(sectionOf({ id: '1', org: 't', question: 'q', expect: ['Geen  foto’s van\nleerlingen'], note: 't:x — wrong id' }, sections)).toBe('t:a');
    expect(sectionOf({ id: '1', org: 't', question: 'q', expect: ['bij twijfel je leidinggevende', 'zonder toestemming'] }, sections)).toBe('t:b');
  });
  it('goes nowhere when no section holds every expected phrase', () => {
    expect(sectionOf({ id: '1', org: 't', question: 'q', expect: ['bij twijfel', 'staat nergens'] }, sections)).toBeUndefined();
  });
});

describe('silent.yaml edits', () => {
  const file = 'org: t\ntopics:\n  - topic: "Logo"\n    why: "The code never mentions it."\n    questions:\n      - "mag ik het logo gebruiken?"\n  - topic: "Pool"\n    why: "From the pools."\n    questions:\n      - "wanneer is de kerstviering?"\n';
  it('adds a question after the last one of its topic, keeping the rest as it was', () => {
    const { text, added } = addSilentQuestion(file, 'Logo', 'unused', 'mag het logo  op mijn blog?');
    expect(added).toBe(true);
    expect(parse(text).topics[0].questions).toEqual(['mag ik het logo gebruiken?', 'mag het logo op mijn blog?']);
    expect(parse(text).topics[1]).toEqual({ topic: 'Pool', why: 'From the pools.', questions: ['wanneer is de kerstviering?'] });
  });
  it('starts the topic at the end when the file has none of that name', () => {
    const { text } = addSilentQuestion(file, 'New', 'Why not.', 'een vraag');
    expect(parse(text).topics.at(-1)).toEqual({ topic: 'New', why: 'Why not.', questions: ['een vraag'] });
  });
  it('does not add a question the file already holds under any topic', () => {
    expect(addSilentQuestion(file, 'Pool', 'x', 'Mag ik het logo gebruiken?')).toEqual({ text: file, added: false });
  });
  it('removes exactly the listed questions, and a topic left without any', () => {
    const text = removeListedQuestions(file, new Set(['mag ik het logo gebruiken?', 'mag ik het logo']));
    expect(parse(text).topics).toEqual([{ topic: 'Pool', why: 'From the pools.', questions: ['wanneer is de kerstviering?'] }]);
    expect(parse(removeListedQuestions(file, new Set(['mag ik het logo']))).topics).toHaveLength(2);
  });
});

describe('npm run knowledge:store-pool', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  let tmp: string;
  let knowledgeDir: string;
  let run: ReturnType<typeof spawnSync>;
  const measured = JSON.parse(readFileSync(path.join(root, 'test/fixtures/holdout-16-questions.json'), 'utf8')) as { items: { question: string; expect: string[] }[] };
  const heldOut = measured.items.find((i) => i.question.length > 40)!;

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mw-pool-'));
    knowledgeDir = path.join(tmp, 'knowledge');
    cpSync(path.join(root, 'knowledge'), knowledgeDir, { recursive: true });
    const pool = {
      items: [
        { id: 'p1', org: 'school001', question: 'een stagiair wil filmpjes van de gymles op haar eigen tiktok zetten, kan dat zomaar?', expect: ['Bij twijfel niet publiceren'], note: 'school001:r03' },
        { id: 'p2', org: 'school001', question: heldOut.question, expect: ['Bij twijfel niet publiceren'] },
        { id: 'p3', org: 'school001', question: 'een vraag zonder passage', expect: ['deze zin staat in geen enkele code'] },
      ],
      out_of_scope: [{ id: 'o1', org: 'school001', question: 'hoe laat begint de kerstmarkt op het plein van de bovenbouw?' }],
    };
    writeFileSync(path.join(tmp, 'pool.json'), JSON.stringify(pool));
    run = spawnSync('npm', ['run', '-s', 'knowledge:store-pool', '--', '--set', path.join(tmp, 'pool.json'), '--knowledge', knowledgeDir], { cwd: root, encoding: 'utf8' });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('stores a question under the section holding its phrase and an out-of-scope one as silent, and says what it left out', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const board = loadBoardKnowledge(knowledgeDir, 'school001');
    expect(board.questions!.bySection.get('school001:r03')).toContain('een stagiair wil filmpjes van de gymles op haar eigen tiktok zetten, kan dat zomaar?');
    expect(board.silent).toContain('hoe laat begint de kerstmarkt op het plein van de bovenbouw?');
    expect(String(run.stdout)).toMatch(/school001: 1 vragen en 1 vragen buiten de code toegevoegd, 0 door het filter weer weggehaald; 1 te dicht bij een vraag van een held-out of de publieke set, 0 stonden al bij een andere sectie, geen sectie met de verwachte zin voor p3\./);
  });

  it('never stores a held-out question', () => {
    const stored = [...loadBoardKnowledge(knowledgeDir, 'school001').questions!.bySection.values()].flat();
    expect(stored).not.toContain(heldOut.question);
  });
});
