import type { CardElement } from './adaptive-card.js';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** "3 maart 2025" for an ISO timestamp; the raw value when it is not a date. */
export function dutchDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat.format(new Date(time));
}

/** "1 collega" / "3 collega's". */
export function countLabel(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * Text shown exactly as written: TextRuns are not parsed as Markdown, so quoted rules
 * stay verbatim (a "1." or "*" in the code is not turned into a list or emphasis).
 */
export function verbatim(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...options }] };
}

/** A bulleted list of verbatim lines (names, labels). */
export function verbatimList(lines: readonly string[]): CardElement {
  return { type: 'Container', spacing: 'Small', items: lines.map((line) => verbatim(`• ${line}`)) };
}
