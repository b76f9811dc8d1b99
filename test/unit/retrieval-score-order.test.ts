import { describe, expect, it } from 'vitest';
import { sortByScore } from '../../src/core/retrieval/score-order.js';

describe('sorting hits by score', () => {
  it('orders as the built-in stable sort does, ties kept in order', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const n of [0, 1, 2, 3, 12, 31, 72, 200]) {
      const list = Array.from({ length: n }, (_, id) => ({ id, score: Math.floor(random() * 8) / 4 }));
      const expected = [...list].sort((a, b) => b.score - a.score).map((h) => h.id);
      sortByScore(list);
      expect(list.map((h) => h.id)).toEqual(expected);
    }
  });
});
