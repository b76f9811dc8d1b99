import type { KnowledgeDocument, Section } from '../knowledge/types.js';
import { analyzeForIndex, contentWords } from './analyze.js';
import { compileVocabulary, type CompiledVocabulary } from './compiled-vocabulary.js';
import { tokenize } from './normalize.js';
import { isStopword } from './stopwords.js';
import type { Vocabulary } from './vocabulary.js';

export type FieldName = 'body' | 'head' | 'aud';

/** BM25F field weights: headings name the topic of a rule, so a heading hit counts double. */
export const FIELD_WEIGHTS: Readonly<Record<FieldName, number>> = { body: 1, head: 2, aud: 0.5 };

/** Term statistics of one field of one section. */
export interface FieldStats {
  tf: Map<string, number>;
  length: number;
}

/** A section with its per-field statistics. */
export interface IndexedSection {
  section: Section;
  fields: Record<FieldName, FieldStats>;
  /** Positions (among content words of the body) of each key, for phrase (bigram) bonuses. */
  positions: Map<string, number[]>;
  /**
   * Keys (with their best weight) of each sentence of the body, for sections of several sentences:
   * a long paragraph should be judged by its best few sentences, not by words scattered over it.
   */
  sentences: Array<Map<string, number>>;
}

/** Sentence ends: a full stop, "?" or "!" before a capital or digit, or a line break. */
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=["'(\u2018\u201c]?[A-Z0-9\u00C0-\u00DD-])|\n+/;

function sentenceKeys(
  text: string,
  isKnownPart: (part: string) => boolean,
  memo: Map<string, ReadonlyMap<string, number>>,
): Array<Map<string, number>> {
  const parts = text.split(SENTENCE_BREAK).filter((p) => p.trim());
  if (parts.length < 2) return [];
  return parts.map((part) => {
    const keys = new Map<string, number>();
    for (const word of analyzeForIndex(part, isKnownPart, memo)) {
      for (const [k, w] of word.keys) if ((keys.get(k) ?? 0) < w) keys.set(k, w);
    }
    return keys;
  });
}

/** Everything retrieval needs about one board's code; build once per board with createSearchIndex. */
export interface SearchIndex {
  doc: KnowledgeDocument;
  sections: IndexedSection[];
  /** Number of sections containing each key (any field). */
  df: Map<string, number>;
  avgLength: Record<FieldName, number>;
  /** Normalised content words of the code and the vocabulary: compound parts and typo targets. */
  knownWords: Map<string, number>;
  vocabulary: CompiledVocabulary;
  /** Words of the organisation's name and id, ignored in questions. */
  orgWords: Set<string>;
  /** Analysed words by surface form (filled while building and answering; only grows). */
  wordMemo: Map<string, ReadonlyMap<string, number>>;
}

function fieldStats(
  text: string,
  isKnownPart: (part: string) => boolean,
  memo: Map<string, ReadonlyMap<string, number>>,
  positions?: Map<string, number[]>,
): FieldStats {
  const tf = new Map<string, number>();
  const words = analyzeForIndex(text, isKnownPart, memo);
  for (const word of words) {
    for (const [key, weight] of word.keys) {
      tf.set(key, (tf.get(key) ?? 0) + weight);
      if (positions && weight === 1) {
        const list = positions.get(key);
        if (list) list.push(word.position);
        else positions.set(key, [word.position]);
      }
    }
  }
  return { tf, length: words.length };
}

/**
 * Builds the search index of one board's code. Pure and fast (a few ms per board):
 * call it at start-up and whenever the knowledge changes.
 */
export function createSearchIndex(doc: KnowledgeDocument, vocabulary: Vocabulary): SearchIndex {
  const knownWords = new Map<string, number>();
  for (const section of doc.sections) {
    for (const w of contentWords([section.text, ...section.headingPath].join(' '))) {
      if (w.length >= 3 && !/^\d+$/.test(w)) knownWords.set(w, (knownWords.get(w) ?? 0) + 1);
    }
  }
  const compiled = compileVocabulary(vocabulary);
  for (const w of compiled.singleWords) if (!knownWords.has(w) && !isStopword(w)) knownWords.set(w, 0);
  const isKnownPart = (part: string): boolean => knownWords.has(part);
  const wordMemo = new Map<string, ReadonlyMap<string, number>>();

  const sections: IndexedSection[] = doc.sections.map((section) => {
    const positions = new Map<string, number[]>();
    return {
      section,
      positions,
      sentences: sentenceKeys(section.text, isKnownPart, wordMemo),
      fields: {
        body: fieldStats(section.text, isKnownPart, wordMemo, positions),
        head: fieldStats(section.headingPath.map((h) => h.replace(/^[\d.A-Z]+\s+/, '')).join(' '), isKnownPart, wordMemo),
        aud: fieldStats(section.audience.join(' '), isKnownPart, wordMemo),
      },
    };
  });

  const df = new Map<string, number>();
  for (const s of sections) {
    const keys = new Set<string>();
    for (const f of Object.values(s.fields)) for (const k of f.tf.keys()) keys.add(k);
    for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const avg = (name: FieldName): number =>
    sections.length ? Math.max(1, sections.reduce((sum, s) => sum + s.fields[name].length, 0) / sections.length) : 1;

  return {
    doc,
    sections,
    df,
    avgLength: { body: avg('body'), head: avg('head'), aud: avg('aud') },
    knownWords,
    vocabulary: compiled,
    orgWords: new Set(tokenize(`${doc.org} ${doc.organisation}`).filter((w) => !['onderwijs', 'school', 'stichting'].includes(w))),
    wordMemo,
  };
}
