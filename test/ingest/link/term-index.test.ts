import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../../src/ingest/link/similarity.ts';

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
