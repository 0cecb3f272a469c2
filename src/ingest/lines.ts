// Cleaned text as lines, each remembering whether the cleaner stripped a tab
// from its start. In a Word export a leading tab opens a table cell, so that
// one bit tells an empty cell from a blank line and a new cell from a cell
// that wrapped onto a second line — distinctions the cleaned text alone loses.

import type { CleanText } from './types.ts';

export interface Line {
  /** Cleaned offset of the first character. */
  readonly start: number;
  /** Cleaned offset just past the last character (the `\n` is not part of the line). */
  readonly end: number;
  readonly text: string;
  /** The original line began with whitespace holding a tab, which the cleaner removed. */
  readonly tabbed: boolean;
}

/** A line of a text: its offsets (the `\n` not included) and its text. */
export type PlainLine = Omit<Line, 'tabbed'>;

export function splitLines(text: string): PlainLine[] {
  const out: PlainLine[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    out.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return out;
}

export function linesOf(clean: CleanText): Line[] {
  return splitLines(clean.text).map((l) => ({ ...l, tabbed: strippedPrefix(clean, l.start).includes('\t') }));
}

// What the original line held before the line's first cleaned character (or
// before its newline, for a line that cleaned to nothing).
function strippedPrefix(clean: CleanText, start: number): string {
  if (start >= clean.text.length) return '';
  const at = clean.toOriginal(start);
  const lineStart = clean.original.lastIndexOf('\n', at - 1) + 1;
  return clean.original.slice(lineStart, at);
}
