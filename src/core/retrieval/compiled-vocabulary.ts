import { tokenize } from './normalize.js';
import { stem, wordKeys } from './stem.js';
import { isStopword } from './stopwords.js';
import type { Vocabulary } from './vocabulary.js';

/** A vocabulary group ready for matching. */
export interface CompiledGroup {
  theme: string;
  domain: boolean;
  /** Keys of the code's own terms to look for when the group matches. */
  codeKeys: string[];
}

/** A multi-word entry ("mag dat", "weet niet", "groep 6") of a group. */
export interface CompiledPhrase {
  stems: string[];
  group: number;
}

/** The vocabulary as lookup tables. */
export interface CompiledVocabulary {
  groups: CompiledGroup[];
  /** Key of a single-word entry → the groups it belongs to. */
  byKey: Map<string, number[]>;
  phrases: CompiledPhrase[];
  /** Every normalised single word mentioned in the vocabulary (entries and code terms). */
  singleWords: Set<string>;
  /** Keys of single-word entries of domain themes: a question using them is about social media / online conduct. */
  domainKeys: Set<string>;
}

function contentKeys(term: string): string[] {
  return tokenize(term)
    .filter((t) => !isStopword(t))
    .flatMap((t) => wordKeys(t));
}

/** Turns the reviewed vocabulary into lookup tables for query expansion. */
export function compileVocabulary(vocabulary: Vocabulary): CompiledVocabulary {
  const compiled: CompiledVocabulary = {
    groups: [],
    byKey: new Map(),
    phrases: [],
    singleWords: new Set(),
    domainKeys: new Set(),
  };
  for (const theme of vocabulary.themes) {
    for (const group of theme.groups) {
      const index = compiled.groups.length;
      const codeKeys = [...new Set(group.code.flatMap(contentKeys))];
      compiled.groups.push({ theme: theme.theme, domain: theme.domain, codeKeys });
      for (const entry of group.words) {
        const tokens = tokenize(entry);
        if (tokens.length === 1 && tokens[0]) {
          compiled.singleWords.add(tokens[0]);
          for (const key of wordKeys(tokens[0])) {
            const list = compiled.byKey.get(key);
            if (list) {
              if (!list.includes(index)) list.push(index);
            } else compiled.byKey.set(key, [index]);
          }
        } else if (tokens.length > 1) {
          compiled.phrases.push({ stems: tokens.map(stem), group: index });
        }
        if (theme.domain && tokens.length === 1) for (const key of contentKeys(entry)) compiled.domainKeys.add(key);
      }
      for (const term of group.code) {
        for (const t of tokenize(term)) if (!isStopword(t)) compiled.singleWords.add(t);
      }
    }
  }
  return compiled;
}
