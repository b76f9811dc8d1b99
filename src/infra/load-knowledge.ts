import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseKnowledge } from '../core/knowledge/parse.js';
import { parseOutOfScopeQuestions, parseSectionQuestions, type SectionQuestions } from '../core/knowledge/questions.js';
import type { KnowledgeDocument } from '../core/knowledge/types.js';

/** Path of a board's built knowledge: `<dir>/<org>/sections.yaml`. */
export function knowledgeFile(dir: string, org: string): string {
  return join(dir, org, 'sections.yaml');
}

/**
 * Loads and validates `<dir>/<org>/sections.yaml`.
 * Throws an Error naming the file when it is missing or invalid.
 */
export function loadKnowledge(dir: string, org: string): KnowledgeDocument {
  const file = knowledgeFile(dir, org);
  if (!existsSync(file)) {
    throw new Error(`Geen kennisbestand voor organisatie "${org}": ${file} bestaat niet. Draai eerst: npm run knowledge:build -- --org ${org}`);
  }
  const document = parseKnowledge(readFileSync(file, 'utf8'), file);
  if (document.org !== org) throw new Error(`${file} hoort bij organisatie "${document.org}", niet bij "${org}".`);
  return document;
}

/** Org ids that have a built knowledge base under `dir`, sorted. */
export function listOrgs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(knowledgeFile(dir, entry.name)))
    .map((entry) => entry.name)
    .sort();
}

/** Path of a board's reviewed questions per section: `<dir>/<org>/questions.yaml`. */
export function questionsFile(dir: string, org: string): string {
  return join(dir, org, 'questions.yaml');
}

/**
 * Loads `<dir>/<org>/questions.yaml`, or undefined when the board has none yet (it then answers
 * from the code's own words only; `npm run knowledge:build` reports it). Throws on an invalid file.
 */
export function loadSectionQuestions(dir: string, org: string): SectionQuestions | undefined {
  const file = questionsFile(dir, org);
  if (!existsSync(file)) return undefined;
  const questions = parseSectionQuestions(readYaml(file), file);
  if (questions.org !== org) throw new Error(`${file} hoort bij organisatie "${questions.org}", niet bij "${org}".`);
  return questions;
}

/** Questions no board's code answers (`<dir>/out-of-scope.yaml`), or an empty list without the file. */
export function loadOutOfScopeQuestions(dir: string): string[] {
  const file = join(dir, 'out-of-scope.yaml');
  return existsSync(file) ? parseOutOfScopeQuestions(readYaml(file), file) : [];
}

/** What retrieval knows of a board: its code, the questions its sections answer, and what is out of scope. */
export interface BoardKnowledge {
  knowledge: KnowledgeDocument;
  questions: SectionQuestions | undefined;
  outOfScope: string[];
}

export function loadBoardKnowledge(dir: string, org: string): BoardKnowledge {
  return { knowledge: loadKnowledge(dir, org), questions: loadSectionQuestions(dir, org), outOfScope: loadOutOfScopeQuestions(dir) };
}

function readYaml(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is geen geldige YAML: ${(error as Error).message}`);
  }
}
