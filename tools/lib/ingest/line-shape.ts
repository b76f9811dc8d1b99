/** Recognisers for the shape of a line: list markers, numbered rules and headings. */

export const BULLET = /^(\s*)[-–]\s+(.*)$/;
/** "1. text", "01. text", "1) text", and a number alone on its line ("1."). */
export const NUMBERED = /^\s*(\d{1,2})[.)](?:\s+(.*))?$/;
/** "3.1 Title", "3.8 Title". */
export const DOTTED_HEADING = /^\s*(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/;
/** "A. Voor alle gebruikers". */
export const LETTER_HEADING = /^\s*([A-Z])\.\s+(\S.*)$/;

/** Opening words of an appendix or letter: it starts a new top-level part of the document. */
const PART_OPENERS = /^(?:bijlage|aanvulling|betreft)\b/i;

const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 90;

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/**
 * A heading is a short line that does not end like a sentence. A colon or ellipsis is allowed on
 * very short lines ("Do’s:", "Bedenk dat...") because those introduce the text below them.
 */
export function isHeadingLike(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > MAX_HEADING_CHARS) return false;
  if (!/^[\p{Lu}\d[<"‘“(]/u.test(text)) return false;
  if (/^https?:/i.test(text)) return false;
  const count = words(text).length;
  if (count > MAX_HEADING_WORDS) return false;
  if (/(?:\.\.\.|…|:)$/.test(text)) return count <= 4;
  return !/[.,;!?]$/.test(text);
}

export function isPartOpener(line: string): boolean {
  return PART_OPENERS.test(line.trim());
}

/** Numbered headings ("2. Aanleiding") are short: rules are sentences. */
export function isNumberedHeadingTitle(title: string): boolean {
  return isHeadingLike(title) && words(title).length <= 8 && !title.trim().endsWith(':');
}

export function isMarkerLine(line: string): boolean {
  return BULLET.test(line) || NUMBERED.test(line);
}

export function endsSentence(text: string): boolean {
  return /[.!?:;…]["'’”)]*$/.test(text.trim());
}

const FUNCTION_WORDS = new Set([
  'de', 'het', 'een', 'van', 'en', 'of', 'met', 'op', 'in', 'te', 'aan', 'voor', 'die', 'dat', 'bij',
  'om', 'naar', 'tot', 'door', 'over', 'uit', 'als', 'zijn', 'haar', 'hun', 'je', 'jouw', 'onze', 'is',
  'worden', 'wordt', 'niet', 'ook', 'dan', 'maar', 'zoals', 'waarin', 'waarbij', 'tussen', 'naast',
]);

/** Whether a text stops on a word after which a sentence cannot end ("... een standpunt van"). */
export function endsOnFunctionWord(text: string): boolean {
  const last = text.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
  return FUNCTION_WORDS.has(last);
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text.trim());
}
