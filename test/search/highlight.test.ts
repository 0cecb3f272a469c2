import { describe, expect, it } from 'vitest';
import { highlightRanges, mark } from '../../src/search/highlight.ts';

describe('highlights', () => {
  it('join overlapping matches into one run, so a phrase is marked whole', () => {
    const text = '全市公有产权村卫生室达3702个';
    const ranges = highlightRanges(text, ['公有', '有产', '产权', '权村', '村卫', '卫生', '生室']);
    expect(ranges).toEqual([{ start: 2, end: 10 }]);
    expect(mark(text, ranges)).toBe('全市【公有产权村卫生室】达3702个');
  });

  it('mark every occurrence, apart when apart', () => {
    expect(highlightRanges('医院和医院', ['医院'])).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
  });
});
