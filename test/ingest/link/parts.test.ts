import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartIndex } from '../../../src/ingest/link/parts.ts';
import { TermIndex, TermWeights } from '../../../src/ingest/link/similarity.ts';

const words = ['医院', '建设', '床位', '疾控', '中心', '体育', '卫生', '人才'];
const item = fc.record({ part: fc.integer({ min: 0, max: 3 }), terms: fc.array(fc.constantFrom(...words), { maxLength: 6 }) });
const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

describe('PartIndex', () => {
  it('finds what one index over the items of the parts taken finds, with the same shared weight to the last bit', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(fc.constantFrom(...words), { maxLength: 6 }), fc.integer({ min: 1, max: 3 }), fc.subarray([0, 1, 2, 3]), (specs, query, minShared, taken) => {
        const items = specs.map((s, id) => ({ id, ...s }));
        const weights = new TermWeights(items.map((i) => i.terms));
        const take = (part: number) => taken.includes(part);
        const parts = new PartIndex(items, (i) => i.part);
        const one = new TermIndex(items.filter((i) => take(i.part)));
        const flat = (xs: Array<{ item: { id: number }; common: number }>) => xs.map((x) => ({ id: x.item.id, common: x.common })).sort(byId);
        expect(flat(parts.weighted(query, minShared, weights, take))).toEqual(flat(one.weighted(query, minShared, weights)));
        expect(parts.candidates(query, minShared, take).map((i) => i.id).sort((a, b) => a - b)).toEqual(one.candidates(query, minShared).map((i) => i.id).sort((a, b) => a - b));
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
