// One statement's text as the fact readers see it: a half-width copy for
// digits (same length, so offsets hold), its tokens, the ranges that are
// titles (《…》) or short quoted names (“平安医院”), and the way back to
// original offsets.

import { toHalfWidth } from '../quantities.ts';
import type { Span } from '../types.ts';
import { tokenize, type Token } from './segment.ts';

/** Offsets within the statement text; end exclusive. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface StatementText {
  readonly text: string;
  /** `text` with full-width digits, point, percent and signs as ASCII, one for one. */
  readonly half: string;
  /** The statement's original offset: `text[i]` is original `base + i`. */
  readonly base: number;
  tokens(): readonly Token[];
  /** Inside 《…》: a title of a law, plan or notice, whose numbers and names are its own. */
  inTitle(at: number): boolean;
  /** Inside a short quotation (`“平安医院”创建`, `城市“四所医院”`): a campaign's or a group's name, not one institution. */
  inShortQuote(at: number): boolean;
  /** Original span of a local range. */
  spanOf(range: Range): Span;
}

// A quotation longer than this is speech or a long name, not a slogan.
const SHORT_QUOTE = 14;

export function statementText(text: string, span: Span): StatementText {
  let tokens: Token[] | null = null;
  const titles = pairs(text, '《', '》', Infinity);
  const quotes = [...pairs(text, '“', '”', SHORT_QUOTE), ...pairs(text, '"', '"', SHORT_QUOTE)];
  const within = (ranges: Range[], at: number): boolean => ranges.some((r) => r.start < at && at < r.end);
  return {
    text,
    half: toHalfWidth(text),
    base: span.start,
    tokens: () => (tokens ??= tokenize(text)),
    inTitle: (at) => within(titles, at),
    inShortQuote: (at) => within(quotes, at),
    spanOf: (range) => ({ start: span.start + range.start, end: span.start + range.end }),
  };
}

/** Ranges from an opening mark to its closing mark (marks included), at most `maxInner` characters inside. */
function pairs(text: string, open: string, close: string, maxInner: number): Range[] {
  const out: Range[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start < 0) return out;
    const end = text.indexOf(close, start + 1);
    if (end < 0) return out;
    if (end - start - 1 <= maxInner) out.push({ start, end: end + 1 });
    from = end + 1;
  }
}

/** True when [a.start, a.end) and [b.start, b.end) share a character. */
export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

export const HAN = /\p{Script=Han}/u;
