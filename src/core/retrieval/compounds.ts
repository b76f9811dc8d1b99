/** Linking morphemes that may sit between the parts of a Dutch compound (vriend-s-verzoek, kind-er-en-...). */
const LINKS = ['', 's', 'e', 'en', 'er'];
const MIN_PART = 3;
const MIN_WORD = 6;

/**
 * Splits a Dutch compound into known parts ("groepsapp" → ["groep", "app"],
 * "ziekteverzuimcijfers" → ["ziekteverzuim", "cijfers"]). Every part must satisfy `isKnown`
 * (normally: occurs in the board's code or the vocabulary). Prefers the fewest, then the longest
 * parts; returns undefined when no complete split into at least two parts exists.
 */
export function splitCompound(word: string, isKnown: (part: string) => boolean): string[] | undefined {
  if (word.length < MIN_WORD) return undefined;
  const n = word.length;
  // best[i]: the best split of word.slice(i), as [parts, cost].
  const best: Array<{ parts: string[]; cost: number } | undefined> = Array.from({ length: n + 1 }, () => undefined);
  best[n] = { parts: [], cost: 0 };
  for (let i = n - MIN_PART; i >= 0; i--) {
    let chosen: { parts: string[]; cost: number } | undefined;
    for (let j = n; j >= i + MIN_PART; j--) {
      if (i === 0 && j === n) continue;
      const part = word.slice(i, j);
      if (!isKnown(part)) continue;
      for (const link of LINKS) {
        const next = j + link.length;
        if (next > n || word.slice(j, next) !== link) continue;
        if (link && next === n) continue;
        const rest = best[next];
        if (!rest) continue;
        // Each extra part costs 1; short parts cost a little more so "groeps+app" beats "groe+psa+pp".
        const cost = rest.cost + 1 + (part.length < 4 ? 0.3 : 0) + (link ? 0.05 : 0);
        if (!chosen || cost < chosen.cost) chosen = { parts: [part, ...rest.parts], cost };
      }
    }
    best[i] = chosen;
  }
  const split = best[0];
  return split && split.parts.length >= 2 ? split.parts : undefined;
}
