import { describe, expect, it } from 'vitest';
import { highlightRanges, queryTerms, rank } from '../../src/resolvers/rank.ts';

describe('search ranking', () => {
  it('segments the query and keeps a short query as a phrase too', () => {
    expect(queryTerms('公有产权村卫生室')).toEqual(expect.arrayContaining(['公有产权村卫生室', '村卫生室', '公有产权']));
  });

  it('ranks texts with rarer matched terms first and marks the matches', () => {
    const df = new Map([['村卫生室', 50], ['公有产权', 3]]);
    const ranked = rank(
      '公有产权村卫生室',
      [
        { id: 'a', text: '村卫生室能够提供中医药服务', matched: ['村卫生室'] },
        { id: 'b', text: '全市公有产权村卫生室达3702个', matched: ['公有产权村卫生室', '公有产权', '村卫生室'] },
      ],
      df,
      1000,
    );
    expect(ranked.map((r) => r.hit.id)).toEqual(['b', 'a']);
    expect(ranked[0]!.highlighted).toBe('全市【公有产权村卫生室】达3702个');
    expect(ranked[1]!.highlights).toEqual([{ start: 0, end: 4 }]);
  });

  it('never overlaps highlights', () => {
    expect(highlightRanges('市中心医院迁建', ['中心医院', '医院', '迁建'])).toEqual([
      { start: 1, end: 5 },
      { start: 5, end: 7 },
    ]);
  });
});
