import { termsOf } from './terms.ts';

// The search index: every commitment, outcome and 专栏 project with its
// keys' postings, built once from the store and searched in memory (query.ts).
// Postings are stored as one array of entry numbers per key, all keys end to
// end (`offsets[k]…offsets[k+1]`): at 1000× the seeds a million entries hold
// some fifty million postings, which as JS arrays would take gigabytes.

export const SEARCH_KINDS = ['COMMITMENT', 'OUTCOME', 'PROJECT'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One searchable text, with what a hit shows and what the filters read. */
export interface SearchEntry {
  readonly id: string;
  readonly kind: SearchKind;
  readonly doc: string;
  /** The text searched and shown: a statement's text; a project's name and description as written. */
  readonly text: string;
  /** A project's name; null for statements. */
  readonly name: string | null;
  /** Where the text was read in its document: offsets into the original text, end exclusive, and the quote. */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  /** The region of its document (null: masked or unknown). */
  readonly region: string | null;
  /** The years it speaks for: an annual statement's year, a five-year plan's period; null when unknown. */
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
}

export interface SearchIndex {
  /** Sorted by id: an entry's number is its place in id order, which breaks ties. */
  readonly entries: readonly SearchEntry[];
  /** Each entry's length in keys (with repeats), for BM25's length discount. */
  readonly lengths: Uint32Array;
  readonly averageLength: number;
  /** What the filters read, entry by entry, in arrays: a filter is checked on every posting read, and objects are far apart in memory. */
  readonly columns: {
    readonly kinds: Uint8Array;
    /** Numbers into `names`: regions and documents. */
    readonly regions: Int32Array;
    readonly docs: Int32Array;
    readonly names: ReadonlyMap<string, number>;
    /** 0 where unknown. */
    readonly yearFrom: Int16Array;
    readonly yearTo: Int16Array;
  };
  readonly keys: ReadonlyMap<string, number>;
  readonly offsets: Int32Array;
  readonly postings: Int32Array;
  /** How often the key occurs in that entry, next to each posting (capped at 255). */
  readonly counts: Uint8Array;
}

/** A typed array that grows by doubling. */
class Growable {
  values = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.values.length) {
      const more = new Int32Array(this.values.length * 2);
      more.set(this.values);
      this.values = more;
    }
    this.values[this.length++] = v;
  }
}

/** An entry to index, with its jieba words when the store has them (termsOf segments the text otherwise). */
export type IndexInput = SearchEntry & { readonly words?: readonly string[] };

/** Texts between two slices of a build in slices (a few milliseconds of work). */
const SLICE = 2000;

export function buildIndex(input: readonly IndexInput[]): SearchIndex {
  const build = building(input);
  for (let step = build.next(); ; step = build.next()) if (step.done) return step.value;
}

/**
 * The same index, built a slice of texts at a time, letting the server answer
 * other requests in between: at 1000× the seeds the build's work in memory
 * takes some 40 s, which in one piece would hold every request that long.
 */
export async function buildIndexInSlices(input: readonly IndexInput[]): Promise<SearchIndex> {
  const build = building(input);
  for (let step = build.next(); ; step = build.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The build, pausing (yield) after each slice of texts. */
function* building(input: readonly IndexInput[]): Generator<void, SearchIndex> {
  const sorted = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The words are needed once, here: the index keeps the entries without them.
  const entries: SearchEntry[] = sorted.map(({ words: _, ...entry }) => entry);
  const keys = new Map<string, number>();
  const lengths = new Uint32Array(entries.length);
  // Pass 1: each entry's keys and counts, entry after entry.
  const ends = new Int32Array(entries.length);
  const keyOf = new Growable();
  const countOf = new Growable();
  let total = 0;
  for (const [i, item] of sorted.entries()) {
    for (const [key, count] of termsOf(item.text, item.words)) {
      let k = keys.get(key);
      if (k === undefined) keys.set(key, (k = keys.size));
      keyOf.push(k);
      countOf.push(Math.min(count, 255));
      lengths[i]! += count;
    }
    ends[i] = keyOf.length;
    total += lengths[i]!;
    if ((i + 1) % SLICE === 0) yield;
  }
  // Pass 2: turned round, key after key, entries in order within each.
  const offsets = new Int32Array(keys.size + 1);
  for (let p = 0; p < keyOf.length; p++) offsets[keyOf.values[p]! + 1]!++;
  for (let k = 0; k < keys.size; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, keys.size);
  const postings = new Int32Array(keyOf.length);
  const counts = new Uint8Array(keyOf.length);
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    for (; p < ends[i]!; p++) {
      const at = fill[keyOf.values[p]!]!++;
      postings[at] = i;
      counts[at] = countOf.values[p]!;
    }
  }
  return { entries, lengths, averageLength: entries.length ? Math.max(total / entries.length, 1) : 1, keys, offsets, postings, counts, columns: columnsOf(entries) };
}

function columnsOf(entries: readonly SearchEntry[]): SearchIndex['columns'] {
  const names = new Map<string, number>();
  const nameOf = (s: string | null) => {
    if (s === null) return -1;
    let k = names.get(s);
    if (k === undefined) names.set(s, (k = names.size));
    return k;
  };
  const n = entries.length;
  const columns = { kinds: new Uint8Array(n), regions: new Int32Array(n), docs: new Int32Array(n), names, yearFrom: new Int16Array(n), yearTo: new Int16Array(n) };
  entries.forEach((e, i) => {
    columns.kinds[i] = SEARCH_KINDS.indexOf(e.kind);
    columns.regions[i] = nameOf(e.region);
    columns.docs[i] = nameOf(e.doc);
    columns.yearFrom[i] = e.yearFrom ?? 0;
    columns.yearTo[i] = e.yearTo ?? e.yearFrom ?? 0;
  });
  return columns;
}
