/** A [start, end) character range of a text. */
export interface Span {
  start: number;
  end: number;
}

function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : undefined;
}

function splitAt(text: string, span: Span, pattern: RegExp): Span[] {
  const out: Span[] = [];
  const slice = text.slice(span.start, span.end);
  let last = 0;
  for (const m of slice.matchAll(pattern)) {
    const cut = (m.index ?? 0) + m[0].length;
    const s = trimSpan(text, span.start + last, span.start + cut);
    if (s) out.push(s);
    last = cut;
  }
  const tail = trimSpan(text, span.start + last, span.end);
  if (tail) out.push(tail);
  return out;
}

/**
 * Splits a text into sentence-like spans: lines, then sentences. Spans longer than `maxLength`
 * are split further at clause punctuation and finally at word boundaries, so every span fits.
 */
export function sentenceSpans(text: string, maxLength: number): Span[] {
  const whole = trimSpan(text, 0, text.length);
  if (!whole) return [];
  const out: Span[] = [];
  for (const line of splitAt(text, whole, /\n+/g)) {
    for (const sentence of splitAt(text, line, /[.!?](?=\s+["'(\u2018\u201c]?[A-Z0-9\u00C0-\u00DD-])/g)) {
      if (sentence.end - sentence.start <= maxLength) {
        out.push(sentence);
        continue;
      }
      for (const clause of splitAt(text, sentence, /[,;:](?=\s)/g)) {
        let { start } = clause;
        while (clause.end - start > maxLength) {
          let cut = text.lastIndexOf(' ', start + maxLength);
          if (cut <= start) cut = start + maxLength;
          const piece = trimSpan(text, start, cut);
          if (piece) out.push(piece);
          start = cut;
        }
        const rest = trimSpan(text, start, clause.end);
        if (rest) out.push(rest);
      }
    }
  }
  return out;
}

/**
 * Chooses the run of consecutive spans (within `maxLength` characters of the original text)
 * whose combined match is best. `unitMatches(span)` gives, per question unit, how well that span
 * matches it; a window scores the weighted best match of each unit over its spans. Ties go to
 * the shorter window, which then takes in neighbouring spans up to `fillTo` characters so the
 * context of the best match is quoted too; when nothing matches, the window opens the text.
 * Returns a verbatim substring of `text`.
 */
export function selectWindow(
  text: string,
  spans: readonly Span[],
  unitMatches: (span: Span) => number[],
  unitWeights: readonly number[],
  maxLength: number,
  fillTo = MIN_QUOTE,
): string {
  if (spans.length === 0) return text.slice(0, maxLength).trim();
  const matches = spans.map(unitMatches);
  let best: { start: number; end: number; score: number } | undefined;
  for (let i = 0; i < spans.length; i++) {
    const first = spans[i];
    if (!first) continue;
    const windowBest = unitWeights.map(() => 0);
    for (let j = i; j < spans.length; j++) {
      const last = spans[j];
      if (!last || last.end - first.start > maxLength) break;
      // Loops, not forEach/reduce callbacks: this runs for every pair of spans of every quote.
      const match = matches[j] ?? [];
      for (let u = 0; u < match.length; u++) if (match[u]! > (windowBest[u] ?? 0)) windowBest[u] = match[u]!;
      let sum = 0;
      for (let u = 0; u < windowBest.length; u++) sum += windowBest[u]! * (unitWeights[u] ?? 0);
      const score = sum - (last.end - first.start) * 1e-6;
      if (!best || score > best.score + 1e-9) best = { start: first.start, end: last.end, score };
    }
  }
  if (!best) return text.slice(0, maxLength).trim();
  // Nothing of the question occurs in the text (the section was found through one of its stored
  // questions): its opening states what it is about, not its shortest sentence.
  if (best.score <= 0) best = { start: spans[0]!.start, end: spans[0]!.end, score: 0 };
  return text.slice(...grow(spans, best, maxLength, Math.min(maxLength, Math.max(MIN_QUOTE, fillTo)), matches, unitWeights));
}

/** A quote shorter than this reads as a fragment ("de school,"), so it takes in neighbouring spans. */
export const MIN_QUOTE = 60;

function spanScore(match: readonly number[] | undefined, unitWeights: readonly number[]): number {
  return (match ?? []).reduce((sum, m, u) => sum + m * (unitWeights[u] ?? 0), 0);
}

/**
 * Grows a window with neighbouring spans until it reaches `target` characters (never beyond
 * `maxLength`): the side whose next span matches the question better first, else the following
 * span (a rule's explanation tends to follow it), so the quote stays centred on the best match and
 * an answer phrased just before or after it is not cut off.
 */
function grow(
  spans: readonly Span[],
  window: Span,
  maxLength: number,
  target: number,
  matches: ReadonlyArray<readonly number[]>,
  unitWeights: readonly number[],
): [number, number] {
  let { start, end } = window;
  let first = spans.findIndex((s) => s.start === start);
  let last = spans.findIndex((s) => s.end === end);
  while (end - start < target && first >= 0 && last >= 0) {
    const next = spans[last + 1];
    const prev = spans[first - 1];
    const nextFits = next !== undefined && next.end - start <= maxLength;
    const prevFits = prev !== undefined && end - prev.start <= maxLength;
    const preferPrev = prevFits && (!nextFits || spanScore(matches[first - 1], unitWeights) > spanScore(matches[last + 1], unitWeights));
    if (preferPrev && prev) {
      start = prev.start;
      first--;
    } else if (nextFits && next) {
      end = next.end;
      last++;
    } else break;
  }
  return [start, end];
}
