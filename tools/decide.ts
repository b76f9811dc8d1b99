/**
 * "Mag ik dit posten?" from the command line: runs an organisation's decision model on the given facts.
 *
 *   npm run decide -- --org oog --facts '{"about_school":true,"recognisable_people":true}'
 *     prints {"verdict", "conditions", "alternatives", "rules", "next"} as one JSON object
 *     (verdict null and next set while a question is still open)
 *   npm run decide -- --check [--org oog]     checks the definitions (sections exist, every path ends, every fact reachable)
 *   npm run decide -- --write-schema          regenerates dialogs/schema/posting.schema.json
 *
 * Options: --dialogs <dir> (default dialogs), --knowledge <dir> (default knowledge). Bad arguments exit with code 2.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkDefinition } from '../src/core/posting/check-definition.js';
import { decide } from '../src/core/posting/engine.js';
import { postingSchemaFileText } from '../src/core/posting/schema.js';
import { FACT_IDS, type Facts } from '../src/core/posting/types.js';
import { loadKnowledge } from '../src/board/board-files.js';
import { loadPostingDefinition } from '../src/board/board-files.js';

const ORGS = ['oog', 'konot', 'kempenkind', 'kopwerk', 'school001'];

class UsageError extends Error {}

function parseFacts(raw: string): Facts {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new UsageError(`--facts is geen geldige JSON: ${raw.slice(0, 80)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('--facts moet een JSON-object zijn, bijvoorbeeld {"about_school":true}');
  const facts: Facts = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!(FACT_IDS as readonly string[]).includes(key)) throw new UsageError(`onbekend feit "${key}"; bekend zijn: ${FACT_IDS.join(', ')}`);
    if (v !== true && v !== false && v !== null) throw new UsageError(`feit "${key}" moet true, false of null zijn`);
    facts[key as keyof Facts] = v;
  }
  return facts;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        org: { type: 'string' },
        facts: { type: 'string' },
        dialogs: { type: 'string', default: 'dialogs' },
        knowledge: { type: 'string', default: 'knowledge' },
        check: { type: 'boolean', default: false },
        'write-schema': { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  if (args['write-schema']) {
    const file = path.join(args.dialogs, 'schema', 'posting.schema.json');
    writeFileSync(file, postingSchemaFileText());
    process.stderr.write(`geschreven: ${file}\n`);
    return 0;
  }

  if (args.check) {
    let failed = false;
    for (const org of args.org ? [args.org] : ORGS) {
      const definition = loadPostingDefinition(args.dialogs, org);
      const knowledge = loadKnowledge(args.knowledge, org);
      const report = checkDefinition(definition, knowledge);
      failed ||= report.problems.length > 0;
      process.stdout.write(`${org}: ${report.paths} paden, ${report.reachable.length}/${definition.facts.length} vragen bereikbaar, ${JSON.stringify(report.verdicts)}\n`);
      for (const p of report.problems) process.stdout.write(`  - ${p}\n`);
    }
    return failed ? 1 : 0;
  }

  if (!args.org) throw new UsageError('--org ontbreekt (bijvoorbeeld --org oog)');
  if (!/^[a-z0-9-]+$/.test(args.org)) throw new UsageError(`ongeldige organisatie "${args.org}"`);
  const facts = parseFacts(args.facts ?? '{}');
  const definition = loadPostingDefinition(args.dialogs, args.org);
  const knowledge = loadKnowledge(args.knowledge, args.org);
  const decision = decide(definition, knowledge, facts);
  const output =
    decision.kind === 'verdict'
      ? { verdict: decision.verdict, conditions: decision.conditions, alternatives: decision.alternatives, rules: decision.rules, next: null }
      : { verdict: null, conditions: [], alternatives: [], rules: [], next: decision.fact };
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return 0;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const usage = error instanceof UsageError;
      process.stderr.write(`decide: ${(error as Error).message}\n${usage ? 'Gebruik: npm run decide -- --org <org> --facts \'{"about_school":true}\'\n' : ''}`);
      // Unknown organisations and unreadable files are argument problems too: nothing to decide.
      process.exit(2);
    },
  );
}
