import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { analysisFingerprint } from '../../src/core/retrieval/analysed-questions.js';
import { openDataStore } from '../../src/store/open-data-store.js';
import type { Feedback } from '../../src/core/shared/feedback.js';

const root = path.resolve(import.meta.dirname, '../..');
// The real npm script, as a reviewer runs it; settings come from the flags, not from the environment.
const review = (...args: string[]) =>
  spawnSync('npm', ['run', '-s', 'review', '--', ...args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });

describe('npm run review', () => {
  let tmp: string;
  let dataDir: string;
  let knowledgeDir: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mw-review-'));
    dataDir = path.join(tmp, 'data');
    knowledgeDir = path.join(tmp, 'knowledge');
    cpSync(path.join(root, 'knowledge'), knowledgeDir, { recursive: true });
    // Seeded through the real store adapter, as the bot writes it.
    const store = await openDataStore(dataDir);
    let n = 0;
    const add = (verdict: Feedback['verdict'], question: string, at: string, extra: Partial<Feedback> = {}) =>
      store.feedback.add({ id: `seed-${++n}`, at, org: 'oog', question, verdict, ...extra });
    await add('unsure', 'wie heeft die code eigenlijk gemaakt', '2026-03-01T09:00:00.000Z', { candidates: ['oog:4.1.p7', 'oog:4.2.p11', 'oog:4.1.p1'] });
    await add('chosen', 'wie heeft die code eigenlijk gemaakt', '2026-03-01T09:00:10.000Z', { sectionId: 'oog:4.1.p7' });
    await add('unsure', 'Wie heeft die code eigenlijk gemaakt?', '2026-03-02T09:00:00.000Z', { candidates: ['oog:4.1.p7'] });
    await add('unanswered', 'wie heeft die code eigenlijk gemaakt', '2026-03-03T09:00:00.000Z');
    await add('unanswered', 'wanneer wordt het salaris overgemaakt?', '2026-01-10T09:00:00.000Z');
    await add('down', 'mag ik een selfie met mijn klas posten', '2026-03-04T09:00:00.000Z', { userId: 'u1', sectionId: 'oog:3.1.8' });
    await add('down', 'mag ik een selfie met mijn klas posten?', '2026-03-05T09:00:00.000Z', { userId: 'u2', sectionId: 'oog:3.1.8' });
    await add('up', 'mag ik een foto delen', '2026-03-05T10:00:00.000Z', { userId: 'u2', sectionId: 'oog:3.1.8' });
    await add('unanswered', 'een vraag van een ander bestuur', '2026-03-05T10:00:00.000Z', { org: 'konot' });
    await store.close();
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists the board\'s questions grouped, most asked first, with the bot\'s current top 3 sections', () => {
    const result = review('--org', 'oog', '--data-dir', dataDir, '--knowledge', knowledgeDir);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/Te beoordelen voor oog: 3 vragen, 6× gesteld/);
    const made = out.indexOf('1. "wie heeft die code eigenlijk gemaakt"');
    const selfie = out.indexOf('2. "mag ik een selfie met mijn klas posten?"');
    const salary = out.indexOf('3. "wanneer wordt het salaris overgemaakt?"');
    expect(made).toBeGreaterThan(0);
    expect(selfie).toBeGreaterThan(made);
    expect(salary).toBeGreaterThan(selfie);
    expect(out).toMatch(/3× gesteld \(2× "Bedoel je…\?", 1× gekozen, 1× geen antwoord\)/);
    expect(out).toMatch(/gekozen: oog:4\.1\.p7 \(1×\)/);
    expect(out).toMatch(/👎 op: oog:3\.1\.8 \(2×\)/);
    // The current answer and top 3 come from the real retrieval over the (copied) knowledge.
    const block = out.slice(made, selfie);
    // Asked again now, the question about who made the code gets its source passage.
    expect(block).toMatch(/de bot nu: antwoordt \(zekerheid [\d.]+\); beste secties:\n {5}1\. oog:1\.p3 /);
    expect(block.match(/^ {5}\d\. oog:/gm)).toHaveLength(3);
    expect(block).toContain('koppelen: npm run review -- --org oog --link "wie heeft die code eigenlijk gemaakt" oog:4.1.p7');
    expect(out).not.toMatch(/foto delen|ander bestuur/);
  });

  it('--since keeps only newer records', () => {
    const result = review('--org', 'oog', '--data-dir', dataDir, '--knowledge', knowledgeDir, '--since', '2026-03-04');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/sinds 2026-03-04: 1 vragen, 2× gesteld/);
    expect(result.stdout).not.toMatch(/salaris|eigenlijk gemaakt/);
  });

  it('--link adds the question to the section in questions.yaml, once', () => {
    const file = path.join(knowledgeDir, 'oog', 'questions.yaml');
    const first = review('--org', 'oog', '--knowledge', knowledgeDir, '--link', 'wie heeft die code eigenlijk gemaakt', 'oog:4.1.p7');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Toegevoegd aan oog:4\.1\.p7/);
    const questions = (parse(readFileSync(file, 'utf8')) as { sections: Record<string, string[]> }).sections;
    expect(questions['oog:4.1.p7']!.at(-1)).toBe('wie heeft die code eigenlijk gemaakt');
    // The analysed questions were brought up to date with it, so the server starts without re-analysing.
    const keys = loadBoardKnowledge(knowledgeDir, 'oog');
    expect(keys.analysed?.fingerprint).toBe(analysisFingerprint(keys.knowledge, loadVocabulary(path.join(knowledgeDir, 'vocabulary')), keys.questions, keys.outOfScope, keys.silent));
    const again = review('--org', 'oog', '--knowledge', knowledgeDir, '--link', 'wie heeft die code eigenlijk gemaakt', 'oog:4.1.p7');
    expect(again.stdout).toMatch(/staat al bij oog:4\.1\.p7/);
    // The real knowledge was not touched.
    expect(readFileSync(path.join(root, 'knowledge/oog/questions.yaml'), 'utf8')).not.toContain('"wie heeft die code eigenlijk gemaakt"');
  });

  it('--link refuses an unknown section id with a clear message and exit code 2', () => {
    const result = review('--org', 'oog', '--knowledge', knowledgeDir, '--link', 'een vraag', 'oog:99.9');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Onbekende sectie "oog:99\.9"/);
  });

  it('--out-of-scope keeps the question as a negative example', () => {
    const negatives = path.join(tmp, 'review-out-of-scope.json');
    const result = review('--org', 'oog', '--knowledge', knowledgeDir, '--negatives', negatives, '--out-of-scope', 'wanneer wordt het salaris overgemaakt?');
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(negatives, 'utf8'))).toMatchObject({ version: 1, items: [], out_of_scope: [{ id: 'review-oos-oog-1', org: 'oog', question: 'wanneer wordt het salaris overgemaakt?' }] });
  });

  it.each([
    [[], /--org ontbreekt/],
    [['--org', 'nergens', '--knowledge', 'KNOWLEDGE'], /Onbekende organisatie "nergens"/],
    [['--org', 'oog', '--knowledge', 'KNOWLEDGE', '--data-dir', 'DATA', '--since', 'gisteren'], /geen datum/],
  ])('rejects %j with a message and exit code 2', (args, message) => {
    const result = review(...args.map((a) => (a === 'KNOWLEDGE' ? knowledgeDir : a === 'DATA' ? dataDir : a)));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
