// A term index per part of a region's statements (per document, per year),
// for searches that may only match some parts: a commitment is continued only
// by another document's commitments, reported on only by outcomes of certain
// years. One index over all of them found every candidate first and dropped
// the wrong parts after, so one long document was compared with itself: a
// 2 MiB plan alone took 34 s to link (quadratic in its commitments) and
// found nothing. Searching only the parts that may match finds the same
// candidates, each with the same shared weight (the terms are still summed
// in the query's order), so the links are the same.
import { TermIndex, type TermWeights } from './similarity.ts';

export class PartIndex<T extends { readonly terms: readonly string[] }, K> {
  private readonly parts = new Map<K, TermIndex<T>>();

  constructor(items: readonly T[], partOf: (item: T) => K) {
    const grouped = new Map<K, T[]>();
    for (const item of items) {
      const key = partOf(item);
      const list = grouped.get(key);
      if (list) list.push(item);
      else grouped.set(key, [item]);
    }
    for (const [key, list] of grouped) this.parts.set(key, new TermIndex(list));
  }

  /** TermIndex.candidates over the parts whose key passes `take`. */
  candidates(terms: readonly string[], minShared: number, take: (key: K) => boolean): T[] {
    const out: T[] = [];
    for (const [key, index] of this.parts) if (take(key)) for (const item of index.candidates(terms, minShared)) out.push(item);
    return out;
  }

  /** TermIndex.weighted over the parts whose key passes `take`. */
  weighted(terms: readonly string[], minShared: number, weights: TermWeights, take: (key: K) => boolean): Array<{ item: T; common: number }> {
    const out: Array<{ item: T; common: number }> = [];
    for (const [key, index] of this.parts) if (take(key)) for (const found of index.weighted(terms, minShared, weights)) out.push(found);
    return out;
  }
}
