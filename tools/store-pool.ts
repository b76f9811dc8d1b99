/**
 * `npm run knowledge:store-pool -- --set <pool.json> [--knowledge DIR]`: stores a question pool (a
 * dev set written like the held-out sets: staff's questions with the phrase a right answer quotes,
 * and out-of-scope questions) as knowledge. Each question goes under the section whose text holds its
 * expected phrase (the one its writer named first), each out-of-scope question into the board's
 * silent.yaml, in the topic that holds the development pools' questions. A question too close to a
 * held-out or public question is left out, and the filters then drop what they reject among the
 * added questions (a question its own section does not rank among the best, a silent question that
 * would decline a question a section answers), and older ones they now reject, each named. Run `npm run knowledge:rerank` afterwards.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { silentConflicts } from '../src/core/answering/silent-filter.js';
import { createSearchIndex } from '../src/core/retrieval/index.js';
import { misplacedQuestions } from '../src/core/retrieval/question-filter.js';
import { listOrgs, loadBoardKnowledge, questionsFile, silentFile } from '../src/board/board-files.js';
import { loadVocabulary } from '../src/board/shared-lists.js';
import { MEASURED_OVERLAP_LIMIT, measuredOverlap } from './lib/measured-sets.js';
import { addSilentQuestion, removeListedQuestions, sectionOf } from './lib/pool-edits.js';
import { cleanQuestion, linkQuestion, ReviewEditError } from './lib/review-edits.js';
import { writeQuestionKeys } from './lib/write-question-keys.js';

const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POOL_TOPIC = 'Questions staff asked that this code does not answer (development pools)';
const POOL_WHY =
  'Out-of-scope questions of the development pools (test/fixtures/dev-*), written for this board from the code texts by writers who saw no evaluation set: school life, apps, and matters close to the code that it does not cover.';
/** The filters run again after each round of drops: dropping a question changes its neighbours' scores. */
const FILTER_ROUNDS = 5;

const poolSchema = z.object({
  items: z.array(z.object({ id: z.string(), org: z.string(), question: z.string().min(3), expect: z.array(z.string().min(1)).min(1), note: z.string().optional() })),
  out_of_scope: z.array(z.object({ id: z.string(), org: z.string(), question: z.string().min(3) })),
});

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const setFile = arg('--set');
  if (!setFile) throw new ReviewEditError('Gebruik: npm run knowledge:store-pool -- --set <pool.json> [--knowledge DIR]');
  const knowledgeDir = path.resolve(arg('--knowledge') ?? path.join(ROOT_DIR, 'knowledge'));
  const pool = poolSchema.parse(JSON.parse(readFileSync(path.resolve(setFile), 'utf8')));
  const overlap = measuredOverlap(ROOT_DIR);
  const vocabulary = loadVocabulary(path.join(knowledgeDir, 'vocabulary'));
  const orgs = [...new Set([...pool.items, ...pool.out_of_scope].map((q) => q.org))];
  const unknown = orgs.filter((org) => !listOrgs(knowledgeDir).includes(org));
  if (unknown.length > 0) throw new ReviewEditError(`Onbekende organisatie(s) in de pool: ${unknown.join(', ')}.`);

  for (const org of orgs) {
    const { knowledge } = loadBoardKnowledge(knowledgeDir, org);
    const sectionIds = new Set(knowledge.sections.map((s) => s.id));
    const report = { added: 0, tooClose: 0, unplaced: [] as string[], elsewhere: 0, silentAdded: 0 };
    const added = new Set<string>();
    const addedSilent = new Set<string>();

    let questionsText = readFileSync(questionsFile(knowledgeDir, org), 'utf8');
    for (const item of pool.items.filter((i) => i.org === org)) {
      if (overlap(item.question) >= MEASURED_OVERLAP_LIMIT) { report.tooClose++; continue; }
      const sectionId = sectionOf(item, knowledge.sections);
      if (!sectionId) { report.unplaced.push(item.id); continue; }
      try {
        const edit = linkQuestion(questionsText, sectionId, item.question, sectionIds);
        if (edit.added) { questionsText = edit.text; added.add(cleanQuestion(item.question)); report.added++; }
      } catch (error) {
        // Kept under another section already: the reviewed place stands.
        if (!(error instanceof ReviewEditError)) throw error;
        report.elsewhere++;
      }
    }
    const silentPath = silentFile(knowledgeDir, org);
    let silentText = existsSync(silentPath) ? readFileSync(silentPath, 'utf8') : `org: ${org}\ntopics:\n`;
    for (const item of pool.out_of_scope.filter((i) => i.org === org)) {
      if (overlap(item.question) >= MEASURED_OVERLAP_LIMIT) { report.tooClose++; continue; }
      const edit = addSilentQuestion(silentText, POOL_TOPIC, POOL_WHY, item.question);
      if (edit.added) { silentText = edit.text; addedSilent.add(cleanQuestion(item.question)); report.silentAdded++; }
    }
    writeFileSync(questionsFile(knowledgeDir, org), questionsText);
    writeFileSync(silentPath, silentText);

    // The filters, until they hold: what they reject among the added questions is dropped, and so is
    // an older question they reject now that the added ones changed its neighbours (reported apart,
    // for the reviewer to see in the diff). knowledge:build and npm test apply the same filters.
    let dropped = 0;
    const droppedOlder: string[] = [];
    for (let round = 0; round < FILTER_ROUNDS; round++) {
      const board = loadBoardKnowledge(knowledgeDir, org);
      const index = createSearchIndex(board.knowledge, vocabulary, board);
      const misplaced = new Set(misplacedQuestions(index, board.questions!).map((m) => m.question));
      const declining = new Set(silentConflicts(index, board.questions!).map((c) => c.silent));
      if (misplaced.size + declining.size === 0) break;
      writeFileSync(questionsFile(knowledgeDir, org), removeListedQuestions(readFileSync(questionsFile(knowledgeDir, org), 'utf8'), misplaced));
      writeFileSync(silentPath, removeListedQuestions(readFileSync(silentPath, 'utf8'), declining));
      for (const q of [...misplaced, ...declining]) {
        if (added.has(q) || addedSilent.has(q)) dropped++;
        else droppedOlder.push(q);
      }
    }
    writeQuestionKeys(knowledgeDir, org);
    process.stdout.write(
      `${org}: ${report.added} vragen en ${report.silentAdded} vragen buiten de code toegevoegd, ${dropped} door het filter weer weggehaald; ` +
        `${report.tooClose} te dicht bij een vraag van een held-out of de publieke set, ${report.elsewhere} stonden al bij een andere sectie` +
        (report.unplaced.length > 0 ? `, geen sectie met de verwachte zin voor ${report.unplaced.join(', ')}` : '') +
        '.\n' +
        droppedOlder.map((q) => `  eerder opgeslagen, nu door het filter weggehaald: ${JSON.stringify(q)}\n`).join(''),
    );
  }
  process.stdout.write('Controleer met npm run knowledge:build en fit daarna de re-ranker opnieuw: npm run knowledge:rerank.\n');
}

try {
  main();
} catch (error) {
  if (error instanceof ReviewEditError || error instanceof z.ZodError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
