import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKnowledge } from '../core/knowledge/parse.js';
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
