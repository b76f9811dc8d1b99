import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Parsed } from '../core/shared/parsed.js';

/**
 * A data file (knowledge, questions, posting model, course, leidinggevende mapping, word list)
 * that is missing or invalid. The message, in Dutch for the board's administrator, names the file
 * and every problem; the start stops with it.
 */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Fout in ${file}:\n- ${problems.join('\n- ')}`);
    this.name = 'DataFileError';
  }
}

export interface LoadYamlOptions {
  /** What to do when the file does not exist (default: say so); with `optional` the loader returns undefined. */
  missing?: string;
}

/**
 * Reads a YAML (or JSON, which is YAML too) file and validates it: the one way every data file is
 * loaded. Throws {@link DataFileError} naming the file when it is missing, unreadable, not YAML
 * (with the line) or invalid (with every problem the validator found).
 */
export function loadYaml<T>(file: string, validate: (data: unknown) => Parsed<T>, options: LoadYamlOptions = {}): T {
  const text = readText(file);
  if (text === undefined) throw new DataFileError(file, [options.missing ?? 'het bestand bestaat niet']);
  return parseYamlText(text, file, validate);
}

/** As {@link loadYaml}, but a file that does not exist is `undefined` (the file is optional). */
export function loadOptionalYaml<T>(file: string, validate: (data: unknown) => Parsed<T>): T | undefined {
  const text = readText(file);
  return text === undefined ? undefined : parseYamlText(text, file, validate);
}

/** Validates YAML text as if read from `file` (tests and tools that hold the text already). */
export function parseYamlText<T>(text: string, file: string, validate: (data: unknown) => Parsed<T>): T {
  let data: unknown;
  try {
    // Duplicate keys are an error: in a hand-edited file the second one silently winning hides a mistake.
    data = parse(text, { uniqueKeys: true });
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new DataFileError(file, [`${line ? `regel ${line}: ` : ''}geen geldige YAML (${(error as Error).message.split('\n')[0]})`]);
  }
  const result = validate(data);
  if (!result.ok) throw new DataFileError(file, result.problems);
  return result.value;
}

/** The file's text, or undefined when it does not exist. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new DataFileError(file, [`kan het bestand niet lezen (${code ?? 'onbekende fout'})`]);
  }
}
