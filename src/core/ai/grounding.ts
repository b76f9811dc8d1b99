import { NOT_IN_CODE } from './prompt.js';

/** Longest short answer shown: one or two B1 sentences fit easily. */
export const MAX_ANSWER_CHARS = 320;
const MAX_SENTENCES = 3;

export type GroundingFailure = 'empty' | 'not_in_code' | 'no_citation' | 'unknown_citation' | 'too_long' | 'not_plain';

export type GroundingResult = { ok: true; text: string; cited: string[] } | { ok: false; failure: GroundingFailure };

const CITATION_GROUP = /\[([^\]]*)\]/g;

/**
 * Checks the model's answer in code, not on trust: it must cite at least one of the passages it
 * was sent and nothing else, be one short plain paragraph (a poem or a list is not an answer), and
 * not be the "not in the code" marker. Returns the answer without its citation marks.
 */
export function checkGrounding(raw: string, sentIds: readonly string[]): GroundingResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, failure: 'empty' };
  if (trimmed.toUpperCase().includes(NOT_IN_CODE)) return { ok: false, failure: 'not_in_code' };

  const cited: string[] = [];
  let unknown = false;
  for (const group of trimmed.matchAll(CITATION_GROUP)) {
    for (const part of group[1]!.split(/[\s,;]+/).filter(Boolean)) {
      const id = part.toUpperCase();
      if (sentIds.includes(id)) {
        if (!cited.includes(id)) cited.push(id);
      } else unknown = true;
    }
  }
  if (unknown) return { ok: false, failure: 'unknown_citation' };
  if (cited.length === 0) return { ok: false, failure: 'no_citation' };

  const text = trimmed
    .replace(CITATION_GROUP, '')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
  if (text === '') return { ok: false, failure: 'empty' };
  if (/\n/.test(text) || /^\s*([-*•#]|\d+\.)\s/m.test(text)) return { ok: false, failure: 'not_plain' };
  const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean).length;
  if (text.length > MAX_ANSWER_CHARS || sentences > MAX_SENTENCES) return { ok: false, failure: 'too_long' };
  return { ok: true, text, cited };
}
