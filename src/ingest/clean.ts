import type { CleanText, Span } from './types.ts';

// Word-export debris that carries no meaning. Removed, never rewritten, so
// every cleaned character still has one original position.
const DEBRIS = /\[bookmark: [^\]\n]*\]|##paid(?:begin|end)##|[\u200b-\u200d\u2060\ufeff]/g;
// Line breaks a web page's inline elements left inside a sentence (Wikisource
// texts: `达到74.4⏎\u200b⏎万亿元`, `“⏎十三五⏎”`, `（PM⏎2.5⏎）`): a line of only
// zero-width characters after a line that does not end a sentence, and breaks
// inside a short bracket or quote pair. They are not paragraphs; removed like debris.
const INLINE_BREAK = /(?<=[^\n。！？；：!?;:])\n[\u200b-\u200d\u2060\ufeff]+\n(?=[^\n])/g;
const BROKEN_PAIR = /[（(《“][^\n（(《“）)》”。]{0,30}(?:\n[^\n（(《“）)》”。]{0,30}){1,2}[）)》”]/g;
// Indentation and padding: full-width and ordinary spaces at line edges.
// Word and web pages indent with any of the Unicode spaces (U+2003 EM SPACE in 辽宁's report).
const EDGE_SPACE = /^[ \t\u3000\u00a0\u2000-\u200a\u202f\u205f]+|[ \t\u3000\u00a0\u2000-\u200a\u202f\u205f]+$/gm;

/**
 * Remove export debris, line breaks inside a sentence's inline element and
 * edge whitespace, keeping a map from cleaned offsets to original ones. Lines stay lines: table rows keep their inner tabs, and a
 * line that held only debris or spaces becomes empty rather than vanishing,
 * so structure (blank lines between blocks) survives.
 */
export function clean(original: string): CleanText {
  // Runs of kept original text, in order: [origStart, origEnd).
  const removed: Array<[number, number]> = [];
  collect(original, DEBRIS, removed);
  collect(original, INLINE_BREAK, removed);
  for (const m of original.matchAll(BROKEN_PAIR)) {
    for (let i = m[0].indexOf('\n'); i !== -1; i = m[0].indexOf('\n', i + 1)) removed.push([m.index + i, m.index + i + 1]);
  }
  collect(original, /\r(?=\n)/g, removed);
  const merged = mergeRanges(removed);

  let withoutDebris = '';
  const keptStarts: number[] = [];
  const keptOrig: number[] = [];
  let cursor = 0;
  for (const [s, e] of merged) {
    if (s > cursor) push(cursor, s);
    cursor = Math.max(cursor, e);
  }
  if (cursor < original.length) push(cursor, original.length);

  function push(s: number, e: number): void {
    keptStarts.push(withoutDebris.length);
    keptOrig.push(s);
    withoutDebris += original.slice(s, e);
  }

  // Second pass: trim line edges of the debris-free text (debris often sits
  // between an indent and the heading, so trimming must come after).
  const trimmed: Array<[number, number]> = [];
  collect(withoutDebris, EDGE_SPACE, trimmed);
  const map1 = new OffsetMap(keptStarts, keptOrig, original.length);
  const starts2: number[] = [];
  const orig2: number[] = [];
  let text = '';
  let c = 0;
  for (const [s, e] of mergeRanges(trimmed)) {
    if (s > c) keep(c, s);
    c = Math.max(c, e);
  }
  if (c < withoutDebris.length) keep(c, withoutDebris.length);

  function keep(s: number, e: number): void {
    // Split at map1's boundaries so each run maps linearly to the original.
    let i = s;
    while (i < e) {
      const runEnd = Math.min(e, map1.runEnd(i));
      starts2.push(text.length);
      orig2.push(map1.at(i));
      text += withoutDebris.slice(i, runEnd);
      i = runEnd;
    }
  }

  const map = new OffsetMap(starts2, orig2, original.length);
  return {
    original,
    text,
    toOriginal: (offset) => (offset >= text.length ? map.endAt(text.length) : map.at(offset)),
    spanOf: (start, end): Span => {
      if (end <= start) {
        const at = start >= text.length ? original.length : map.at(start);
        return { start: at, end: at };
      }
      return { start: map.at(start), end: map.at(end - 1) + 1 };
    },
  };
}

function collect(text: string, re: RegExp, into: Array<[number, number]>): void {
  for (const m of text.matchAll(re)) {
    if (m[0].length > 0) into.push([m.index, m.index + m[0].length]);
  }
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Piecewise-linear map: run k starts at clean offset starts[k] and original offset orig[k]. */
class OffsetMap {
  constructor(
    private readonly starts: number[],
    private readonly orig: number[],
    private readonly originalLength: number,
  ) {}

  private run(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  at(offset: number): number {
    if (this.starts.length === 0) return this.originalLength;
    const k = this.run(offset);
    return this.orig[k]! + (offset - this.starts[k]!);
  }

  /** Clean offset where the run containing `offset` ends. */
  runEnd(offset: number): number {
    const k = this.run(offset);
    return k + 1 < this.starts.length ? this.starts[k + 1]! : Number.POSITIVE_INFINITY;
  }

  /** Original offset just past clean offset `length - 1`. */
  endAt(length: number): number {
    return length === 0 ? (this.starts.length ? this.orig[0]! : this.originalLength) : this.at(length - 1) + 1;
  }
}
