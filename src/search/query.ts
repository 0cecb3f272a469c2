import { variantsOf } from '../ingest/query.ts';
import { idf, PHRASE_BONUS, weight } from './bm25.ts';
import { highlightRanges, mark, type TextRange } from './highlight.ts';
import { SEARCH_KINDS, type SearchEntry, type SearchIndex, type SearchKind } from './index.ts';
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
  /** Whether it has Latin letters, which a text must be lower-cased to compare with. */
  readonly latin: boolean;
  /** Whether the form is a single pair (医院): a text holding it holds the form written out. */
  readonly isPair: boolean;
}

function formOf(text: string): Form {
  const keys = [...termsOf(text).keys()];
  const pairs = keys.filter(isPair).length;
  return { text: foldCase(text), keys, pairs, required: pairs ? Math.ceil(pairs / 2) : 1, latin: /[a-z]/i.test(text), isPair: isPair(text) };
}

/** The query and its other forms by the domain lexicon, each once. */
export function formsOf(query: string): string[] {
  const q = query.trim();
  return [...new Set([q, ...variantsOf(q).map((v) => v.text)])];
}

/**
 * The filter as a test of an entry's number, on the index's columns; null
 * when nothing is filtered. A name the index never saw matches nothing.
 */
function filterOf(index: SearchIndex, where: SearchFilter): ((i: number) => boolean) | null {
  const { kinds, regions, docs, names, yearFrom, yearTo } = index.columns;
  const tests: Array<(i: number) => boolean> = [];
  if (where.region) {
    const r = names.get(where.region) ?? -2;
    tests.push((i) => regions[i] === r);
  }
  if (where.documentId) {
    const d = names.get(where.documentId) ?? -2;
    tests.push((i) => docs[i] === d);
  }
  if (where.kinds?.length) {
    const allowed = where.kinds.map((k) => SEARCH_KINDS.indexOf(k));
    tests.push((i) => allowed.includes(kinds[i]!));
  }
  if (where.year !== null && where.year !== undefined) {
    const y = where.year;
    tests.push((i) => yearFrom[i] !== 0 && yearFrom[i]! <= y && y <= yearTo[i]!);
  }
  if (!tests.length) return null;
  return (i) => tests.every((t) => t(i));
}

/**
 * BM25 over the index's keys, for the query and each of its other forms; an
 * entry scores by its best form. Each form's score is divided by what a text
 * of average length holding each of its keys once would score, so a short form
 * (疾控, one pair) and its long one (疾病预防控制, five) are on one scale. A
 * form written out in the text adds PHRASE_BONUS. Best first, ties by id.
 */
export function search(index: SearchIndex, request: SearchRequest): SearchResult {
  const where = request.where ?? {};
  const forms = formsOf(request.text);
  const { best } = scratchOf(index);
  // Entries matched by any form, each once; `best` holds their score.
  const matched: number[] = [];
  const keep = (i: number, score: number) => {
    if (best[i] === 0) matched.push(i);
    if (score > best[i]!) best[i] = score;
  };
  const accepts = filterOf(index, where);
  for (const form of forms.map(formOf)) {
    if (!form.keys.length) {
      // One character, or no letters at all: nothing to look up, so look through the texts.
      index.entries.forEach((e, i) => {
        if (form.text && (!accepts || accepts(i)) && foldCase(e.text).includes(form.text)) keep(i, PHRASE_BONUS);
      });
      continue;
    }
    scoreForm(index, form, accepts, keep);
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

/**
 * One form's BM25 sums, passed to `keep` for each entry holding enough of its
 * pairs. A common pair (卫生) is in a third of a large corpus, so not every
 * list is read whole: an entry holding `required` of the form's P pairs holds
 * one of its P − required + 1 rarest (the others are too few to make up
 * `required`). Those lists are read whole and find every candidate; the other
 * keys are only looked up for the candidates, by binary search in their
 * lists (sorted by entry), or read whole when that is cheaper.
 */
function scoreForm(index: SearchIndex, form: Form, accepts: ((i: number) => boolean) | null, keep: (i: number, score: number) => void): void {
  const { sums, pairsHeld, touched } = scratchOf(index);
  const n = index.entries.length;
  const keys = form.keys
    .map((key) => {
      const k = index.keys.get(key);
      const from = k === undefined ? 0 : index.offsets[k]!;
      const to = k === undefined ? 0 : index.offsets[k + 1]!;
      return { pair: isPair(key), from, to, idf: idf(n, to - from) };
    })
    .sort((a, b) => a.to - a.from - (b.to - b.from));
  const ideal = keys.reduce((sum, k) => sum + k.idf, 0);
  // Without pairs (Latin letters, digits) any key makes a match, so every list finds candidates.
  let finders = form.pairs ? form.pairs - form.required + 1 : keys.length;
  const finding = keys.filter((k) => (form.pairs && !k.pair ? false : finders-- > 0));
  const rest = keys.filter((k) => !finding.includes(k));
  const add = (key: (typeof keys)[number], p: number, i: number) => {
    sums[i]! += weight(key.idf, index.counts[p]!, index.lengths[i]!, index.averageLength);
    if (key.pair) pairsHeld[i]!++;
  };
  let seen = 0;
  for (const key of finding) {
    for (let p = key.from; p < key.to; p++) {
      const i = index.postings[p]!;
      if (sums[i] === 0) {
        // An entry the filter refuses is never a candidate: its sums stay 0.
        if (accepts && !accepts(i)) continue;
        touched[seen++] = i;
      }
      add(key, p, i);
    }
  }
  for (const key of rest) {
    if (seen * Math.log2(key.to - key.from + 1) < key.to - key.from) {
      for (let t = 0; t < seen; t++) {
        const i = touched[t]!;
        const p = positionIn(index.postings, key.from, key.to, i);
        if (p >= 0) add(key, p, i);
      }
    } else {
      for (let p = key.from; p < key.to; p++) {
        const i = index.postings[p]!;
        if (sums[i] !== 0) add(key, p, i);
      }
    }
  }
  for (let t = 0; t < seen; t++) {
    const i = touched[t]!;
    const held = form.pairs ? pairsHeld[i]! : 1;
    const sum = sums[i]!;
    sums[i] = 0;
    pairsHeld[i] = 0;
    if (held < form.required) continue;
    // Holding every pair is what writing the form out needs; only then look.
    const whole = held === (form.pairs || 1) && (form.isPair || holds(index.entries[i]!.text, form));
    keep(i, sum / ideal + (whole ? PHRASE_BONUS : 0));
  }
}

const holds = (text: string, form: Form): boolean => (form.latin ? foldCase(text) : text).includes(form.text);

/** Where entry `i` is in postings[from, to), sorted ascending; −1 if it is not. */
function positionIn(postings: Int32Array, from: number, to: number, i: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = postings[mid]!;
    if (v === i) return mid;
    if (v < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
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
