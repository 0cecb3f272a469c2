import { foldCase } from './terms.ts';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Where any of the keys occurs in the text, as maximal runs: the pairs of
 * 公有产权村卫生室 overlap one another, and marked one by one they would cut
 * the phrase into pieces. Case-insensitive for Latin letters, as the index is.
 */
export function highlightRanges(text: string, keys: Iterable<string>): TextRange[] {
  const folded = foldCase(text);
  const marked = new Uint8Array(text.length);
  for (const key of keys) {
    if (!key) continue;
    for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) marked.fill(1, at, at + key.length);
  }
  const ranges: TextRange[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (!marked[i]) continue;
    const start = i;
    while (i < marked.length && marked[i]) i++;
    ranges.push({ start, end: i });
  }
  return ranges;
}

/** The text with the ranges in 【】, for reading in a playground. */
export function mark(text: string, ranges: readonly TextRange[]): string {
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += `${text.slice(at, r.start)}【${text.slice(r.start, r.end)}】`;
    at = r.end;
  }
  return out + text.slice(at);
}
