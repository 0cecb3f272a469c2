// Whether an offset lies in any of a list of spans (the table, box and
// front-matter blocks that outline and statements skip). Asked for every
// line and every sentence; testing each span in turn made that lines ×
// blocks, and a long five-year plan has a table or box every few pages.
// Sorted and merged once, each question is a binary search.
import type { Span } from './types.ts';

export interface SpanSet {
  /** Some span has start ≤ offset < end. */
  has(offset: number): boolean;
}

export function spanSet(spans: readonly Span[]): SpanSet {
  // An empty span holds no offset; overlapping or touching spans hold the same offsets as their union.
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const s of sorted) {
    const last = ends.length - 1;
    if (last >= 0 && s.start <= ends[last]!) ends[last] = Math.max(ends[last]!, s.end);
    else {
      starts.push(s.start);
      ends.push(s.end);
    }
  }
  return {
    has(offset) {
      // The last merged span starting at or before the offset is the only one that can hold it.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && offset < ends[lo - 1]!;
    },
  };
}
