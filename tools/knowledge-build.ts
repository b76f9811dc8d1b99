/**
 * Rebuilds knowledge/<org>/sections.yaml from the raw protocol texts, then checks that
 * knowledge/<org>/questions.yaml still fits the sections (exit 2 when it does not).
 *   npm run knowledge:build                      all boards in knowledge/boards.yaml
 *   npm run knowledge:build -- --org <id>        one board
 *   --source-dir <dir>                           protocols folder (default ../shared/protocols from the repo root)
 *   --out-dir <dir>                              knowledge folder (default knowledge/ in the repo root)
 *   --boards <file>                              board registry (default knowledge/boards.yaml)
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBoards } from './lib/ingest/board-entry.js';
import { buildKnowledge } from './lib/ingest/build-knowledge.js';
import { serializeKnowledge } from './lib/ingest/serialize.js';
import { AUDIENCES, type KnowledgeDocument } from '../src/core/knowledge/types.js';
import { checkSectionQuestions } from '../src/core/knowledge/questions.js';
import { checkSectionTitles } from '../src/core/knowledge/titles.js';
import { createSearchIndex, type SearchIndex } from '../src/core/retrieval/index.js';
import { misplacedQuestions } from '../src/core/retrieval/question-filter.js';
import { silentConflicts } from '../src/core/answering/silent-filter.js';
import { codeIntentsFile, loadBoardKnowledge, type BoardKnowledge, loadCodeIntents, loadSectionTitles, questionsFile, silentFile, titlesFile } from '../src/board/board-files.js';
import { unknownIntentSections } from '../src/core/knowledge/code-intents.js';
import { loadVocabulary } from '../src/board/shared-lists.js';
import { writeQuestionKeys } from './lib/write-question-keys.js';

/** What a board's index is built from besides its code. */
type BoardExtras = Omit<BoardKnowledge, 'knowledge'>;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function main(): number {
  const outDir = resolve(option('out-dir') ?? join(repoRoot, 'knowledge'));
  const sourceDir = resolve(option('source-dir') ?? join(repoRoot, '..', 'shared', 'protocols'));
  const boardsFile = resolve(option('boards') ?? join(repoRoot, 'knowledge', 'boards.yaml'));
  const only = option('org');
  if (!existsSync(boardsFile)) {
    console.error(`Bestand met schoolbesturen niet gevonden: ${boardsFile}`);
    return 1;
  }
  const boards = parseBoards(readFileSync(boardsFile, 'utf8'));
  const selected = only ? boards.filter((board) => board.org === only) : boards;
  if (selected.length === 0) {
    console.error(`Organisatie "${only}" staat niet in ${boardsFile}. Bekend: ${boards.map((b) => b.org).join(', ')}`);
    return 1;
  }
  let problems = 0;
  for (const board of selected) {
    const source = join(sourceDir, board.source);
    if (!existsSync(source)) {
      console.error(`Brontekst voor ${board.org} niet gevonden: ${source}`);
      return 1;
    }
    const document = buildKnowledge(readFileSync(source, 'utf8'), board);
    const target = join(outDir, board.org, 'sections.yaml');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, serializeKnowledge(document));
    const rules = document.sections.filter((section) => section.rule !== undefined).length;
    const audiences = AUDIENCES.map((audience) => `${audience} ${document.sections.filter((s) => s.audience.includes(audience)).length}`).join(', ');
    console.log(`${board.org}: ${document.sections.length} secties, ${rules} regels; doelgroepen: ${audiences} → ${target}`);
    // The analysed questions first: the check of the questions then builds its index from them.
    const keys = writeQuestionKeys(outDir, board.org);
    console.log(`  ${board.org}: ${keys.questions} vragen en ${keys.outOfScope} voorbeelden buiten de code geanalyseerd → ${keys.file}`);
    // The board as the server loads it, with the fresh analysis: one index for both question checks.
    const { knowledge, ...extras } = loadBoardKnowledge(outDir, board.org);
    const index = createSearchIndex(knowledge, loadVocabulary(join(outDir, 'vocabulary')), extras);
    problems += reportQuestions(outDir, board.org, knowledge, extras, index);
    problems += reportSilent(outDir, board.org, extras, index);
    problems += reportTitles(outDir, document);
    problems += reportCodeIntents(outDir, document);
  }
  if (problems > 0) console.error(`\n${problems} probleem/problemen met de vragen, titels of vragen over de code per sectie: zie hierboven (README, "Bringing a new board's code").`);
  return problems > 0 ? 2 : 0;
}

/**
 * Keeps knowledge/<org>/questions.yaml in step with the sections: reports a board without
 * questions, sections without questions, questions of sections that no longer exist, questions
 * under two sections, and questions another section answers better. Returns the number of problems.
 */
function reportQuestions(outDir: string, org: string, knowledge: KnowledgeDocument, extras: BoardExtras, index: SearchIndex): number {
  if (!extras.questions) {
    console.error(`  ${org}: geen vragen per sectie (${questionsFile(outDir, org)} ontbreekt)`);
    return 1;
  }
  const check = checkSectionQuestions(knowledge, extras.questions);
  const misplaced = check.unknownSections.length > 0 ? [] : misplacedQuestions(index, extras.questions);
  const lines = [
    ...check.sectionsWithoutQuestions.map((id) => `sectie zonder vragen: ${id}`),
    ...check.unknownSections.map((id) => `vragen bij een sectie die niet (meer) bestaat: ${id}`),
    ...check.duplicates.map((q) => `vraag staat bij twee secties: ${q}`),
    ...misplaced.map((m) => `${m.sectionId}: "${m.question}" past beter bij ${m.bestId} (eigen sectie op plaats ${m.rank || '-'})`),
  ];
  const count = [...extras.questions.bySection.values()].reduce((n, l) => n + l.length, 0);
  return printReport(org, `${count} vragen bij ${extras.questions.bySection.size} secties`, lines);
}

/**
 * Checks knowledge/<org>/silent.yaml (optional): no question a section answers may be declined as
 * something the code is silent on. Returns the number of problems.
 */
function reportSilent(outDir: string, org: string, extras: BoardExtras, index: SearchIndex): number {
  if (extras.silent.length === 0) {
    console.log(`  ${org}: geen ${silentFile(outDir, org)} (alleen de voorbeelden buiten elke code)`);
    return 0;
  }
  if (!extras.questions) return 0;
  const lines = silentConflicts(index, extras.questions).map((c) => `"${c.silent}" wijst een vraag af die ${c.sectionId} beantwoordt: "${c.question}"`);
  return printReport(org, `${extras.silent.length} vragen waarover de code zwijgt`, lines);
}

/** Keeps knowledge/<org>/titles.yaml in step: a board without titles, sections without one, titles of unknown sections, doubles. */
function reportTitles(outDir: string, document: KnowledgeDocument): number {
  const org = document.org;
  const titles = loadSectionTitles(outDir, org);
  if (!titles) {
    console.error(`  ${org}: geen titels per sectie (${titlesFile(outDir, org)} ontbreekt)`);
    return 1;
  }
  const check = checkSectionTitles(document, titles);
  const lines = [
    ...check.sectionsWithoutTitle.map((id) => `sectie zonder titel: ${id}`),
    ...check.unknownSections.map((id) => `titel bij een sectie die niet (meer) bestaat: ${id}`),
    ...check.duplicates.map((t) => `titel staat bij twee secties: ${t}`),
  ];
  return printReport(org, `${titles.byId.size} titels`, lines);
}

/** Checks knowledge/<org>/code-intents.yaml: optional, but every section it names must exist. */
function reportCodeIntents(outDir: string, document: KnowledgeDocument): number {
  const org = document.org;
  const intents = loadCodeIntents(outDir, org);
  if (!intents) {
    console.log(`  ${org}: geen ${codeIntentsFile(outDir, org)} (vragen over de code zelf worden op woorden gezocht)`);
    return 0;
  }
  const lines = unknownIntentSections(document, intents).map((id) => `vraag over de code bij een sectie die niet (meer) bestaat: ${id}`);
  return printReport(org, 'vragen over de code zelf', lines);
}

/** One line saying what was checked, then each problem on its own line; returns the number of problems. */
function printReport(org: string, checked: string, problems: readonly string[]): number {
  console.log(`  ${org}: ${checked}${problems.length ? `, ${problems.length} probleem/problemen:` : ', in orde'}`);
  for (const problem of problems) console.error(`    ${problem}`);
  return problems.length;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
