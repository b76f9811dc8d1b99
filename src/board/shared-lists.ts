import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { invalid, parseWith, type Parsed } from '../core/shared/parsed.js';
import { mergeVocabularies, parseVocabulary, type Vocabulary } from '../core/retrieval/vocabulary.js';
import { DataFileError, loadYaml } from './load-yaml.js';

// The reviewed lists every board shares (dialogs/shared/, knowledge/vocabulary/), loaded the way
// the board's own files are.

const words = (key: string, what: string) =>
  z.object({ [key]: z.array(z.string().trim().min(1), { invalid_type_error: `verwacht "${key}:" met een lijst van ${what}`, required_error: `verwacht "${key}:" met een lijst van ${what}` }) }, { invalid_type_error: `verwacht "${key}:" met een lijst van ${what}` });

const swearWordsSchema = words('words', 'woorden');
const firstNamesSchema = words('names', 'voornamen');

/** `dialogs/shared/schuttingtaal.yaml` (`words: [...]`): the reviewed schuttingtaal list for the draft pre-check. */
export function loadSwearWords(dialogsDir: string): string[] {
  return loadYaml(path.join(dialogsDir, 'shared', 'schuttingtaal.yaml'), (data) => listOf(parseWith(swearWordsSchema, data), 'words'));
}

/** `dialogs/shared/voornamen.yaml` (`names: [...]`): the first names the check before a doubt is sent recognises. */
export function loadFirstNames(dialogsDir: string): string[] {
  return loadYaml(path.join(dialogsDir, 'shared', 'voornamen.yaml'), (data) => listOf(parseWith(firstNamesSchema, data), 'names'));
}

function listOf(parsed: Parsed<Record<string, string[]>>, key: string): Parsed<string[]> {
  return parsed.ok ? { ok: true, value: parsed.value[key] ?? [] } : parsed;
}

/** Default folder of the reviewed vocabulary files, relative to the repository root. */
export const DEFAULT_VOCABULARY_DIR = 'knowledge/vocabulary';

/** Every `*.yaml` file in the vocabulary folder (sorted by name), validated and merged. */
export function loadVocabulary(dir: string = DEFAULT_VOCABULARY_DIR): Vocabulary {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new DataFileError(dir, ['map met woordenlijsten niet gevonden']);
  }
  return mergeVocabularies(files.map((name) => loadYaml(path.join(dir, name), (data) => validateVocabulary(data, name))));
}

/** Retrieval's own parser throws (it is not ours to change); its message becomes the problem. */
function validateVocabulary(data: unknown, name: string): Parsed<Vocabulary> {
  try {
    return { ok: true, value: parseVocabulary(data, name) };
  } catch (error) {
    return invalid((error as Error).message);
  }
}
