import { roleOfHeading } from './roles.ts';
import { progressOf, type Progress } from './lexicon/progress.ts';
import { PLAN_RHETORIC, PROBLEMS_OPEN, REVIEW_RHETORIC, rhetoricOf } from './lexicon/rhetoric.ts';
import type { Box } from './boxes.ts';
import { deepestContaining } from './containing.ts';
import { spanSet } from './span-set.ts';
import type { CleanText, Diagnostic, Section, SectionRole, Span } from './types.ts';

import type { StatementClass } from '../vocabulary.ts';
export type { StatementClass } from '../vocabulary.ts';

export interface Statement {
  readonly id: string;
  readonly class: StatementClass;
  readonly text: string;
  readonly span: Span;
  readonly sectionId: string | null;
  readonly role: SectionRole | null;
  readonly year: number | null;
  /** The last year its part speaks of (过去五年工作回顾: 2017; a “十三五” plan part: 2020); else `year`. */
  readonly yearTo: number | null;
  /** For outcomes: how far the work got, by its wording. */
  readonly progress: Progress | null;
}

// A sentence ends at a full stop, a semicolon, or a line's end — but a
// semicolon inside brackets (（两山：伏牛山、大别山；两水：…）) does not end it.
const ENDS = new Set(['。', '！', '？', '；', ';']);
// Quotes are not tracked: real documents leave them unbalanced (001: …联动机制“得到市委…).
const OPEN = new Set(['（', '(', '《']);
const CLOSE = new Set(['）', ')', '》']);
// An inline list item starting inside a sentence: `…管理率**％、三是完善了…`, `建议，一是对…`.
const INLINE_START = /(?<=[、，,])[一二三四五六七八九十]{1,2}是/g;
// A lead-in that only announces what follows: `现将全年工作总结如下：`, `2022年主要开展以下重点工作：`.
const LEAD_IN = /(如下|以下)[^。]{0,12}[：:]$/;
// A top-level heading names a part when it has a year (2023年工作谋划) or
// counts its themes (聚焦一条主线, 推动三点突破); otherwise it states work
// (一、深化医药卫生体制改革) and is a statement of its part.
const PART_LABEL = /20\d{2}年|[一二三四五六七八九十两][条项点类个大]/;
// The date line under a title: `（2022年1月）`.
const DATE_LINE = /^[（(]\s*\d{4}年(\d{1,2}月)?(\d{1,2}日)?\s*[)）]$/;
// Markers a sentence may start with; the statement text starts after them.
// A list item's marker: the statement's text starts after it (a lead's, too: leads.ts).
export const LEADING_MARKER = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|第[一二三四五六七八九十]{1,3}[，,、]|\d{1,2}[.．、](?!\d)|[①-⑳]|—{1,2})\s*/;
const MIN_CHARS = 6;
// A sentence longer than this (the longest in the seeds and the 25 corpus
// reports is 427) is no claim a reader can cite: text that lost its full
// stops and line breaks. It is read in pieces cut after a clause mark, since
// the facts of one statement cost more than linear in its length (a 1 MiB
// sentence took 7 s, a 49 MiB one would take hours).
export const MAX_SENTENCE = 2000;
const CLAUSE_MARK = /[，,、：:]/;

const CLASS_OF_ROLE: Record<SectionRole, StatementClass> = {
  PLAN: 'COMMITMENT',
  TARGETS: 'COMMITMENT',
  MEASURES: 'COMMITMENT',
  RESULTS: 'OUTCOME',
  PROBLEMS: 'PROBLEM',
  PRINCIPLES: 'BACKGROUND',
  BACKGROUND: 'BACKGROUND',
  SUGGESTIONS: 'BACKGROUND',
};

/**
 * Split a document into statements and give each the class its part implies:
 * commitments from plan parts, outcomes from result parts. Table and box
 * blocks are skipped (they become indicators and projects).
 */
export function statements(
  clean: CleanText,
  sections: readonly Section[],
  options: { documentId: string; skip?: readonly Span[]; title?: Span; diagnostics?: Diagnostic[] },
): Statement[] {
  const skip = spanSet(options.skip ?? []);
  const title = options.title;
  const headingOf = new Map(sections.map((s) => [s.headingSpan.start, s]));
  const sectionAt = deepestContaining(sections);
  const out: Statement[] = [];
  // Where the paragraph of problems being read starts (clean offset of its line), if any.
  let problemsFrom = -1;
  const long: Span[] = [];
  for (const m of sentences(clean.text, long)) {
    let start = m.start;
    let end = m.end;
    if (skip.has(start)) continue;
    const lead = LEADING_MARKER.exec(clean.text.slice(start, end));
    if (lead) start += lead[0].length;
    while (end > start && /[\s。！？；;]/.test(clean.text[end - 1]!)) end--;
    while (start < end && /\s/.test(clean.text[start]!)) start++;
    if (end - start < MIN_CHARS) continue;
    const span = clean.spanOf(start, end);
    const text = clean.text.slice(start, end);
    if (title && span.start < title.end && span.end > title.start) continue;
    if (LEAD_IN.test(clean.text.slice(start, m.end).trimEnd()) || DATE_LINE.test(text)) continue;
    const section = sectionAt(span.start);
    const heading = headingOf.get(span.start);
    // A heading that names its part (二、存在的不足; a top-level 一、聚焦一条主线) is a label, not a claim.
    if (heading && (roleOfHeading(text) !== null || (heading.level === 1 && (heading.style === 'cn' || heading.style === 'part') && PART_LABEL.test(text)))) continue;
    // A heading standing alone on its line (（一）更大力度推动全方位扩大内需) is a section: the
    // statements under it carry it as their context. A run-in lead (（一）加强组织领导。成立…)
    // is a sentence of its paragraph, and an inline item (一是…, ——…) a statement of its own.
    if (heading && standsAlone(clean.text, m, heading)) continue;
    const lineStart = m.line;
    let cls = section ? CLASS_OF_ROLE[section.role] : 'BACKGROUND';
    if (cls === 'OUTCOME' && (problemsFrom === lineStart || PROBLEMS_OPEN.test(text))) {
      // A paragraph of problems inside a review: problems until the resolve that ends it.
      problemsFrom = lineStart;
      cls = rhetoricOf(text, REVIEW_RHETORIC) ? 'BACKGROUND' : 'PROBLEM';
    } else if (cls === 'OUTCOME' && rhetoricOf(text, REVIEW_RHETORIC)) cls = 'BACKGROUND';
    else if (cls === 'COMMITMENT' && rhetoricOf(text, PLAN_RHETORIC)) cls = 'BACKGROUND';
    out.push({
      id: `${options.documentId}:t${span.start}`,
      class: cls,
      text,
      span,
      sectionId: section?.id ?? null,
      role: section?.role ?? null,
      year: section?.year ?? null,
      yearTo: section?.yearTo ?? null,
      progress: cls === 'OUTCOME' ? progressOf(text) : null,
    });
  }
  if (long.length) options.diagnostics?.push(longSentences(clean, long));
  return out;
}

/** One diagnostic for all the sentences that were cut, spanning the first. */
function longSentences(clean: CleanText, long: readonly Span[]): Diagnostic {
  const longest = long.reduce((n, r) => Math.max(n, r.end - r.start), 0);
  return {
    rule: 'sentence-too-long',
    message: `${long.length} sentence${long.length > 1 ? 's' : ''} longer than ${MAX_SENTENCE} characters (the longest ${longest}), with no full stop, semicolon or line break: read in pieces of at most ${MAX_SENTENCE}, cut after a comma where there is one.`,
    span: clean.spanOf(long[0]!.start, long[0]!.end),
    severity: 'warning',
  };
}

/** The heading's sentence is its whole line, without a full stop, and the section has text below it. */
function standsAlone(text: string, sentence: { start: number; end: number }, heading: Section): boolean {
  if (heading.style === 'inline' || heading.style === 'dash') return false;
  const lineEnd = text.indexOf('\n', sentence.end);
  const rest = text.slice(sentence.end, lineEnd === -1 ? text.length : lineEnd);
  if (rest.trim() !== '' || /[。！？!?]\s*$/.test(text.slice(sentence.start, sentence.end))) return false;
  return heading.span.end > heading.headingSpan.end;
}

/**
 * Each item line of a 专栏 box (`项目名：描述`) is a statement of the part the
 * box stands in (a commitment in a plan), its text the whole line, so that it
 * is reported on and gets a status like any other; it stays an item of its
 * project (the batch links the two).
 */
export function boxItemStatements(clean: CleanText, boxes: readonly Box[], sections: readonly Section[], documentId: string): Statement[] {
  const sectionAt = deepestContaining(sections);
  return boxes.flatMap((box) =>
    box.items.map((item): Statement => {
      const raw = clean.original.slice(item.span.start, item.span.end);
      const text = raw.trim().replace(/[。；;]+$/, '');
      const start = item.span.start + (raw.length - raw.trimStart().length);
      const section = sectionAt(start);
      const cls = section ? CLASS_OF_ROLE[section.role] : 'BACKGROUND';
      return {
        id: `${documentId}:t${start}`,
        class: cls,
        text,
        span: { start, end: start + text.length },
        sectionId: section?.id ?? null,
        role: section?.role ?? null,
        year: section?.year ?? null,
        yearTo: section?.yearTo ?? null,
        progress: cls === 'OUTCOME' ? progressOf(text) : null,
      };
    }),
  );
}

/**
 * Sentence ranges of the cleaned text, with the start of the line each is on:
 * bracket-aware, split before a mid-sentence `、三是`, and at most
 * MAX_SENTENCE long (the ranges of longer ones go to `long`).
 */
function sentences(text: string, long: Span[]): Array<{ start: number; end: number; line: number }> {
  const out: Array<{ start: number; end: number; line: number }> = [];
  let start = 0;
  let line = 0;
  let depth = 0;
  const cut = (end: number) => {
    if (end > start) {
      for (const s of splitInline(text, start, end)) {
        if (s.end - s.start > MAX_SENTENCE) long.push(s);
        for (const piece of pieces(text, s.start, s.end)) out.push({ ...piece, line });
      }
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      cut(i);
      start = i + 1;
      line = i + 1;
      depth = 0;
    } else if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ENDS.has(c)) cut(i + 1);
  }
  cut(text.length);
  return out;
}

function splitInline(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const body = text.slice(start, end);
  const at = [...body.matchAll(INLINE_START)].map((m) => start + m.index);
  const bounds = [start, ...at, end];
  return bounds.slice(0, -1).map((s, i) => ({ start: s, end: bounds[i + 1]! }));
}

/**
 * [start, end) in pieces of at most MAX_SENTENCE: each cut after the last
 * clause mark in its second half, else at the limit (never inside a
 * surrogate pair). A sentence within the limit is one piece, itself.
 */
export function pieces(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = start;
  while (end - from > MAX_SENTENCE) {
    let at = from + MAX_SENTENCE;
    while (at > from + MAX_SENTENCE / 2 && !CLAUSE_MARK.test(text[at - 1]!)) at--;
    if (at <= from + MAX_SENTENCE / 2) at = from + MAX_SENTENCE;
    if (/[\ud800-\udbff]/.test(text[at - 1]!)) at--;
    out.push({ start: from, end: at });
    from = at;
  }
  out.push({ start: from, end });
  return out;
}
