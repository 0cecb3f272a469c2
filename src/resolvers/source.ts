import type { Row } from './loaders.ts';

/** `source { documentId quote start end }` from a row with doc, spanStart, spanEnd, quote. */
export function sourceOf(row: Row) {
  return { documentId: row.doc, quote: row.quote ?? '', start: row.spanStart, end: row.spanEnd };
}
