import { tokenize } from './normalize.js';
import { stem, wordKeys } from './stem.js';
import { isStopword } from './stopwords.js';
import type { Vocabulary, VocabularyAudience } from './vocabulary.js';

/** A multi-word code term ("jonger dan 16 jaar"): it matches only where all of its words occur. */
export interface CodePhrase {
  /** Per content word, the keys that may stand for it. */
  words: string[][];
}

/** A vocabulary group ready for matching. */
export interface CompiledGroup {
  theme: string;
  domain: boolean;
  /** How much a question word of this group says about the topic (0..1). */
  weight: number;
  audience?: VocabularyAudience;
  /** The group's words name a tool or an operation on it, not a topic (see VocabularyTheme.tool). */
  tool: boolean;
  /** Keys of the code's single-word terms to look for when the group matches. */
  codeKeys: string[];
  /**
   * The code's multi-word terms. Expanding them word by word would let "gedrag" (from "seksueel
   * grensoverschrijdend gedrag") match every section about behaviour, so they match as a whole.
   */
  codePhrases: CodePhrase[];
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
  /** The phrases by their first stem: a question is only compared with phrases that can start at a word. */
  phrasesByFirst: Map<string, CompiledPhrase[]>;
  /** Every normalised single content word (no stopword) mentioned in the vocabulary (entries and code terms). */
  singleWords: Set<string>;
  /** Keys of single-word entries of domain themes: a question using them is about social media / online conduct. */
  domainKeys: Set<string>;
  /** The single-word entries of domain themes themselves, as written ("app", "chat", "groepsapp"). */
  domainWords: Set<string>;
}

function contentWordsOf(term: string): string[] {
  return tokenize(term).filter((t) => !isStopword(t));
}

const compiledOnce = new WeakMap<Vocabulary, CompiledVocabulary>();

/** Turns the reviewed vocabulary into lookup tables for query expansion. */
export function compileVocabulary(vocabulary: Vocabulary): CompiledVocabulary {
  // Every board's index compiles the same shared vocabulary: once is enough (it is never changed).
  const known = compiledOnce.get(vocabulary);
  if (known) return known;
  const compiled: CompiledVocabulary = {
    groups: [],
    byKey: new Map(),
    phrases: [],
    phrasesByFirst: new Map(),
    singleWords: new Set(),
    domainKeys: new Set(),
    domainWords: new Set(),
  };
  for (const theme of vocabulary.themes) {
    for (const group of theme.groups) {
      const index = compiled.groups.length;
      const codeKeys = new Set<string>();
      const codePhrases: CodePhrase[] = [];
      for (const term of group.code) {
        const words = contentWordsOf(term);
        if (words.length === 1 && words[0]) for (const k of wordKeys(words[0])) codeKeys.add(k);
        else if (words.length > 1) codePhrases.push({ words: words.map((w) => [...wordKeys(w)]) });
      }
      compiled.groups.push({
        theme: theme.theme,
        domain: theme.domain,
        weight: group.weight ?? theme.weight ?? 1,
        ...(theme.audience ? { audience: theme.audience } : {}),
        tool: theme.tool === true,
        codeKeys: [...codeKeys],
        codePhrases,
      });
      for (const entry of group.words) {
        const tokens = tokenize(entry);
        if (tokens.length === 1 && tokens[0]) {
          if (!isStopword(tokens[0])) compiled.singleWords.add(tokens[0]);
          for (const key of wordKeys(tokens[0])) {
            const list = compiled.byKey.get(key);
            if (list) {
              if (!list.includes(index)) list.push(index);
            } else compiled.byKey.set(key, [index]);
          }
          if (theme.domain && !isStopword(tokens[0])) {
            for (const key of wordKeys(tokens[0])) compiled.domainKeys.add(key);
            compiled.domainWords.add(tokens[0]);
          }
        } else if (tokens.length > 1) {
          compiled.phrases.push({ stems: tokens.map(stem), group: index });
        }
      }
      for (const term of group.code) {
        for (const t of tokenize(term)) if (!isStopword(t)) compiled.singleWords.add(t);
      }
    }
  }
  for (const phrase of compiled.phrases) {
    const first = phrase.stems[0]!;
    const list = compiled.phrasesByFirst.get(first);
    if (list) list.push(phrase);
    else compiled.phrasesByFirst.set(first, [phrase]);
  }
  compiledOnce.set(vocabulary, compiled);
  return compiled;
}
