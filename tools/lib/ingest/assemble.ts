import type { HeadingLevel, Item } from './items.js';
import { endsSentence } from './line-shape.js';
import { splitSentences } from './sentences.js';
import { slugify } from './slug.js';

/** Preferred upper bound for an unnumbered section; numbered rules are never split. */
export const MAX_SECTION_CHARS = 600;
/** Shorter paragraphs (a greeting, a lead line) are not a topic on their own. */
const MIN_SECTION_CHARS = 60;

/** A section before placeholders and audience are filled in. */
export interface DraftSection {
  /** Id without the `<org>:` prefix. */
  path: string;
  headingPath: string[];
  rule?: string;
  text: string;
}

interface Heading {
  level: HeadingLevel;
  number?: string;
  title: string;
  /** Nesting depth among unnumbered headings. */
  depth: number;
  listTitle: boolean;
  hasContent: boolean;
  hasChildren: boolean;
  base: string;
}

type ContentItem = Exclude<Item, { kind: 'heading' }>;

const FOOTNOTE = /^([¹²³⁴⁵⁶⁷⁸⁹]+|\*+)\s/;

function isListTitle(title: string): boolean {
  return title.trim().endsWith(':');
}

/** Leading unnumbered headings before any content: the document's title block. */
export function splitTitleBlock(items: readonly Item[]): { title: string[]; rest: Item[] } {
  let index = 0;
  while (items[index]?.kind === 'heading' && (items[index] as { level: HeadingLevel }).level === 'plain') index += 1;
  const next = items[index];
  // A single plain heading followed by rules is a real heading ("Richtlijnen"), not a title.
  if (index > 0 && next?.kind === 'rule' && index === 1) index = 0;
  return {
    title: items.slice(0, index).map((item) => (item as { title: string }).title),
    rest: items.slice(index),
  };
}

class HeadingStack {
  readonly stack: Heading[] = [];
  private lastPlainDepth = 0;
  private readonly usedSlugs = new Map<string, number>();

  /** `introducesList`: the heading is a list title ("Do’s:") directly followed by bullets. */
  push(item: Extract<Item, { kind: 'heading' }>, introducesList: boolean): void {
    const { level, number, title } = item;
    if (level === 'part') {
      this.stack.length = 0;
      this.lastPlainDepth = 0;
      this.stack.push(this.make(level, title, 0, number));
      return;
    }
    if (level === 'numbered') {
      const depth = (number ?? '').split('.').length;
      while (this.top && this.top.level !== 'part' && !(this.top.level === 'numbered' && (this.top.number ?? '').split('.').length < depth)) this.stack.pop();
      this.lastPlainDepth = 0;
      this.markChild();
      this.stack.push(this.make(level, title, 0, number));
      return;
    }
    if (level === 'letter') {
      while (this.top?.level === 'letter') this.stack.pop();
      this.markChild();
      this.stack.push(this.make(level, title, this.top?.depth ?? 0, number));
      return;
    }
    const listTitle = introducesList && isListTitle(title);
    const top = this.top;
    let depth: number;
    if (top?.level === 'plain' && top.listTitle && listTitle) depth = top.depth;
    else if (top?.level === 'plain' && (listTitle || (!top.hasContent && !top.hasChildren))) depth = top.depth + 1;
    else if (top && top.level !== 'plain' && top.level !== 'letter') depth = 1;
    else depth = Math.max(1, this.lastPlainDepth);
    while (this.top && (this.top.level === 'letter' || (this.top.level === 'plain' && this.top.depth >= depth))) this.stack.pop();
    if (!listTitle) this.lastPlainDepth = depth;
    this.markChild();
    this.stack.push({ ...this.make(level, title, depth, number), listTitle });
  }

  get top(): Heading | undefined {
    return this.stack.at(-1);
  }

  path(): string[] {
    return this.stack.map((heading) => heading.title);
  }

  private markChild(): void {
    if (this.top) this.top.hasChildren = true;
  }

  private make(level: HeadingLevel, title: string, depth: number, number?: string): Heading {
    return { level, number, title, depth, listTitle: false, hasContent: false, hasChildren: false, base: this.baseFor(level, title, number) };
  }

  private baseFor(level: HeadingLevel, title: string, number?: string): string {
    if (level === 'numbered') return number ?? slugify(title);
    if (level === 'letter') return (number ?? '').toLowerCase();
    // Unnumbered sub-headings inside a numbered chapter share the chapter's numbering ("oog:2.p3").
    const numbered = [...this.stack].reverse().find((heading) => heading.level === 'numbered');
    if (level === 'plain' && numbered) return numbered.base;
    const slug = slugify(title);
    const count = (this.usedSlugs.get(slug) ?? 0) + 1;
    this.usedSlugs.set(slug, count);
    return count === 1 ? slug : `${slug}-${count}`;
  }
}

function rulePrefix(heading: Heading | undefined): string {
  if (!heading) return 'r';
  if (heading.level === 'plain' && /richtlijn|regels/i.test(heading.title)) return 'r';
  return `${heading.base}.`;
}

function ruleLabel(heading: Heading | undefined, number: string): string {
  return heading?.level === 'letter' ? `${heading.number}.${number}` : number;
}

function bulletText(item: Extract<Item, { kind: 'bullet' }>): string {
  return [`- ${item.text}`, ...item.subs.map((sub) => `  - ${sub}`)].join('\n');
}

function splitLong(text: string): string[] {
  if (text.length <= MAX_SECTION_CHARS) return [text];
  const chunks: string[] = [];
  let current = '';
  for (const sentence of splitSentences(text)) {
    if (current && current.length + 1 + sentence.length > MAX_SECTION_CHARS) {
      chunks.push(current);
      current = sentence;
    } else {
      current = current ? `${current} ${sentence}` : sentence;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** A bullet longer than a section: split at sub-bullets, else at sentences; never mid-sentence. */
function splitLongBullet(text: string): string[] {
  if (text.length <= MAX_SECTION_CHARS) return [text];
  const lines = text.split('\n');
  if (lines.length > 1) {
    const chunks: string[] = [];
    let current = '';
    for (const line of lines) {
      if (current && current.length + 1 + line.length > MAX_SECTION_CHARS) {
        chunks.push(current);
        current = line;
      } else current = current ? `${current}\n${line}` : line;
    }
    if (current) chunks.push(current);
    return chunks;
  }
  return splitLong(text);
}

/**
 * Groups the paragraphs and bullets under one heading into paragraph-sized chunks: a list stays
 * with its intro when short, long lists and paragraphs are split at bullet or sentence boundaries,
 * and scraps (a lead line, a greeting) join the chunk after them.
 */
function chunkProse(items: ContentItem[], listTitle: boolean): { text: string; listItem: boolean }[] {
  if (listTitle) {
    const leadingBullets = items.findIndex((item) => item.kind !== 'bullet');
    const count = leadingBullets === -1 ? items.length : leadingBullets;
    const bullets = items.slice(0, count).map((item) => ({ text: bulletText(item as Extract<Item, { kind: 'bullet' }>), listItem: true }));
    return [...bullets, ...chunkProse(items.slice(count), false)];
  }
  const chunks: { text: string; bullet: boolean }[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    if (!item) continue;
    if (item.kind === 'bullet') {
      const bullets: string[] = [];
      while (items[index]?.kind === 'bullet') {
        bullets.push(bulletText(items[index] as Extract<Item, { kind: 'bullet' }>));
        index += 1;
      }
      index -= 1;
      const last = chunks.at(-1);
      const intro = last && !last.bullet && last.text.endsWith(':') ? chunks.pop()?.text : undefined;
      const whole = [intro, ...bullets].filter(Boolean).join('\n');
      if (whole.length <= MAX_SECTION_CHARS) chunks.push({ text: whole, bullet: false });
      else {
        if (intro) chunks.push({ text: intro, bullet: false });
        chunks.push(...bullets.flatMap(splitLongBullet).map((text) => ({ text, bullet: true })));
      }
      continue;
    }
    chunks.push(...splitLong(item.text).map((text) => ({ text, bullet: false })));
  }
  // Scraps (a lead line, a greeting) and questions join the prose that follows; a scrap at the end joins what precedes.
  // A lead line is a single line without final punctuation ("Onze stichting ... voor profilering").
  const isScrap = (text: string) => text.length < MIN_SECTION_CHARS || (!text.includes('\n') && !endsSentence(text));
  const merged: { text: string; bullet: boolean }[] = [];
  for (let index = 0; index < chunks.length; index += 1) {
    const chunk = chunks[index];
    if (!chunk) continue;
    let { text } = chunk;
    if (!chunk.bullet) {
      while (index + 1 < chunks.length && !chunks[index + 1]?.bullet) {
        const next = chunks[index + 1]?.text ?? '';
        const question = text.endsWith('?') && text.length + next.length < MAX_SECTION_CHARS;
        if (!isScrap(text) && !question) break;
        index += 1;
        text = `${text}\n${next}`;
      }
    }
    const previous = merged.at(-1);
    if (previous && !previous.bullet && !chunk.bullet && text.length < MIN_SECTION_CHARS) previous.text = `${previous.text}\n${text}`;
    else merged.push({ text, bullet: chunk.bullet });
  }
  return merged.map((chunk) => ({ text: chunk.text, listItem: false }));
}

/** Turns the structural items of a document into sections with stable, readable id paths. */
export function assembleSections(items: readonly Item[]): DraftSection[] {
  const sections: DraftSection[] = [];
  const headings = new HeadingStack();
  const paraCounters = new Map<string, number>();
  const footnoteCounters = new Map<string, number>();
  const nextCount = (counters: Map<string, number>, key: string) => {
    const value = (counters.get(key) ?? 0) + 1;
    counters.set(key, value);
    return value;
  };

  let run: ContentItem[] = [];
  const flushRun = () => {
    if (run.length === 0) return;
    const heading = headings.top;
    if (heading) heading.hasContent = true;
    const headingPath = headings.path();
    const base = heading?.base ?? 'intro';
    const rules = run.filter((item): item is Extract<Item, { kind: 'rule' }> => item.kind === 'rule');
    let prose: ContentItem[] = [];
    const emitProse = () => {
      for (const chunk of chunkProse(prose, heading?.listTitle ?? false)) {
        const n = nextCount(paraCounters, base);
        sections.push({ path: chunk.listItem ? `${base}.${n}` : `${base}.p${n}`, headingPath, text: chunk.text });
      }
      prose = [];
    };
    for (const item of run) {
      if (item.kind === 'rule') {
        emitProse();
        sections.push({ path: `${rulePrefix(heading)}${item.number}`, headingPath, rule: ruleLabel(heading, item.number), text: item.text });
        continue;
      }
      const footnote = item.kind === 'para' ? FOOTNOTE.exec(item.text) : null;
      if (footnote) {
        emitProse();
        const marker = footnote[1] ?? '';
        const referring = rules.find((rule) => rule.text.includes(marker));
        sections.push({
          path: `${base}.fn${nextCount(footnoteCounters, base)}`,
          headingPath,
          ...(referring ? { rule: `${ruleLabel(heading, referring.number)} (voetnoot)` } : {}),
          text: item.text,
        });
        continue;
      }
      prose.push(item);
    }
    emitProse();
    run = [];
  };

  for (const [index, item] of items.entries()) {
    if (item.kind === 'heading') {
      flushRun();
      headings.push(item, items[index + 1]?.kind === 'bullet');
    } else {
      run.push(item);
    }
  }
  flushRun();
  return sections;
}
