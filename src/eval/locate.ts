// Gold annotations quote the original text instead of giving offsets (quotes
// survive edits of the rules; offsets do not). These functions turn quotes
// back into spans by searching forward, the way a reader follows the text.
import type { Span } from '../ingest/types.ts';

export type Located = { readonly ok: true; readonly spans: Span[] } | { readonly ok: false; readonly index: number; readonly quote: string };

/**
 * Find each quote at or after the end of the previous one: quotes that are in
 * document order and do not overlap (statements, quantity mentions).
 */
export function locateInOrder(text: string, quotes: readonly string[]): Located {
  return locate(text, quotes, (span) => span.end);
}

/**
 * Find each quote at or after the START of the previous one: in order, but two
 * entries may quote the same place (`建证、建卡率均达100％` gives two values).
 */
export function locateInOrderAllowingRepeats(text: string, quotes: readonly string[]): Located {
  return locate(text, quotes, (span) => span.start);
}

function locate(text: string, quotes: readonly string[], next: (span: Span) => number): Located {
  const spans: Span[] = [];
  let from = 0;
  for (const [index, quote] of quotes.entries()) {
    const start = quote === '' ? -1 : text.indexOf(quote, from);
    if (start < 0) return { ok: false, index, quote };
    const span = { start, end: start + quote.length };
    spans.push(span);
    from = next(span);
  }
  return { ok: true, spans };
}

/** Where a quote first occurs, for annotations that are not in order (institutions, projects). */
export function locateFirst(text: string, quote: string): Span | null {
  const start = quote === '' ? -1 : text.indexOf(quote);
  return start < 0 ? null : { start, end: start + quote.length };
}
