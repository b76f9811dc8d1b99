import type { SectionQuestions } from '../knowledge/questions.js';
import type { KnowledgeDocument, Section } from '../knowledge/types.js';
import { B, K1 } from './bm25.js';
import { analyzeQuery } from './query.js';
import { indexQuestions, invertAnalyses, noPostings, storedQuestions, type QuestionIndex } from './question-index.js';
import { questionBags, type QuestionBags } from './question-bags.js';
import { analysisFingerprint, type AnalysedQuestions } from './analysed-questions.js';
import type { CodeIntent, CodeIntentSections } from '../knowledge/code-intents.js';
import { analyzeForIndex, contentWords } from './analyze.js';
import { compileVocabulary, type CompiledVocabulary } from './compiled-vocabulary.js';
import { tokenize } from './normalize.js';
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
  /** Ranking prior of the section itself: below 1 for passages that say little on their own. */
  prior: number;
  /**
   * BM25F weight (idf included) of every key of the section, over all fields; computed once at build
   * time because it depends on the section and the board only, never on the question.
   */
  termWeights: Map<string, number>;
  /** Keys of the section's hand-written title (titles.yaml), for the re-ranker: not a search field. */
  titleKeys: Map<string, number>;
}

export { B, K1 } from './bm25.js';

/** Prior of a low-information section: a lead-in to a list, or a short footnote defining a term. */
export const LOW_INFORMATION_PRIOR = 0.6;
const FOOTNOTE_MARK = /^[*\u00b9\u00b2\u00b3\u2020]/;

/**
 * True for sections that are not an answer by themselves: a lead-in ending in ":" whose list is
 * elsewhere ("... hanteren we het volgende beleid:"), or a short footnote that only says what a
 * name stands for ("* Waar Konot is vermeld, wordt ook de school bedoeld."). Their few words
 * (and the heading they inherit) otherwise make them win on generic questions.
 */
export function isLowInformation(text: string): boolean {
  const t = text.trim();
  if (t.endsWith(':')) return true;
  return FOOTNOTE_MARK.test(t) && contentWords(t).length < 8;
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
  /** The questions each section answers, for the nearest-question match (empty without questions). */
  questions: QuestionIndex;
  /** Per section (in `sections` order): all its stored questions as one bag of keys. */
  questionBags: QuestionBags;
  /** Questions no code answers, as one pseudo-section 0: the nearest one tells when to decline. */
  outOfScope: QuestionIndex;
  /**
   * Questions close to the domain this board's code is silent on, likewise: an index of their own, so
   * adding them leaves the word statistics (and so the scores) of the examples no code answers as they were.
   */
  silent: QuestionIndex;
  /** Per standard question about the code, the sections that answer it (positions in `sections`), best first. */
  codeIntents: ReadonlyMap<CodeIntent, readonly number[]>;
  /**
   * Stored and out-of-scope questions this index analysed itself while being built: 0 when
   * knowledge:build's analysis (`question-keys.json`) fitted, else a slow start worth a warning.
   */
  analysedAtBuild: number;
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

/** What a board's index is built from besides its code and the vocabulary. */
export interface SearchIndexExtras {
  questions?: SectionQuestions | undefined;
  outOfScope?: readonly string[];
  /** Questions close to the domain this board's code does not answer. */
  silent?: readonly string[];
  /** The questions as knowledge:build analysed them; used only when its fingerprint matches. */
  analysed?: AnalysedQuestions | undefined;
  /** Which sections answer the standard questions about the code itself. */
  codeIntents?: CodeIntentSections | undefined;
}

/**
 * Builds the search index of one board's code. Pure and fast (a few ms per board):
 * call it at start-up and whenever the knowledge changes.
 */
export function createSearchIndex(doc: KnowledgeDocument, vocabulary: Vocabulary, extras: SearchIndexExtras = {}): SearchIndex {
  const knownWords = new Map<string, number>();
  for (const section of doc.sections) {
    for (const w of contentWords([section.text, ...section.headingPath].join(' '))) {
      if (w.length >= 3 && !/^\d+$/.test(w)) knownWords.set(w, (knownWords.get(w) ?? 0) + 1);
    }
  }
  const compiled = compileVocabulary(vocabulary);
  for (const w of compiled.singleWords) if (!knownWords.has(w)) knownWords.set(w, 0);
  const isKnownPart = (part: string): boolean => knownWords.has(part);
  const wordMemo = new Map<string, ReadonlyMap<string, number>>();

  const sections: IndexedSection[] = doc.sections.map((section) => {
    const positions = new Map<string, number[]>();
    return {
      section,
      positions,
      sentences: sentenceKeys(section.text, isKnownPart, wordMemo),
      prior: isLowInformation(section.text) ? LOW_INFORMATION_PRIOR : 1,
      termWeights: new Map(),
      titleKeys: fieldStats(section.title ?? '', isKnownPart, wordMemo).tf,
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

  const avgLength = { body: avg('body'), head: avg('head'), aud: avg('aud') };
  const n = sections.length;
  for (const s of sections) {
    const tf = new Map<string, number>();
    for (const name of Object.keys(FIELD_WEIGHTS) as FieldName[]) {
      const field = s.fields[name];
      const norm = 1 - B + (B * field.length) / avgLength[name];
      for (const [key, raw] of field.tf) tf.set(key, (tf.get(key) ?? 0) + (FIELD_WEIGHTS[name] * raw) / norm);
    }
    for (const [key, t] of tf) {
      const d = df.get(key) ?? 0;
      s.termWeights.set(key, (Math.log(1 + (n - d + 0.5) / (d + 0.5)) * t) / (K1 + t));
    }
  }

  const index: SearchIndex = {
    doc,
    sections,
    df,
    avgLength,
    knownWords,
    vocabulary: compiled,
    orgWords: new Set(tokenize(`${doc.org} ${doc.organisation}`).filter((w) => !['onderwijs', 'school', 'stichting'].includes(w))),
    wordMemo,
    questions: { questions: [], postings: noPostings(), weights: [] },
    questionBags: { rows: new Map(), offsets: new Uint32Array(1), section: new Uint32Array(0), weight: new Float64Array(0) },
    outOfScope: { questions: [], postings: noPostings(), weights: [] },
    silent: { questions: [], postings: noPostings(), weights: [] },
    codeIntents: new Map(
      [...(extras.codeIntents?.byIntent ?? [])].map(([intent, ids]) => [intent, ids.map((id) => doc.sections.findIndex((s) => s.id === id)).filter((i) => i >= 0)]),
    ),
    analysedAtBuild: 0,
  };
  // Stored questions are analysed exactly as asked ones are, so both meet on the same keys. The
  // out-of-scope ones come after the board's own, so their words do not count as the board's.
  const outOfScope = extras.outOfScope ?? [];
  const silent = extras.silent ?? [];
  const analysed = extras.analysed && extras.analysed.fingerprint === analysisFingerprint(doc, vocabulary, extras.questions, outOfScope, silent) ? extras.analysed : undefined;
  const analyse = (text: string): ReadonlyMap<string, number> => {
    index.analysedAtBuild++;
    return questionKeys(index, text);
  };
  const stored = storedQuestions(doc.sections, extras.questions);
  index.questions = indexQuestions(stored, analysed?.questions ?? invertAnalyses(stored.map((q) => q.text), analyse));
  index.questionBags = questionBags(index.questions, sections.length);
  index.outOfScope = indexQuestions(outOfScope.map((text) => ({ text, section: 0 })), analysed?.outOfScope ?? invertAnalyses(outOfScope, analyse));
  index.silent = indexQuestions(silent.map((text) => ({ text, section: 0 })), analysed?.silent ?? invertAnalyses(silent, analyse));
  return index;
}

/**
 * Every key a stored question may stand for (its words, their parts, synonyms), at its best weight.
 * Stored questions are reviewed text: their words are not "corrected" towards the code's (that
 * would also cost a comparison with every known word for each word the code does not use).
 */
function questionKeys(index: SearchIndex, text: string): Map<string, number> {
  const keys = new Map<string, number>();
  for (const unit of analyzeQuery(index, text, { stored: true }).units) {
    if (unit.optional) continue;
    for (const [key, w] of unit.alts) if (!key.startsWith('\u0001') && (keys.get(key) ?? 0) < w) keys.set(key, w);
  }
  return keys;
}
