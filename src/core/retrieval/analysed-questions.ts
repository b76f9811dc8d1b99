import type { SectionQuestions } from '../knowledge/questions.js';
import type { KnowledgeDocument } from '../knowledge/types.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * The stored and out-of-scope questions of a board as the index analyses them (keys with weights),
 * made by `npm run knowledge:build` so start-up need not analyse thousands of questions again. Only
 * used when its fingerprint matches the inputs the index is built from; otherwise the index analyses
 * the questions itself, as without it. A test checks that the committed analyses equal fresh ones,
 * so a change to the analysis code shows up until knowledge:build is run again.
 */
export interface AnalysedQuestions {
  fingerprint: string;
  questions: ReadonlyMap<string, ReadonlyMap<string, number>>;
  outOfScope: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Format of the analysis; change it when the analysis changes what it produces. */
const FORMAT = 1;

/**
 * Fingerprint of everything a question's analysis depends on: the sections (text, headings,
 * audience), the organisation's name, the vocabulary, and the questions themselves. 64-bit FNV-1a
 * in two 32-bit halves: a change detector, not a security measure.
 */
export function analysisFingerprint(
  doc: KnowledgeDocument,
  vocabulary: Vocabulary,
  questions: SectionQuestions | undefined,
  outOfScope: readonly string[],
): string {
  const input = JSON.stringify([
    FORMAT,
    doc.org,
    doc.organisation,
    doc.sections.map((s) => [s.id, s.text, s.headingPath, s.audience]),
    vocabulary,
    [...(questions?.bySection ?? [])],
    outOfScope,
  ]);
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 13);
  }
  return `fnv:${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
