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

/** Statements in order: like locateInOrder, each where a statement can start (atStatementStart). */
export function locateStatementsInOrder(text: string, quotes: readonly string[]): Located {
  return locate(text, quotes, (span) => span.end, atStatementStart);
}

// A statement starts a line, follows punctuation, or follows its marker (1. （一） 一是 ——).
const BEFORE_STATEMENT = /[\s。；！？，、：:;!?）)\].．—]/;

/**
 * Where a statement's quote begins: the first place that can start a
 * statement, else the first place at all. `深化“放管服”改革` stands inside the
 * heading `以深化“放管服”改革为重点` before it stands as item 1 below it.
 */
function atStatementStart(text: string, quote: string, from: number): number {
  const first = text.indexOf(quote, from);
  for (let at = first; at >= 0; at = text.indexOf(quote, at + 1)) {
    const before = text[at - 1];
    if (at === 0 || BEFORE_STATEMENT.test(before!) || (before === '是' && /[一二三四五六七八九十]/.test(text[at - 2] ?? ''))) return at;
  }
  return first;
}

/**
 * Find each quote at or after the START of the previous one: in order, but two
 * entries may quote the same place (`建证、建卡率均达100％` gives two values).
 */
export function locateInOrderAllowingRepeats(text: string, quotes: readonly string[]): Located {
  return locate(text, quotes, (span) => span.start);
}

function locate(
  text: string,
  quotes: readonly string[],
  next: (span: Span) => number,
  find: (text: string, quote: string, from: number) => number = (t, q, f) => t.indexOf(q, f),
): Located {
  const spans: Span[] = [];
  let from = 0;
  for (const [index, quote] of quotes.entries()) {
    const start = quote === '' ? -1 : find(text, quote, from);
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
