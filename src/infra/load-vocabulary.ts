import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mergeVocabularies, parseVocabulary, type Vocabulary } from '../core/retrieval/vocabulary.js';

/** Default folder of the reviewed vocabulary files, relative to the repository root. */
export const DEFAULT_VOCABULARY_DIR = 'knowledge/vocabulary';

/**
 * Reads and validates every `*.yaml` file in the vocabulary folder (sorted by name) and merges them.
 * Throws an Error with a Dutch message when the folder or a file is missing or invalid.
 */
export function loadVocabulary(dir: string = DEFAULT_VOCABULARY_DIR): Vocabulary {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new Error(`Map met woordenlijsten niet gevonden: ${dir}`);
  }
  return mergeVocabularies(
    files.map((file) => {
      const path = join(dir, file);
      let raw: unknown;
      try {
        raw = parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`Woordenlijst ${path} is geen geldige YAML: ${(error as Error).message}`);
      }
      return parseVocabulary(raw, path);
    }),
  );
}
