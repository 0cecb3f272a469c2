import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepestContaining } from '../../src/ingest/containing.ts';
import type { Section } from '../../src/ingest/types.ts';

// What statements did before: scan every section, the highest level winning, the later on a tie.
function naive(sections: readonly Section[], offset: number): Section | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.span.start <= offset && offset < Math.max(s.span.end, s.span.start + 1) && (!best || s.level >= best.level)) best = s;
  }
  return best;
}

function section(i: number, start: number, length: number, level: number): Section {
  const span = { start, end: start + length };
  return { id: `s${i}`, parentId: null, level, style: 'cn', number: '', ordinal: null, heading: '', headingSpan: span, span, role: 'PLAN', year: null, yearTo: null, kind: 'PLAN' };
}

const sections = fc
  .array(fc.tuple(fc.nat({ max: 50 }), fc.integer({ min: -2, max: 30 }), fc.integer({ min: 1, max: 4 })), { maxLength: 15 })
  .map((specs) => specs.map(([start, length, level], i) => section(i, start, length, level)));

describe('deepestContaining', () => {
  it('finds the section a scan of every section finds, for any spans: nested, crossing, equal, empty or reversed', () => {
    fc.assert(
      fc.property(sections, (list) => {
        const at = deepestContaining(list);
        for (let offset = -2; offset < 85; offset++) expect(at(offset)?.id ?? null).toBe(naive(list, offset)?.id ?? null);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('gives the later of two sections of one level over the same text, and the inner one of a nest', () => {
    const list = [section(0, 0, 100, 1), section(1, 10, 20, 2), section(2, 10, 20, 2)];
    const at = deepestContaining(list);
    expect([at(5)?.id, at(15)?.id, at(30)?.id, at(100)]).toEqual(['s0', 's2', 's0', null]);
  });
});
