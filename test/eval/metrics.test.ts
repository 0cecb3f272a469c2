import { describe, expect, it } from 'vitest';
import { greedyMatch, jaccard, overlap, unmatched } from '../../src/eval/match.ts';
import { prf, sumPrf } from '../../src/eval/metrics.ts';
import { nameSimilarity, normaliseName, normaliseProjectName } from '../../src/eval/names.ts';

describe('prf', () => {
  it('gives precision, recall and F1 from counts', () => {
    const p = prf(3, 4, 6);
    expect(p.precision).toBe(0.75);
    expect(p.recall).toBe(0.5);
    expect(p.f1).toBeCloseTo(0.6);
  });

  it('says null, not 0 or 1, where nothing was predicted or nothing is gold', () => {
    expect(prf(0, 0, 5)).toMatchObject({ precision: null, recall: 0, f1: null });
    expect(prf(0, 2, 0)).toMatchObject({ precision: 0, recall: null, f1: null });
    expect(prf(0, 2, 5).f1).toBe(0);
  });

  it('micro-averages by adding counts', () => {
    expect(sumPrf([prf(1, 1, 1), prf(0, 3, 3)])).toMatchObject({ tp: 1, predicted: 4, gold: 4, precision: 0.25 });
  });
});

describe('spans', () => {
  it('jaccard is shared over covered characters', () => {
    expect(jaccard({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(5 / 15);
    expect(jaccard({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
    expect(jaccard({ start: 2, end: 8 }, { start: 2, end: 8 })).toBe(1);
    expect(overlap({ start: 0, end: 10 }, { start: 8, end: 9 })).toBe(1);
  });
});

describe('greedyMatch', () => {
  it('pairs one-to-one, best score first', () => {
    // gold 0 fits pred 0 best (0.9) and pred 1 less (0.6); gold 1 fits only pred 0 (0.8).
    const scores: Record<string, number> = { '0,0': 0.9, '0,1': 0.6, '1,0': 0.8 };
    const pairs = greedyMatch(2, 2, (g, p) => scores[`${g},${p}`] ?? null);
    expect(pairs).toEqual([{ gold: 0, pred: 0, score: 0.9 }]);
    expect(unmatched(2, pairs, 'gold')).toEqual([1]);
    expect(unmatched(2, pairs, 'pred')).toEqual([1]);
  });

  it('breaks ties by order so results are stable', () => {
    expect(greedyMatch(2, 2, () => 1)).toEqual([
      { gold: 0, pred: 0, score: 1 },
      { gold: 1, pred: 1, score: 1 },
    ]);
  });
});

describe('names', () => {
  it('ignores width, spaces and quote marks', () => {
    expect(normaliseName('“51515” 卫生人才工程')).toBe('51515卫生人才工程');
    expect(normaliseName('市中心医院迁建(新区医院)项目')).toBe(normaliseName('市中心医院迁建（新区医院）项目'));
  });

  it('drops generic project endings', () => {
    expect(normaliseProjectName('市疾控中心迁建项目')).toBe('市疾控中心迁建');
    expect(normaliseProjectName('区妇保院新院区建设工程')).toBe('区妇保院新院区');
  });

  it('scores containment of a real name high and a stray word low', () => {
    expect(nameSimilarity('公有产权村卫生室占比', '公有产权村卫生室占比')).toBe(1);
    expect(nameSimilarity('市骨科医院', '市骨科医院新院区')).toBe(0.9);
    expect(nameSimilarity('占比', '公有产权村卫生室占比')).toBeLessThan(0.5);
    expect(nameSimilarity('婴儿死亡率', '5岁以下儿童死亡率')).toBeLessThan(0.5);
  });
});
