import { describe, expect, it } from 'vitest';
import { firstOf } from '../../src/search/top.ts';

describe('the first k items', () => {
  const before = (a: number, b: number) => a > b;
  it('are those a full sort puts first, in that order, whether few or many', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const size of [0, 5, 50, 5000]) {
      const items = Array.from({ length: size }, () => Math.floor(rand() * 1000));
      const sorted = [...items].sort((a, b) => b - a);
      for (const k of [0, 1, 10, 300]) expect(firstOf(items, k, before), `${size} items, k ${k}`).toEqual(sorted.slice(0, k));
    }
  });
});
