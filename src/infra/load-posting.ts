import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { parsePostingDefinition } from '../core/posting/schema.js';
import type { PostingDefinition } from '../core/posting/types.js';

/** A posting definition (or word list) that is missing or invalid; `problems` lists each issue in Dutch. */
export class PostingDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Beslismodel ${file} is ongeldig:\n- ${problems.join('\n- ')}`);
    this.name = 'PostingDefinitionError';
  }
}

/** Path of an organisation's decision model. */
export function postingDefinitionPath(dialogsDir: string, org: string): string {
  return path.join(dialogsDir, org, 'posting.yaml');
}

async function readYaml(file: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new PostingDefinitionError(file, ['bestand niet gevonden']);
  }
  try {
    return parse(raw);
  } catch (error) {
    throw new PostingDefinitionError(file, [`geen geldige YAML: ${(error as Error).message}`]);
  }
}

/**
 * Reads and validates `dialogs/<org>/posting.yaml`.
 * @throws PostingDefinitionError when the file is missing, not YAML, invalid, or for another org.
 */
export async function loadPostingDefinition(dialogsDir: string, org: string): Promise<PostingDefinition> {
  if (!/^[a-z0-9-]+$/.test(org)) throw new PostingDefinitionError(org, [`ongeldige organisatie-id "${org}"`]);
  const file = postingDefinitionPath(dialogsDir, org);
  const result = parsePostingDefinition(await readYaml(file));
  if (!result.ok) throw new PostingDefinitionError(file, result.errors);
  if (result.definition.org !== org) throw new PostingDefinitionError(file, [`org is "${result.definition.org}", verwacht "${org}"`]);
  return result.definition;
}

/**
 * Reads the reviewed schuttingtaal list `dialogs/shared/schuttingtaal.yaml` (`words: [...]`) for the draft pre-check.
 * @throws PostingDefinitionError when the file is missing or has no word list.
 */
export async function loadSwearWords(dialogsDir: string): Promise<string[]> {
  const file = path.join(dialogsDir, 'shared', 'schuttingtaal.yaml');
  const data = await readYaml(file);
  const words = (data as { words?: unknown } | null)?.words;
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) {
    throw new PostingDefinitionError(file, ['verwacht "words:" met een lijst van woorden']);
  }
  return words;
}
