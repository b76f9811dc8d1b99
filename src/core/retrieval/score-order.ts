/**
 * Sorting hits by score, best first, as `list.sort((a, b) => b.score - a.score)` does: a stable sort,
 * so hits of equal score keep their order. A merge sort of positions over the scores in a reused
 * typed array rather than the built-in sort with a comparator: the ranking sorts all sections of the
 * code for every question, and the comparator calls (and the sort's own temporary lists) were a
 * noticeable share of a question's time and garbage.
 */

let keys = new Float64Array(128);
let order = new Uint32Array(128);
let spare = new Uint32Array(128);
/** The list's items while they are put in their new order (emptied after every sort). */
const items: unknown[] = [];

export function sortByScore<T extends { score: number }>(list: T[]): void {
  const n = list.length;
  if (n < 2) return;
  if (keys.length < n) {
    keys = new Float64Array(2 * n);
    order = new Uint32Array(2 * n);
    spare = new Uint32Array(2 * n);
  }
  for (let i = 0; i < n; i++) keys[i] = list[i]!.score;
  const from = mergeOrder(keys, n, order, spare);
  for (let i = 0; i < n; i++) items.push(list[i]);
  for (let i = 0; i < n; i++) list[i] = items[from[i]!] as T;
  items.length = 0;
}

/**
 * Positions 0..n-1 in the order sortByScore puts items of these scores in (best first, ties in
 * position order), in `order` or `spare` (both at least n long; the one returned holds them).
 */
export function mergeOrder(scores: Float64Array, n: number, order: Uint32Array, spare: Uint32Array): Uint32Array {
  for (let i = 0; i < n; i++) order[i] = i;
  let from = order;
  let to = spare;
  for (let width = 1; width < n; width *= 2) {
    for (let low = 0; low < n; low += 2 * width) {
      const middle = Math.min(low + width, n);
      const high = Math.min(low + 2 * width, n);
      let a = low;
      let b = middle;
      let k = low;
      // The right run's item goes first only when it scores strictly higher: that keeps ties in order.
      while (a < middle && b < high) to[k++] = scores[from[b]!]! > scores[from[a]!]! ? from[b++]! : from[a++]!;
      while (a < middle) to[k++] = from[a++]!;
      while (b < high) to[k++] = from[b++]!;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  return from;
}
