import {
  BULLET, DOTTED_HEADING, LETTER_HEADING, NUMBERED, endsOnFunctionWord, endsSentence, isHeadingLike,
  isMarkerLine, isNumberedHeadingTitle, isPartOpener, startsLowercase,
} from './line-shape.js';
import { collapseWhitespace } from './sentences.js';

export type HeadingLevel = 'part' | 'numbered' | 'letter' | 'plain';

/** A structural unit of the text, before it is grouped into sections. */
export type Item =
  | { kind: 'heading'; level: HeadingLevel; number?: string; title: string }
  | { kind: 'rule'; number: string; text: string; inferred?: boolean }
  | { kind: 'bullet'; text: string; subs: string[] }
  | { kind: 'para'; text: string };

type ContentItem = Exclude<Item, { kind: 'heading' }>;

function hasLeadingSpace(line: string): boolean {
  return /^\s/.test(line);
}

/**
 * Groups lines into blocks separated by blank lines. A line indented by the extraction starts a
 * new block too (it marks a new paragraph or list item), except a nested bullet under a bullet
 * that introduces a sub-list.
 */
export function toBlocks(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  let nested = false;
  const flush = () => {
    if (current.length > 0) blocks.push(current);
    current = [];
    nested = false;
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const previous = current.at(-1);
    if (previous !== undefined && hasLeadingSpace(line)) {
      const isNestedBullet = BULLET.test(line) && BULLET.test(previous) && (nested || previous.trim().endsWith(':'));
      if (isNestedBullet) nested = true;
      else flush();
    }
    current.push(line);
  }
  flush();
  return mergeBrokenSentences(blocks);
}

/**
 * Hard-wrapped texts sometimes contain a blank line in the middle of a sentence
 * ("een standpunt van" / "Konot gepubliceerd wordt"). Such a block continues the previous one.
 */
function mergeBrokenSentences(blocks: string[][]): string[][] {
  const merged: string[][] = [];
  for (const block of blocks) {
    const previous = merged.at(-1);
    const last = previous?.at(-1);
    const first = block[0] ?? '';
    const continues =
      previous !== undefined &&
      last !== undefined &&
      !endsSentence(last) &&
      !isMarkerLine(first) &&
      (startsLowercase(first) || (endsOnFunctionWord(last) && !(previous.length === 1 && isHeadingLike(last))));
    if (continues) previous.push(...block.map((line) => line.trimStart()));
    else merged.push([...block]);
  }
  return merged;
}

function headingOf(line: string): Extract<Item, { kind: 'heading' }> | undefined {
  const dotted = DOTTED_HEADING.exec(line);
  if (dotted && isHeadingLike(dotted[2] ?? '')) return { kind: 'heading', level: 'numbered', number: dotted[1], title: collapseWhitespace(line) };
  const letter = LETTER_HEADING.exec(line);
  if (letter && isHeadingLike(letter[2] ?? '')) return { kind: 'heading', level: 'letter', number: letter[1], title: collapseWhitespace(line) };
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    const title = numbered[2] ?? '';
    return isNumberedHeadingTitle(title) ? { kind: 'heading', level: 'numbered', number: numbered[1], title: `${numbered[1]} ${collapseWhitespace(title)}` } : undefined;
  }
  if (BULLET.test(line) || !isHeadingLike(line)) return undefined;
  return { kind: 'heading', level: isPartOpener(line) ? 'part' : 'plain', title: collapseWhitespace(line) };
}

/** Lines of a block that only hold short labels ("CvB", "Directieleden") form a list after an intro ending in ":". */
function isLabelList(block: readonly string[]): boolean {
  return block.length >= 2 && block.every((line) => line.trim().split(/\s+/).length <= 4 && !/[.;:!?]$/.test(line.trim()) && !isMarkerLine(line));
}

function splitInlineBullets(text: string): string[] {
  return text.split(/\s+-\s+(?=[\p{Lu}‘"'])/u).map((part) => part.trim()).filter(Boolean);
}

/** Turns the repaired lines of a document into headings, rules, bullets and paragraphs. */
export function toItems(lines: readonly string[]): Item[] {
  const items: Item[] = [];
  for (const block of toBlocks(lines)) {
    const previous = items.at(-1);
    if (previous !== undefined && previous.kind === 'para' && previous.text.endsWith(':') && isLabelList(block)) {
      for (const line of block) items.push({ kind: 'bullet', text: collapseWhitespace(line), subs: [] });
      continue;
    }
    let index = 0;
    // Leading heading lines: a block of one line, or a label followed by more text.
    while (index < block.length) {
      const line = block[index] ?? '';
      const next = block[index + 1];
      const heading = headingOf(line);
      if (!heading) break;
      if (next !== undefined && (heading.level === 'numbered' && !DOTTED_HEADING.test(line))) break;
      if (next !== undefined && startsLowercase(next)) break;
      items.push(heading);
      index += 1;
    }
    let current = undefined as ContentItem | undefined;
    const flush = () => {
      const done = current;
      current = undefined;
      if (!done) return;
      if (done.kind === 'bullet') {
        const [first = '', ...rest] = splitInlineBullets(done.text);
        items.push({ ...done, text: first });
        for (const part of rest) items.push({ kind: 'bullet', text: part, subs: [] });
      } else {
        items.push(done);
      }
    };
    for (const line of block.slice(index)) {
      const bullet = BULLET.exec(line);
      const numbered = NUMBERED.exec(line);
      if (bullet && current?.kind === 'bullet' && hasLeadingSpace(line) && (current.subs.length > 0 || current.text.endsWith(':'))) {
        current.subs.push(collapseWhitespace(bullet[2] ?? ''));
      } else if (bullet) {
        flush();
        current = { kind: 'bullet', text: collapseWhitespace(bullet[2] ?? ''), subs: [] };
      } else if (numbered) {
        flush();
        current = { kind: 'rule', number: numbered[1] ?? '', text: collapseWhitespace(numbered[2] ?? '') };
      } else if (current?.kind === 'bullet' && current.subs.length > 0) {
        const lastSub = current.subs.length - 1;
        current.subs[lastSub] = collapseWhitespace(`${current.subs[lastSub]} ${line}`);
      } else if (current) {
        current.text = collapseWhitespace(`${current.text} ${line}`);
      } else {
        current = { kind: 'para', text: collapseWhitespace(line) };
      }
    }
    flush();
  }
  return repairRuleNumbering(demoteTrailingHeadings(items));
}

/** A "heading" with no content after it (a signature, "Den Helder, versie juni 2013") is text. */
function demoteTrailingHeadings(items: Item[]): Item[] {
  const out = [...items];
  for (let index = out.length - 1; index >= 0; index -= 1) {
    const item = out[index];
    if (item?.kind !== 'heading') break;
    out[index] = { kind: 'para', text: item.title };
  }
  return out;
}

/**
 * Repairs rule lists whose numbering the extraction damaged:
 * - a number alone on its line ("1.") takes the paragraph that follows as its text;
 * - a single paragraph between rule n and rule n+2 is rule n+1 whose number was lost
 *   (Kopwerk's sanctions print "1.", two paragraphs, then "3.": the second paragraph is rule 2).
 */
function repairRuleNumbering(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    const next = items[index + 1];
    if (item?.kind === 'rule' && item.text === '' && next?.kind === 'para') {
      out.push({ ...item, text: next.text });
      index += 1;
      continue;
    }
    if (item) out.push(item);
  }
  for (let index = 0; index + 2 < out.length; index += 1) {
    const before = out[index];
    const middle = out[index + 1];
    const after = out[index + 2];
    if (before?.kind !== 'rule' || middle?.kind !== 'para' || after?.kind !== 'rule') continue;
    const n = Number(before.number);
    if (Number(after.number) !== n + 2) continue;
    const width = before.number.length;
    out[index + 1] = { kind: 'rule', number: String(n + 1).padStart(width, '0'), text: middle.text, inferred: true };
  }
  return out;
}
