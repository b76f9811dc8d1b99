import type { SectionQuestions } from '../knowledge/questions.js';
import type { KnowledgeDocument } from '../knowledge/types.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Inverted analysis of a list of questions: key → flat pairs (question number, weight of the key in
 * that question's analysis, 1 = the word itself), keys in the order they first occur. Questions are
 * numbered as the index lists them: a board's stored questions section by section in the order of
 * the code, each section's in the order of questions.yaml; out-of-scope ones in the order of their file.
 * Inverted because that is the form the index needs: turning it into BM25 postings is arithmetic,
 * where per-question tables cost a map look-up for every key of every question at each start.
 */
export type InvertedAnalysis = ReadonlyMap<string, readonly number[]>;

/** Numbers per pair in an InvertedAnalysis. */
export const PAIR = 2;

/**
 * The stored and out-of-scope questions of a board as the index analyses them, made by
 * `npm run knowledge:build` so start-up need not analyse thousands of questions again. Only used
 * when its fingerprint matches the inputs the index is built from; otherwise the index analyses the
 * questions itself, as without it. A test checks that the committed analyses equal fresh ones, so a
 * change to the analysis code shows up until knowledge:build is run again.
 */
export interface AnalysedQuestions {
  fingerprint: string;
  questions: InvertedAnalysis;
  outOfScope: InvertedAnalysis;
  /** The questions this board's code is silent on (`silent.yaml`), numbered in the order of their file. */
  silent: InvertedAnalysis;
}

/** Format of the analysis; change it when the analysis changes what it produces. */
const FORMAT = 2;

/** 64-bit FNV-1a in two 32-bit halves: a change detector, not a security measure. */
function fnv(input: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 13);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** The vocabulary is shared by every board and large: hashed once per loaded vocabulary. */
const vocabularyHashes = new WeakMap<Vocabulary, string>();

function vocabularyHash(vocabulary: Vocabulary): string {
  let hash = vocabularyHashes.get(vocabulary);
  if (hash === undefined) {
    hash = fnv(JSON.stringify(vocabulary));
    vocabularyHashes.set(vocabulary, hash);
  }
  return hash;
}

/**
 * Fingerprint of everything a question's analysis depends on: the sections (text, headings,
 * audience), the organisation's name, the vocabulary, and the questions themselves.
 */
export function analysisFingerprint(
  doc: KnowledgeDocument,
  vocabulary: Vocabulary,
  questions: SectionQuestions | undefined,
  outOfScope: readonly string[],
  silent: readonly string[],
): string {
  const input = JSON.stringify([
    FORMAT,
    doc.org,
    doc.organisation,
    doc.sections.map((s) => [s.id, s.text, s.headingPath, s.audience]),
    vocabularyHash(vocabulary),
    [...(questions?.bySection ?? [])],
    outOfScope,
    silent,
  ]);
  return `fnv:${fnv(input)}`;
}
