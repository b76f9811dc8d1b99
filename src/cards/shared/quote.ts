import type { CardElement } from './adaptive-card.js';

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

/** The one element for a passage quoted from the code: verbatim, in an emphasised box. */
export function quoteBox(quote: string, options: { spacing?: string } = {}): CardElement {
  return { type: 'Container', style: 'emphasis', bleed: false, ...options, items: [verbatim(quote)] };
}
