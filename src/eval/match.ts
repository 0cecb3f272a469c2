// One-to-one matching of gold items to predicted items, greedy by score:
// the best-scoring pair is taken first, then the best among what is left.
import type { Span } from '../ingest/types.ts';

export interface Pair {
  readonly gold: number;
  readonly pred: number;
  readonly score: number;
}

/**
 * `score(g, p)` is null when the two cannot match at all. Ties go to the
 * earlier gold item, then the earlier prediction, so results are stable.
 */
export function greedyMatch(goldCount: number, predCount: number, score: (g: number, p: number) => number | null): Pair[] {
  const candidates: Pair[] = [];
  for (let g = 0; g < goldCount; g++) {
    for (let p = 0; p < predCount; p++) {
      const s = score(g, p);
      if (s !== null) candidates.push({ gold: g, pred: p, score: s });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.gold - b.gold || a.pred - b.pred);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPred.has(c.pred)) continue;
    usedGold.add(c.gold);
    usedPred.add(c.pred);
    pairs.push(c);
  }
  return pairs.sort((a, b) => a.gold - b.gold);
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Shared characters over the characters either covers; 0 for disjoint spans. */
export function jaccard(a: Span, b: Span): number {
  const inter = overlap(a, b);
  if (inter === 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** Indexes of items not in any pair. */
export function unmatched(count: number, pairs: readonly Pair[], side: 'gold' | 'pred'): number[] {
  const used = new Set(pairs.map((p) => p[side]));
  return Array.from({ length: count }, (_, i) => i).filter((i) => !used.has(i));
}
