// The deepest section that holds an offset: the part a statement or a 专栏
// item belongs to. Asked once per statement; scanning every section each
// time made the statements stage sections × statements (a 20 MiB plan:
// 28k sections × 144k statements, 36 s). Here the sections' spans go into a
// segment tree over their end points once (n·log n), and each question
// walks one leaf to the root (log n).
//
// The answer is the one the scan gave, for any spans, nested or not: among
// the sections whose span holds the offset — an empty span holding its own
// start — the one of the highest level, the later in the list on a tie.
import type { Section } from './types.ts';

export type SectionAt = (offset: number) => Section | null;

export function deepestContaining(sections: readonly Section[]): SectionAt {
  const n = sections.length;
  const from = (s: Section) => s.span.start;
  const to = (s: Section) => Math.max(s.span.end, s.span.start + 1);
  // The distinct end points cut the line into elementary pieces [points[k], points[k+1]).
  const points = [...new Set(sections.flatMap((s) => [from(s), to(s)]))].sort((a, b) => a - b);
  const pieces = Math.max(0, points.length - 1);
  let size = 1;
  while (size < pieces) size *= 2;
  // Per tree node, the best section (index) covering all its pieces, or -1.
  const best = new Int32Array(2 * size).fill(-1);
  const better = (i: number, j: number) => j < 0 || sections[i]!.level > sections[j]!.level || (sections[i]!.level === sections[j]!.level && i > j);
  const put = (node: number, i: number) => {
    if (better(i, best[node]!)) best[node] = i;
  };
  const pieceOf = (offset: number): number => {
    // The last point at or before the offset: its piece holds the offset.
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  for (let i = 0; i < n; i++) {
    // Pieces [l, r) of the section, marked on the O(log n) nodes that exactly cover them.
    let l = pieceOf(from(sections[i]!)) + size;
    let r = pieceOf(to(sections[i]!)) + size;
    while (l < r) {
      if (l & 1) put(l++, i);
      if (r & 1) put(--r, i);
      l >>= 1;
      r >>= 1;
    }
  }
  return (offset) => {
    const piece = pieceOf(offset);
    if (piece < 0 || piece >= pieces) return null;
    let found = -1;
    for (let node = piece + size; node >= 1; node >>= 1) if (best[node]! >= 0 && better(best[node]!, found)) found = best[node]!;
    return found < 0 ? null : sections[found]!;
  };
}
