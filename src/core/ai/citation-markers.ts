import { NOT_IN_CODE } from './prompt.js';

/** Longest short answer shown: one or two B1 sentences fit easily. */
export const MAX_ANSWER_CHARS = 320;
export const MAX_SENTENCES = 3;

const CITATION_GROUP = /\[([^\]]*)\]/g;

/** The model's answer as the teacher reads it: with Teams' [1] markers, or without any. */
export interface RenderedAnswer {
  /** Citation groups replaced by [1], [2] … numbered by first use: Teams matches them to its citations. */
  marked: string;
  /** The same text without citation marks, for channels that show no citations. */
  plain: string;
  /** The sent passage ids cited, in order of first use (position 1, 2 …). */
  cited: string[];
  /** Ids the text cites that were never sent. */
  unknown: string[];
}

/**
 * Renders the model's raw text. `marked` and `plain` are normalised the same way (no space before
 * punctuation, single spaces), so what a stream shows of a partial answer is always the start of
 * what the whole answer renders to: Teams refuses a stream whose text changes instead of growing.
 */
export function renderAnswer(raw: string, sentIds: readonly string[]): RenderedAnswer {
  const cited: string[] = [];
  const unknown: string[] = [];
  const marked = tidy(
    raw.replace(CITATION_GROUP, (_all, group: string) => {
      let markers = '';
      for (const part of group.split(/[\s,;]+/).filter(Boolean)) {
        const id = part.toUpperCase();
        if (!sentIds.includes(id)) {
          if (!unknown.includes(id)) unknown.push(id);
          continue;
        }
        if (!cited.includes(id)) cited.push(id);
        markers += `[${cited.indexOf(id) + 1}]`;
      }
      return markers === '' ? '' : ` ${markers}`;
    }),
  ).replace(/(\[\d+\]) (?=\[\d+\])/g, '$1');
  return { marked, plain: tidy(raw.replace(CITATION_GROUP, '')), cited, unknown };
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** What a stream may show of an answer still being written, and the passages it cites so far. */
export interface AnswerPreview {
  marked: string;
  plain: string;
  cited: string[];
}

/**
 * The part of a partial answer that may be streamed, or undefined to show nothing (more): a
 * half-written citation is held back, so is anything that may still turn out to be `NIET_IN_CODE`,
 * and a text that already fails the shape checks (a line break, a list, too long) stops growing.
 * The grounding check on the whole answer still decides what stays.
 */
export function previewAnswer(partial: string, sentIds: readonly string[]): AnswerPreview | undefined {
  const open = partial.lastIndexOf('[');
  const complete = open > partial.lastIndexOf(']') ? partial.slice(0, open) : partial;
  const upper = complete.trim().toUpperCase();
  if (upper === '' || NOT_IN_CODE.startsWith(upper) || upper.includes(NOT_IN_CODE)) return undefined;
  if (/\n/.test(complete.trim()) || /^\s*([-*•#]|\d+\.)\s/.test(complete)) return undefined;
  const rendered = renderAnswer(complete, sentIds);
  if (rendered.plain === '' || rendered.plain.length > MAX_ANSWER_CHARS) return undefined;
  if (rendered.plain.split(/(?<=[.!?])\s+/).filter(Boolean).length > MAX_SENTENCES) return undefined;
  return { marked: rendered.marked, plain: rendered.plain, cited: rendered.cited };
}
