/**
 * Repairs for artefacts of the PDF/Word-to-text extraction. Each repair keeps the code's own
 * wording: only layout damage is undone, typos such as "vervuult" stay.
 */

/** Splits raw text into lines with uniform line endings and spaces; trailing blanks removed. */
export function normalizeLines(raw: string): string[] {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
}

/** Removes Markdown left by the extraction: `**bold**`, `[label](#)` links and escaped punctuation. */
export function stripMarkdown(line: string): string {
  return line
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[((?:\\.|[^\]\\])+)\]\([^)\s]*\)/g, '$1')
    .replace(/\\([()[\]*_#`\\.-])/g, '$1');
}

const BULLET_GLYPHS = /^(\s*)(?:[•·▪●◦■□➢►✓]|e(?= +(?:[A-Z<[]|\u2018|")))\s+/;

/**
 * Turns bullet glyphs into "- ". Symbol-font bullets come out of the extraction as a lone "e "
 * in front of a capitalised word or placeholder, e.g. "e <<Konotschool>> zet ...".
 */
export function normalizeBullet(line: string): string {
  return line.replace(BULLET_GLYPHS, '$1- ');
}

/** "10.KempenKind legt ..." lost the space after the rule number. */
export function separateRuleNumber(line: string): string {
  return line.replace(/^(\s*\d{1,2}\.)(?=[A-Z[<\u2018"])/, '$1 ');
}

const GLUE_PREFIXES = ['het', 'haar', 'hun', 'zijn', 'onze', 'mijn'];
// Real Dutch words that start with one of the prefixes and must never be split.
const GLUE_EXCEPTIONS = new Set(['hetgeen', 'hetzelfde', 'hetwelk', 'haarzelf', 'zijnde', 'zijnerzijds', 'hunnerzijds', 'mijnerzijds', 'mijnheer']);

/**
 * Collects the standalone words of a text (lower case); the vocabulary decides whether a glued
 * token such as "haarmedewerkers" consists of two words that also occur on their own.
 */
export function vocabulary(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
}

/**
 * Splits words that lost the space between a short function word and the next word
 * ("Hetis" → "Het is", "haarmedewerkers" → "haar medewerkers"). Only splits when the remainder
 * is itself a word of the same text, so genuine compounds stay intact.
 */
export function splitGluedWords(line: string, words: Set<string>): string {
  return line.replace(/\p{L}+/gu, (token) => {
    const lower = token.toLowerCase();
    if (GLUE_EXCEPTIONS.has(lower)) return token;
    for (const prefix of GLUE_PREFIXES) {
      if (!lower.startsWith(prefix) || lower.length < prefix.length + 2) continue;
      const rest = lower.slice(prefix.length);
      if (!words.has(rest) || !words.has(prefix)) continue;
      return `${token.slice(0, prefix.length)} ${token.slice(prefix.length)}`;
    }
    return token;
  });
}

const TOC_TITLE = /^\s*(?:inhoud|inhoudsopgave)\s*:?\s*$/i;
const TOC_ENTRY = /(?:pag(?:ina)?\.?\s*\d+|\.{3,}\s*\d+)\s*$/i;

/** Why a line was left out of the knowledge; the coverage test lists these exclusions. */
export type DroppedKind = 'toc' | 'page-header' | 'repeated-url';

export interface DroppedLine {
  line: number;
  text: string;
  kind: DroppedKind;
}

/**
 * Blanks lines that are navigation or page furniture, not content: the table of contents,
 * configured page headers/footers, and a bare URL repeated on its own line (a page footer).
 * Lines are blanked rather than removed so paragraph boundaries survive.
 */
export function dropArtefactLines(lines: string[], dropLines: readonly string[]): { lines: string[]; dropped: DroppedLine[] } {
  const dropped: DroppedLine[] = [];
  const out = [...lines];
  const headers = new Set(dropLines.map((line) => line.trim()));
  const seenUrls = new Set<string>();
  let inToc = false;
  out.forEach((line, index) => {
    const trimmed = line.trim();
    const drop = (kind: DroppedKind) => {
      dropped.push({ line: index + 1, text: line, kind });
      out[index] = '';
    };
    if (inToc) {
      if (trimmed === '' ) return;
      if (TOC_ENTRY.test(trimmed) || /^[-–]$/.test(trimmed)) return drop('toc');
      inToc = false;
    }
    if (TOC_TITLE.test(trimmed)) {
      inToc = true;
      return drop('toc');
    }
    if (headers.has(trimmed)) return drop('page-header');
    if (/^https?:\/\/\S+$/.test(trimmed)) {
      if (seenUrls.has(trimmed)) return drop('repeated-url');
      seenUrls.add(trimmed);
    }
  });
  return { lines: out, dropped };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Replaces template placeholders (`[naam school]`, `<<Konotschool>>`, ...) by what they stand for.
 * Matching ignores case and line breaks inside the placeholder; the replacement gets a capital
 * at the start of a sentence or when the placeholder itself was capitalised.
 */
export function resolvePlaceholders(text: string, placeholders: Readonly<Record<string, string>>): string {
  let result = text;
  for (const [placeholder, value] of Object.entries(placeholders)) {
    const pattern = new RegExp(escapeRegExp(placeholder).replace(/ +/g, '\\s+'), 'gi');
    result = result.replace(pattern, (match: string, offset: number, whole: string) => {
      const before = whole.slice(0, offset);
      const sentenceStart = before.trim() === '' || /(?:[.!?]["'’”)]?\s+|\n\s*|^-\s+|\n-\s+)$/.test(before);
      const printedCapital = /^\P{L}*\p{Lu}/u.test(match) && !/^\P{L}*\p{Lu}/u.test(placeholder);
      return sentenceStart || printedCapital ? capitalize(value) : value;
    });
  }
  return result;
}

/**
 * All line-level repairs in order. Placeholders are resolved later, on joined text, because a
 * placeholder can be broken over two lines.
 */
export function repairLines(raw: string, dropLines: readonly string[]): { lines: string[]; dropped: DroppedLine[] } {
  const { lines, dropped } = dropArtefactLines(normalizeLines(raw), dropLines);
  const cleaned = lines.map((line) => separateRuleNumber(normalizeBullet(stripMarkdown(line))));
  const words = vocabulary(cleaned.join('\n'));
  return { lines: cleaned.map((line) => splitGluedWords(line, words)), dropped };
}
