/**
 * Rebuilds knowledge/<org>/sections.yaml from the raw protocol texts.
 *   npm run knowledge:build                      all boards in knowledge/boards.yaml
 *   npm run knowledge:build -- --org <id>        one board
 *   --source-dir <dir>                           protocols folder (default ../shared/protocols from the repo root)
 *   --out-dir <dir>                              knowledge folder (default knowledge/ in the repo root)
 *   --boards <file>                              board registry (default knowledge/boards.yaml)
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBoards } from '../src/ingest/board-entry.js';
import { buildKnowledge } from '../src/ingest/build-knowledge.js';
import { serializeKnowledge } from '../src/ingest/serialize.js';
import { AUDIENCES } from '../src/core/knowledge/types.js';

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
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
