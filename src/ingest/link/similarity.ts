import type { Match } from './types.ts';

/**
 * Term weights for one region's statements: rarer terms say more about which
 * work a statement is about. idf = ln((N + 1) / (df + 1)) + 1.
 */
export class TermWeights {
  private readonly idf = new Map<string, number>();
  private readonly fallback: number;

  constructor(documents: Iterable<readonly string[]>) {
    const df = new Map<string, number>();
    let n = 0;
    for (const terms of documents) {
      n++;
      for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    }
    for (const [t, d] of df) this.idf.set(t, Math.log((n + 1) / (d + 1)) + 1);
    this.fallback = Math.log(n + 1) + 1;
  }

  /** The weight of a term seen in one statement only: the largest there is in this region. */
  maxWeight(): number {
    return this.fallback;
  }

  weight(term: string): number {
    return this.idf.get(term) ?? this.fallback;
  }

  total(terms: readonly string[]): number {
    let s = 0;
    for (const t of terms) s += this.weight(t);
    return s;
  }

  // A statement's (or clause's) own total, asked for once per pair it is in:
  // worked out once per list.
  private readonly listTotals = new WeakMap<readonly string[], number>();

  private listTotal(terms: readonly string[]): number {
    let total = this.listTotals.get(terms);
    if (total === undefined) this.listTotals.set(terms, (total = this.total(terms)));
    return total;
  }

  /** How much of `base`'s term weight `other` covers: 1 when every term of base is in other. */
  coverage(base: readonly string[], other: readonly string[]): Match {
    const shared = sharedTerms(base, other);
    const total = this.listTotal(base);
    return { score: total ? this.total(shared) / total : 0, terms: shared };
  }

  /** Overlap relative to the smaller side: for two plans that restate the same work at different lengths. */
  overlap(a: readonly string[], b: readonly string[]): Match {
    const shared = sharedTerms(a, b);
    const smaller = Math.min(this.listTotal(a), this.listTotal(b));
    return { score: smaller ? this.total(shared) / smaller : 0, terms: shared };
  }

  /**
   * Whether overlap(a, b) can reach `min`, given the weight of the terms the
   * two lists have in common (TermIndex.weighted): the shared terms overlap
   * counts are among those, so that weight bounds its score from above. It
   * takes `a` to hold each term once, as contentTerms makes every term list.
   */
  overlapCanReach(a: readonly string[], b: readonly string[], commonWeight: number, min: number): boolean {
    const smaller = Math.min(this.listTotal(a), this.listTotal(b));
    // The margin covers summing the same weights in another order.
    return smaller > 0 && commonWeight * (1 + 1e-9) >= min * smaller;
  }
}

/**
 * Terms of `base` that `other` has too — except a sub-word whose longer word
 * in `base` the other side lacks: 中心 from 疾控中心 against 救治中心 is a
 * different centre, not a shared one.
 */
export function sharedTerms(base: readonly string[], other: readonly string[]): string[] {
  const set = setOf(other);
  const longer = longerWords(base);
  return base.filter((t, i) => set.has(t) && longer[i]!.every((u) => set.has(u)));
}

// A region's statements are compared pairwise many times over (every clause of
// a commitment against every candidate outcome): the set of a term list and,
// for each term, the longer words of its own list that contain it are worked
// out once per list, not once per pair (the pair step was quadratic in the
// list's length: 41% of computeLinks on 2,000 documents).
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
const containers = new WeakMap<readonly string[], ReadonlyArray<readonly string[]>>();

function setOf(terms: readonly string[]): ReadonlySet<string> {
  let set = sets.get(terms);
  if (!set) sets.set(terms, (set = new Set(terms)));
  return set;
}

function longerWords(base: readonly string[]): ReadonlyArray<readonly string[]> {
  let out = containers.get(base);
  if (!out) containers.set(base, (out = base.map((t) => base.filter((u) => u !== t && u.includes(t)))));
  return out;
}

/**
 * An inverted index from term to the items that carry it: candidates come
 * from here, never from all pairs. Items are numbered and counted in a typed
 * array: a region's common words have postings as long as the region, and
 * counting them in a Map keyed by item was most of the link stage's own time.
 */
export class TermIndex<T extends { readonly terms: readonly string[] }> {
  private readonly postings = new Map<string, number[]>();
  private readonly counts: Uint32Array;
  private readonly sums: Float64Array;

  constructor(private readonly items: readonly T[]) {
    this.counts = new Uint32Array(items.length);
    this.sums = new Float64Array(items.length);
    items.forEach((item, i) => {
      for (const t of new Set(item.terms)) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
    });
  }

  /** Items sharing at least `minShared` terms with `terms`, in the order first met. */
  candidates(terms: readonly string[], minShared: number): T[] {
    return this.collect(terms, minShared, null).map((c) => c.item);
  }

  /** The same, each with the total weight of the distinct terms it shares with `terms`. */
  weighted(terms: readonly string[], minShared: number, weights: TermWeights): Array<{ item: T; common: number }> {
    return this.collect(terms, minShared, weights);
  }

  private collect(terms: readonly string[], minShared: number, weights: TermWeights | null): Array<{ item: T; common: number }> {
    const met: number[] = [];
    for (const t of new Set(terms)) {
      const w = weights ? weights.weight(t) : 0;
      for (const i of this.postings.get(t) ?? []) {
        if (this.counts[i]!++ === 0) met.push(i);
        this.sums[i]! += w;
      }
    }
    const out: Array<{ item: T; common: number }> = [];
    for (const i of met) {
      if (this.counts[i]! >= minShared) out.push({ item: this.items[i]!, common: this.sums[i]! });
      this.counts[i] = 0;
      this.sums[i] = 0;
    }
    return out;
  }
}
