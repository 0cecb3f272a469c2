import { roleOfHeading } from './roles.ts';
import { progressOf, type Progress } from './lexicon/progress.ts';
import type { CleanText, Section, SectionRole, Span } from './types.ts';

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
const LEADING_MARKER = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|第[一二三四五六七八九十]{1,3}[，,、]|\d{1,2}[.．、](?!\d)|[①-⑳]|—{1,2})\s*/;
const MIN_CHARS = 6;

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
  options: { documentId: string; skip?: readonly Span[]; title?: Span },
): Statement[] {
  const skip = options.skip ?? [];
  const title = options.title;
  const headingOf = new Map(sections.map((s) => [s.headingSpan.start, s]));
  const out: Statement[] = [];
  for (const m of sentences(clean.text)) {
    let start = m.start;
    let end = m.end;
    if (skip.some((r) => start >= r.start && start < r.end)) continue;
    const lead = LEADING_MARKER.exec(clean.text.slice(start, end));
    if (lead) start += lead[0].length;
    while (end > start && /[\s。！？；;]/.test(clean.text[end - 1]!)) end--;
    while (start < end && /\s/.test(clean.text[start]!)) start++;
    if (end - start < MIN_CHARS) continue;
    const span = clean.spanOf(start, end);
    const text = clean.text.slice(start, end);
    if (title && span.start < title.end && span.end > title.start) continue;
    if (LEAD_IN.test(clean.text.slice(start, m.end).trimEnd()) || DATE_LINE.test(text)) continue;
    const section = deepestContaining(sections, span.start);
    const heading = headingOf.get(span.start);
    // A heading that names its part (二、存在的不足; a top-level 一、聚焦一条主线) is a label, not a claim.
    if (heading && (roleOfHeading(text) !== null || (heading.level === 1 && (heading.style === 'cn' || heading.style === 'part') && PART_LABEL.test(text)))) continue;
    const cls = section ? CLASS_OF_ROLE[section.role] : 'BACKGROUND';
    out.push({
      id: `${options.documentId}:t${span.start}`,
      class: cls,
      text,
      span,
      sectionId: section?.id ?? null,
      role: section?.role ?? null,
      year: section?.year ?? null,
      progress: cls === 'OUTCOME' ? progressOf(text) : null,
    });
  }
  return out;
}

/** Sentence ranges of the cleaned text: bracket-aware, and split before a mid-sentence `、三是`. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  let depth = 0;
  const cut = (end: number) => {
    if (end > start) out.push(...splitInline(text, start, end));
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      cut(i);
      start = i + 1;
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

function deepestContaining(sections: readonly Section[], offset: number): Section | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.span.start <= offset && offset < Math.max(s.span.end, s.span.start + 1) && (!best || s.level >= best.level)) best = s;
  }
  return best;
}
