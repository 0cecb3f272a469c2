import { describe, expect, it } from 'vitest';
import { buildIndex, buildIndexInSlices, type IndexInput } from '../../src/search/index.ts';

const input: IndexInput[] = Array.from({ length: 5000 }, (_, i) => {
  const text = `第${i % 7}项建设${'医院卫生中心'.slice(i % 4)}服务`;
  return { id: `e${(i * 7919) % 5000}`, kind: 'OUTCOME', doc: `d${i % 3}`, text, name: null, start: 0, end: text.length, quote: text, region: null, yearFrom: null, yearTo: null, words: [] };
});

describe('building the index', () => {
  it('in slices gives the same index, and lets other work run in between', async () => {
    let ran = 0;
    let spinning = true;
    const spin = () => {
      ran++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    const sliced = await buildIndexInSlices(input);
    spinning = false;
    expect(ran).toBeGreaterThan(1);
    expect(sliced).toEqual(buildIndex(input));
  });

  it('keeps each key’s postings in entry order, entries in id order', () => {
    const index = buildIndex(input);
    expect(index.entries.map((e) => e.id)).toEqual([...index.entries.map((e) => e.id)].sort());
    for (let k = 0; k < index.keys.size; k++) {
      const list = index.postings.subarray(index.offsets[k]!, index.offsets[k + 1]!);
      for (let p = 1; p < list.length; p++) expect(list[p]!).toBeGreaterThan(list[p - 1]!);
    }
  });
});
