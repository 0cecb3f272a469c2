// The synthetic corpora the scale bench and the fault tests run on: the same
// kind of corpus at every scale, and documents the pipeline reads as what the
// generator meant them to be.
import { describe, expect, it } from 'vitest';
import { corpus, ROUNDS_PER_CITY } from '../../scripts/generate-corpus.ts';
import { clean } from '../../src/ingest/clean.ts';
import { describe as describeText } from '../../src/ingest/describe/index.ts';

const documentsPerRegion = (scale: number) => {
  const counts = new Map<string, number>();
  for (const d of corpus(scale)) if (d.regionCode) counts.set(d.regionCode, (counts.get(d.regionCode) ?? 0) + 1);
  return counts;
};

describe('generated corpora', () => {
  it('are the same for the same seed and differ for another', () => {
    const a = [...corpus(3, 7)];
    expect([...corpus(3, 7)]).toEqual(a);
    const b = [...corpus(3, 8)];
    expect(b.map((d) => d.text)).not.toEqual(a.map((d) => d.text));
    expect(a).toHaveLength(15);
  });

  it('give a region as many documents at 100× as at 12× (density does not grow with scale)', () => {
    const small = documentsPerRegion(12);
    const large = documentsPerRegion(100);
    // A city: its four rounds of three seeds; a district: its summary+plan pair.
    const histogram = (m: Map<string, number>) => [...new Set(m.values())].sort((x, y) => x - y);
    expect(histogram(small)).toEqual([2, 3 * ROUNDS_PER_CITY]);
    expect(histogram(large)).toEqual([2, 3 * ROUNDS_PER_CITY]);
    expect(large.size).toBeGreaterThan(small.size * 7);
  });

  it('give a city four consecutive years of annual plans and summaries', () => {
    const docs = [...corpus(ROUNDS_PER_CITY)].filter((d) => d.name.includes('_004_'));
    expect(new Set(docs.map((d) => d.regionCode)).size).toBe(1);
    const shifts = docs.map((d) => d.shift);
    expect(shifts.slice(1).map((s, i) => s - shifts[i]!)).toEqual([1, 1, 1]);
  });

  it('name places the describe stage resolves to the region meant', () => {
    const docs = [...corpus(24, 3)];
    for (const d of docs) {
      const region = describeText(clean(d.text)).region;
      if (d.regionCode === null) expect(region.status, d.name).not.toBe('resolved');
      else expect(region.status === 'resolved' ? region.place.code : region.status, d.name).toBe(d.regionCode);
    }
  });
});
