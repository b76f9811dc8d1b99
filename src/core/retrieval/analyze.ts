import { splitCompound } from './compounds.js';
import { tokenize } from './normalize.js';
import { wordKeys } from './stem.js';
import { isStopword } from './stopwords.js';

/** Weight of a key contributed by a compound part rather than the whole word. */
export const COMPOUND_PART_WEIGHT = 0.6;

/** One analysed word of an indexed text: its keys with weights, and its position among content words. */
export interface AnalyzedWord {
  surface: string;
  position: number;
  keys: ReadonlyMap<string, number>;
}

/** The content words of a text, in order (stop words dropped, positions count content words only). */
export function contentWords(text: string): string[] {
  return tokenize(text).filter((t) => !isStopword(t));
}

/**
 * Analyses text for indexing: each content word yields its stem keys (weight 1) and,
 * when it is a compound of other known words, the keys of its parts at a lower weight,
 * so "ouderportaal" is also found by "ouders".
 */
export function analyzeForIndex(
  text: string,
  isKnownPart: (part: string) => boolean,
  memo: Map<string, ReadonlyMap<string, number>> = new Map(),
): AnalyzedWord[] {
  return contentWords(text).map((surface, position) => {
    const cached = memo.get(surface);
    if (cached) return { surface, position, keys: cached };
    const keys = new Map<string, number>();
    for (const k of wordKeys(surface)) keys.set(k, 1);
    const parts = splitCompound(surface, isKnownPart);
    if (parts) {
      for (const part of parts) {
        for (const k of wordKeys(part)) if (!keys.has(k)) keys.set(k, COMPOUND_PART_WEIGHT);
      }
    }
    memo.set(surface, keys);
    return { surface, position, keys };
  });
}
