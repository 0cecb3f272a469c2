import { variantsOf } from '../ingest/query.ts';
import { idf, PHRASE_BONUS, weight } from './bm25.ts';
import { highlightRanges, mark, type TextRange } from './highlight.ts';
import type { SearchEntry, SearchIndex, SearchKind } from './index.ts';
import { firstOf } from './top.ts';
import { foldCase, isPair, termsOf } from './terms.ts';

export interface SearchFilter {
  readonly region?: string | null;
  /** Entries that speak for this year (yearFrom ≤ year ≤ yearTo). */
  readonly year?: number | null;
  readonly kinds?: readonly SearchKind[] | null;
  readonly documentId?: string | null;
}

export interface SearchRequest {
  readonly text: string;
  readonly where?: SearchFilter;
  readonly skip: number;
  readonly limit: number;
}

export interface Hit {
  readonly entry: SearchEntry;
  /** The number in the entry's place in id order, which breaks ties. */
  readonly rank: number;
  readonly score: number;
  readonly highlights: readonly TextRange[];
  readonly highlighted: string;
}

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly Hit[];
  /** The forms looked for: the query and its other forms by the lexicon (疾控 → 疾病预防控制). */
  readonly forms: readonly string[];
}

/** A form of the query, with its keys and what a text needs of them to count as a match. */
interface Form {
  readonly text: string;
  readonly keys: readonly string[];
  readonly pairs: number;
  /** Distinct pairs an entry must hold: half the form's (partial words match; one stray pair does not). */
  readonly required: number;
}

function formOf(text: string): Form {
  const keys = [...termsOf(text).keys()];
  const pairs = keys.filter(isPair).length;
  return { text: foldCase(text), keys, pairs, required: pairs ? Math.ceil(pairs / 2) : 1 };
}

/** The query and its other forms by the domain lexicon, each once. */
export function formsOf(query: string): string[] {
  const q = query.trim();
  return [...new Set([q, ...variantsOf(q).map((v) => v.text)])];
}

const accepts = (where: SearchFilter, e: SearchEntry): boolean =>
  (!where.region || e.region === where.region) &&
  (!where.documentId || e.doc === where.documentId) &&
  (!where.kinds?.length || where.kinds.includes(e.kind)) &&
  (where.year === null || where.year === undefined || (e.yearFrom !== null && e.yearFrom <= where.year && where.year <= (e.yearTo ?? e.yearFrom)));

/**
 * BM25 over the index's keys, for the query and each of its other forms; an
 * entry scores by its best form. Each form's score is divided by what a text
 * of average length holding each of its keys once would score, so a short form
 * (疾控, one pair) and its long one (疾病预防控制, five) are on one scale. A
 * form written out in the text adds PHRASE_BONUS. Best first, ties by id.
 */
export function search(index: SearchIndex, request: SearchRequest): SearchResult {
  const where = request.where ?? {};
  const n = index.entries.length;
  const forms = formsOf(request.text);
  const { sums, pairsHeld, best, touched } = scratchOf(index);
  // Entries matched by any form, each once; `best` holds their score.
  const matched: number[] = [];
  const keep = (i: number, score: number) => {
    if (best[i] === 0) matched.push(i);
    if (score > best[i]!) best[i] = score;
  };
  for (const form of forms.map(formOf)) {
    if (!form.keys.length) {
      // One character, or no letters at all: nothing to look up, so look through the texts.
      index.entries.forEach((e, i) => {
        if (form.text && accepts(where, e) && foldCase(e.text).includes(form.text)) keep(i, PHRASE_BONUS);
      });
      continue;
    }
    let ideal = 0;
    let seen = 0;
    for (const key of form.keys) {
      const k = index.keys.get(key);
      const from = k === undefined ? 0 : index.offsets[k]!;
      const to = k === undefined ? 0 : index.offsets[k + 1]!;
      const keyIdf = idf(n, to - from);
      ideal += keyIdf;
      const pair = isPair(key);
      for (let p = from; p < to; p++) {
        const i = index.postings[p]!;
        if (sums[i] === 0) touched[seen++] = i;
        sums[i]! += weight(keyIdf, index.counts[p]!, index.lengths[i]!, index.averageLength);
        if (pair) pairsHeld[i]!++;
      }
    }
    for (let t = 0; t < seen; t++) {
      const i = touched[t]!;
      const held = form.pairs ? pairsHeld[i]! : 1;
      const sum = sums[i]!;
      sums[i] = 0;
      pairsHeld[i] = 0;
      if (held < form.required || !accepts(where, index.entries[i]!)) continue;
      // Holding every pair is what writing the form out needs; only then look.
      const whole = held === (form.pairs || 1) && foldCase(index.entries[i]!.text).includes(form.text);
      keep(i, sum / ideal + (whole ? PHRASE_BONUS : 0));
    }
  }
  const before = (a: number, b: number) => best[a]! > best[b]! || (best[a] === best[b] && a < b);
  const page = firstOf(matched, request.skip + request.limit, before).slice(request.skip);
  const scores = new Map(page.map((i) => [i, best[i]!]));
  for (const i of matched) best[i] = 0;
  const marks = new Set(forms.flatMap((f) => [foldCase(f), ...termsOf(f).keys()]));
  return {
    total: matched.length,
    forms,
    hits: page.map((i) => {
      const entry = index.entries[i]!;
      const highlights = highlightRanges(entry.text, marks);
      return { entry, rank: i, score: Math.round(scores.get(i)! * 1000) / 1000, highlights, highlighted: mark(entry.text, highlights) };
    }),
  };
}

interface Scratch {
  readonly sums: Float64Array;
  readonly pairsHeld: Uint16Array;
  readonly best: Float64Array;
  readonly touched: Int32Array;
}

// One set of per-entry counters for each index, left all zero after each
// search: allocating and clearing a million of them per query would cost more
// than the search. A search runs to its end without awaiting, so none overlap.
const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchOf(index: SearchIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.entries.length;
    s = { sums: new Float64Array(n), pairsHeld: new Uint16Array(n), best: new Float64Array(n), touched: new Int32Array(n) };
    scratches.set(index, s);
  }
  return s;
}
