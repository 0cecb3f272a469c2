import { describe, expect, it } from 'vitest';
import { foldCase, isPair, termsOf } from '../../src/search/terms.ts';

describe('the keys a text is indexed by', () => {
  it('are its pairs of adjacent Chinese characters, within runs, with their counts', () => {
    const keys = termsOf('中医馆，中医堂');
    expect(keys.get('中医')).toBe(2);
    expect(keys.get('医馆')).toBe(1);
    expect(keys.get('医堂')).toBe(1);
    // No pair across punctuation.
    expect(keys.has('馆，') || keys.has('馆中')).toBe(false);
  });

  it('add jieba’s words of three characters or more, and no two-character word twice', () => {
    const keys = termsOf('建设公有产权村卫生室');
    expect(keys.get('村卫生室')).toBe(1);
    // 公有 is a pair; counting it again as a word would double its weight.
    expect(keys.get('公有')).toBe(1);
    expect([...keys.keys()].filter((k) => k.length === 2).every(isPair)).toBe(true);
  });

  it('take a run of Latin letters or digits as one key, lower-cased', () => {
    const keys = termsOf('建成5G智慧医院，HIS系统');
    expect(keys.get('5g')).toBe(1);
    expect(keys.get('his')).toBe(1);
    expect(foldCase('HIS系统')).toBe('his系统');
  });
});
