/**
 * Learning from use (issue 9): the questions a board's staff asked that the bot could not answer,
 * was unsure of ("Bedoel je…?"), or answered with a 👎, grouped and most asked first, each with the
 * bot's current top 3 sections. A reviewer then links a question to its section (it becomes one of
 * that section's stored questions) or marks it out of scope (a negative example the tests keep).
 *
 *   npm run review -- --org oog [--data-dir DIR] [--since 2026-01-01] [--limit 50]
 *   npm run review -- --org oog --link "<question>" <section-id>
 *   npm run review -- --org oog --out-of-scope "<question>"
 *
 * The store is only read (no lock), so this runs beside a live bot. `--data-dir` and `--knowledge`
 * default to the bot's settings (DATA_DIR, KNOWLEDGE_DIR, ENV_FILE); `--negatives` to
 * test/fixtures/review-out-of-scope.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../src/core/answering/answer.js';
import { groupForReview, type ReviewGroup } from '../src/core/learning/review.js';
import { createSearchIndex, type SearchIndex } from '../src/core/retrieval/index.js';
import { search } from '../src/core/retrieval/search.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { environmentWithFile } from '../src/infra/env-file.js';
import { listOrgs, loadBoardKnowledge, questionsFile } from '../src/board/board-files.js';
import { loadVocabulary } from '../src/board/shared-lists.js';
import { openFeedbackReader } from '../src/store/open-data-store.js';
import { addOutOfScope, linkQuestion, ReviewEditError } from './lib/review-edits.js';
import { writeQuestionKeys } from './lib/write-question-keys.js';

const USAGE = `Gebruik:
  npm run review -- --org <id> [--data-dir DIR] [--since DATUM] [--limit N]
  npm run review -- --org <id> --link "<vraag>" <sectie-id>
  npm run review -- --org <id> --out-of-scope "<vraag>"`;

class UsageError extends Error {}

const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bot's settings as `npm run serve` reads them (environment plus ENV_FILE), for this board. */
function botSettings(org: string): Config {
  // Read as a single-board setting for --org: a deployment's TENANT_ORGS names other boards too.
  const env: Record<string, string | undefined> = { ...environmentWithFile(process.env, process.env.ENV_FILE, ROOT_DIR), ORG: org, TENANT_ORGS: '' };
  const knowledgeDir = path.resolve(ROOT_DIR, env.KNOWLEDGE_DIR || 'knowledge');
  return loadConfig(env, { rootDir: ROOT_DIR, knownOrgs: listOrgs(knowledgeDir) });
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} heeft een waarde nodig.`);
  return value;
}

const VERDICT_WORDS: Record<string, string> = {
  unanswered: 'geen antwoord',
  unsure: '"Bedoel je…?"',
  chosen: 'gekozen',
  down: '👎 op antwoord',
  not_found: '👎 op "geen antwoord"',
};
const KIND_WORDS = { answer: 'antwoordt', unsure: 'twijfelt', not_found: 'geen antwoord' } as const;

function describeGroup(group: ReviewGroup, n: number, index: SearchIndex, org: string): string {
  const counts = Object.entries(group.verdicts).map(([verdict, count]) => `${count}× ${VERDICT_WORDS[verdict] ?? verdict}`);
  const lines = [`${n}. ${JSON.stringify(group.question)} — ${group.asked}× gesteld (${counts.join(', ')}), laatst ${group.lastAt.slice(0, 10)}`];
  if (group.chosen.length > 0) lines.push(`   gekozen: ${group.chosen.map((c) => `${c.sectionId} (${c.count}×)`).join(', ')}`);
  if (group.downvoted.length > 0) lines.push(`   👎 op: ${group.downvoted.map((c) => `${c.sectionId} (${c.count}×)`).join(', ')}`);
  const now = answerQuestion(index, group.question);
  const top = search(index, group.question).hits.slice(0, 3);
  lines.push(`   de bot nu: ${KIND_WORDS[now.kind]} (zekerheid ${now.confidence.toFixed(2)}); beste secties:`);
  for (const [i, hit] of top.entries()) {
    const s = hit.indexed.section;
    lines.push(`     ${i + 1}. ${s.id}  ${s.headingPath.at(-1) ?? ''}${s.rule ? `, regel ${s.rule}` : ''} — "${s.text.replace(/\s+/g, ' ').slice(0, 70)}…"`);
  }
  // What staff chose is the best guess; else the best section that did not get the 👎.
  const downvoted = new Set(group.downvoted.map((d) => d.sectionId));
  const suggestion = group.chosen[0]?.sectionId ?? top.find((h) => !downvoted.has(h.indexed.section.id))?.indexed.section.id ?? '<sectie-id>';
  lines.push(`   koppelen: npm run review -- --org ${org} --link ${JSON.stringify(group.question)} ${suggestion}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const org = arg('--org');
  if (!org) throw new UsageError('--org ontbreekt.');
  let config: Config | undefined;
  // The bot's own settings, read only when a directory is not given on the command line.
  const settings = () => (config ??= botSettings(org));
  const knowledgeDir = path.resolve(arg('--knowledge') ?? settings().knowledgeDir);
  if (!listOrgs(knowledgeDir).includes(org)) throw new UsageError(`Onbekende organisatie "${org}"; kies uit ${listOrgs(knowledgeDir).join(', ')}.`);

  const linkAt = process.argv.indexOf('--link');
  if (linkAt >= 0) {
    const question = process.argv[linkAt + 1];
    const sectionId = process.argv[linkAt + 2];
    if (!question || !sectionId) throw new UsageError('--link heeft een vraag en een sectie-id nodig.');
    const { knowledge } = loadBoardKnowledge(knowledgeDir, org);
    const file = questionsFile(knowledgeDir, org);
    const result = linkQuestion(readFileSync(file, 'utf8'), sectionId, question, new Set(knowledge.sections.map((s) => s.id)));
    if (result.added) {
      writeFileSync(file, result.text);
      // The server's analysed questions must include the new one (else it warns and analyses them all at start).
      writeQuestionKeys(knowledgeDir, org);
    }
    process.stdout.write(result.added ? `Toegevoegd aan ${sectionId} in ${path.relative(process.cwd(), file)}.\n` : `Die vraag staat al bij ${sectionId}; niets veranderd.\n`);
    return;
  }

  const outOfScope = arg('--out-of-scope');
  if (outOfScope !== undefined) {
    const file = path.resolve(arg('--negatives') ?? path.join(ROOT_DIR, 'test/fixtures/review-out-of-scope.json'));
    const result = addOutOfScope(existsSync(file) ? readFileSync(file, 'utf8') : undefined, org, outOfScope);
    if (result.added) writeFileSync(file, result.text);
    process.stdout.write(result.added ? `Als buiten de code bewaard in ${path.relative(process.cwd(), file)}.\n` : 'Die vraag staat er al; niets veranderd.\n');
    return;
  }

  const sinceArg = arg('--since');
  const since = sinceArg === undefined ? undefined : new Date(sinceArg);
  if (since && Number.isNaN(since.getTime())) throw new UsageError(`--since ${sinceArg} is geen datum (bijvoorbeeld 2026-01-31).`);
  const limit = Number(arg('--limit') ?? 50);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit moet een positief geheel getal zijn.');
  const dataDir = path.resolve(arg('--data-dir') ?? settings().dataDir);

  const records = await openFeedbackReader(dataDir).list(since ? { since } : undefined);
  const groups = groupForReview(records, since ? { org, since } : { org });
  const { knowledge, ...extras } = loadBoardKnowledge(knowledgeDir, org);
  const index = createSearchIndex(knowledge, loadVocabulary(path.join(knowledgeDir, 'vocabulary')), extras);

  const asked = groups.reduce((sum, g) => sum + g.asked, 0);
  process.stdout.write(`Te beoordelen voor ${org}${since ? ` sinds ${since.toISOString().slice(0, 10)}` : ''}: ${groups.length} vragen, ${asked}× gesteld (${dataDir})\n`);
  if (groups.length === 0) {
    process.stdout.write('Niets te beoordelen.\n');
    return;
  }
  process.stdout.write('\n');
  for (const [i, group] of groups.slice(0, limit).entries()) process.stdout.write(`${describeGroup(group, i + 1, index, org)}\n\n`);
  if (groups.length > limit) process.stdout.write(`… en nog ${groups.length - limit} (--limit ${groups.length} toont alles).\n`);
  process.stdout.write(`Buiten de code? npm run review -- --org ${org} --out-of-scope "<vraag>"\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ReviewEditError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
    process.exit(2);
  }
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
