import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanSet } from '../../src/ingest/span-set.ts';
import type { Span } from '../../src/ingest/types.ts';

// What outline and statements asked before: every span in turn.
const naive = (spans: readonly Span[], offset: number) => spans.some((r) => offset >= r.start && offset < r.end);

const span = fc.tuple(fc.nat({ max: 60 }), fc.integer({ min: -3, max: 20 })).map(([start, length]): Span => ({ start, end: start + length }));

describe('spanSet', () => {
  it('answers as testing every span does, for overlapping, touching, empty and reversed spans', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), (spans) => {
        const set = spanSet(spans);
        for (let offset = -2; offset < 85; offset++) expect(set.has(offset)).toBe(naive(spans, offset));
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('holds the start of a span and not its end', () => {
    const set = spanSet([{ start: 10, end: 20 }, { start: 20, end: 20 }]);
    expect([9, 10, 19, 20].map((x) => set.has(x))).toEqual([false, true, true, false]);
  });
});
