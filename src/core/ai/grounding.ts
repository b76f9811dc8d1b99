import { MAX_ANSWER_CHARS, MAX_SENTENCES, renderAnswer } from './citation-markers.js';
import { NOT_IN_CODE } from './prompt.js';

export { MAX_ANSWER_CHARS } from './citation-markers.js';

export type GroundingFailure = 'empty' | 'not_in_code' | 'no_citation' | 'unknown_citation' | 'too_long' | 'not_plain';

/** A grounded answer: `text` without citation marks, `marked` with Teams' [1] markers (numbered as `cited`). */
export type GroundingResult = { ok: true; text: string; marked: string; cited: string[] } | { ok: false; failure: GroundingFailure };

/**
 * Checks the model's answer in code, not on trust: it must cite at least one of the passages it
 * was sent and nothing else, be one short plain paragraph (a poem or a list is not an answer), and
 * not be the "not in the code" marker.
 */
export function checkGrounding(raw: string, sentIds: readonly string[]): GroundingResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, failure: 'empty' };
  if (trimmed.toUpperCase().includes(NOT_IN_CODE)) return { ok: false, failure: 'not_in_code' };

  const { plain: text, marked, cited, unknown } = renderAnswer(trimmed, sentIds);
  if (unknown.length > 0) return { ok: false, failure: 'unknown_citation' };
  if (cited.length === 0) return { ok: false, failure: 'no_citation' };
  if (text === '') return { ok: false, failure: 'empty' };
  if (/\n/.test(text) || /^\s*([-*•#]|\d+\.)\s/m.test(text)) return { ok: false, failure: 'not_plain' };
  const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean).length;
  if (text.length > MAX_ANSWER_CHARS || sentences > MAX_SENTENCES) return { ok: false, failure: 'too_long' };
  return { ok: true, text, marked, cited };
}
