/** Collapses all whitespace (including line breaks) to single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Splits text into sentences at ". ", "? " and "! " followed by a capital, digit, quote or
 * bracket. Abbreviations such as "bijv. naaste" stay intact because a lower-case word follows.
 */
export function splitSentences(text: string): string[] {
  return collapseWhitespace(text)
    .split(/(?<=[.!?…]["'’”)]*)\s+(?=[\p{Lu}\d"'‘“([<])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
