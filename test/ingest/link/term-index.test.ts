import { describe, expect, it } from 'vitest';
import { TermIndex, TermWeights } from '../../../src/ingest/link/similarity.ts';

const item = (id: string, terms: string[]) => ({ id, terms });

describe('TermIndex', () => {
  const items = [item('a', ['医院', '建设', '床位']), item('b', ['建设', '疾控']), item('c', ['床位', '医院', '医院']), item('d', ['体育'])];
  const index = new TermIndex(items);
  const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);

  it('finds the items sharing at least so many distinct terms, in the order first met', () => {
    expect(ids(index.candidates(['医院', '床位'], 1))).toEqual(['a', 'c']);
    expect(ids(index.candidates(['建设', '医院', '医院'], 1))).toEqual(['a', 'b', 'c']);
    expect(ids(index.candidates(['建设', '医院', '医院'], 2))).toEqual(['a']);
    expect(ids(index.candidates(['医院', '床位', '建设'], 3))).toEqual(['a']);
    expect(index.candidates(['卫生'], 1)).toEqual([]);
  });

  it('answers each call afresh (no count left over from the one before)', () => {
    for (let i = 0; i < 3; i++) expect(ids(index.candidates(['床位', '医院'], 2))).toEqual(['a', 'c']);
    expect(ids(index.candidates(['体育'], 1))).toEqual(['d']);
  });
});

describe('TermIndex.weighted and TermWeights.overlapCanReach', () => {
  // Lists made of a few words, some nested (中心 in 疾控中心), so sharedTerms drops some.
  const words = ['医院', '建设', '床位', '疾控', '中心', '疾控中心', '体育', '卫生', '人才', '改革'];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lists = Array.from({ length: 60 }, (_, n) => ({ id: `s${n}`, terms: [...new Set(words.filter(() => rand() < 0.35))].sort() }));
  const weights = new TermWeights(lists.map((l) => l.terms));
  const index = new TermIndex(lists);

  it('gives each candidate the weight of the distinct terms it shares', () => {
    const query = ['医院', '床位', '床位', '中心'];
    for (const { item, common } of index.weighted(query, 1, weights)) {
      const shared = [...new Set(query)].filter((t) => item.terms.includes(t));
      expect(common).toBeCloseTo(weights.total(shared), 12);
    }
  });

  it('never rules out a pair whose overlap reaches the bar (the bound is safe)', () => {
    let reached = 0;
    let ruledOut = 0;
    for (const a of lists) {
      for (const { item: b, common } of index.weighted(a.terms, 1, weights)) {
        for (const min of [0.2, 0.4, 0.7, 1]) {
          const can = weights.overlapCanReach(a.terms, b.terms, common, min);
          if (weights.overlap(a.terms, b.terms).score >= min) {
            reached++;
            expect(can).toBe(true);
          } else if (!can) ruledOut++;
        }
      }
    }
    expect(reached).toBeGreaterThan(100);
    // And it does its job: many pairs that fall short are known to before the exact overlap.
    expect(ruledOut).toBeGreaterThan(100);
  });
});
