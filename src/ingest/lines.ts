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

export function linesOf(clean: CleanText): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text of clean.text.split('\n')) {
    out.push({ start, end: start + text.length, text, tabbed: strippedPrefix(clean, start).includes('\t') });
    start += text.length + 1;
  }
  return out;
}

// What the original line held before the line's first cleaned character (or
// before its newline, for a line that cleaned to nothing).
function strippedPrefix(clean: CleanText, start: number): string {
  if (start >= clean.text.length) return '';
  const at = clean.toOriginal(start);
  const lineStart = clean.original.lastIndexOf('\n', at - 1) + 1;
  return clean.original.slice(lineStart, at);
}
