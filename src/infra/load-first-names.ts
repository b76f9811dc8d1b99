import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/** Thrown when the reviewed first-name list is missing or malformed; the start stops with it. */
export class FirstNamesError extends Error {}

/**
 * Reads `dialogs/shared/voornamen.yaml` (`names: [...]`): the reviewed first names the privacy
 * check before a doubt is sent recognises as names.
 */
export async function loadFirstNames(dialogsDir: string): Promise<string[]> {
  const file = path.join(dialogsDir, 'shared', 'voornamen.yaml');
  let data: unknown;
  try {
    data = parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new FirstNamesError(`Namenlijst ${file} kon niet worden gelezen: ${(error as Error).message}`);
  }
  const names = (data as { names?: unknown } | null)?.names;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string' && n.trim() !== '')) {
    throw new FirstNamesError(`Namenlijst ${file}: verwacht "names:" met een lijst van voornamen`);
  }
  return names as string[];
}
