/**
 * Scoring rules of the evaluation sets (see ../shared/eval/*.json descriptions), shared by
 * `npm run eval` and the in-process retrieval evaluation so both measure the same thing.
 */

/** NFC, typographic quotes and dashes to ASCII, whitespace collapsed, case-folded. */
export function normaliseForScoring(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A reply is correct when it contains any one of the expected phrases. */
export function containsExpected(reply: string, expected: readonly string[]): boolean {
  const haystack = normaliseForScoring(reply);
  return expected.some((phrase) => haystack.includes(normaliseForScoring(phrase)));
}

function words(text: string): string[] {
  return normaliseForScoring(text).match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** All runs of `n` consecutive words in a text, for the "quotes nothing" check. */
export function wordRuns(text: string, n = 8): Set<string> {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(' '));
  return runs;
}

/** Out of scope is declined when the reply is non-empty and shares no run of 8 words with the code. */
export function declinesWithoutQuoting(reply: string, codeRuns: Set<string>, n = 8): boolean {
  if (reply.trim() === '') return false;
  for (const run of wordRuns(reply, n)) if (codeRuns.has(run)) return false;
  return true;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
