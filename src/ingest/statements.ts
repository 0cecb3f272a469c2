import { roleOfHeading } from './roles.ts';
import { progressOf, type Progress } from './lexicon/progress.ts';
import type { CleanText, Section, SectionRole, Span } from './types.ts';

export type StatementClass = 'COMMITMENT' | 'OUTCOME' | 'PROBLEM' | 'BACKGROUND';

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

// A sentence ends at a full stop, a semicolon, or a line's end.
const SENTENCE = /[^。！？；;\n]+[。！？；;]?/g;
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
export function statements(clean: CleanText, sections: readonly Section[], options: { documentId: string; skip?: readonly Span[] }): Statement[] {
  const skip = options.skip ?? [];
  const headings = new Set(sections.map((s) => `${s.headingSpan.start}`));
  const out: Statement[] = [];
  for (const m of clean.text.matchAll(SENTENCE)) {
    let start = m.index;
    let end = m.index + m[0].length;
    if (skip.some((r) => start >= r.start && start < r.end)) continue;
    const lead = LEADING_MARKER.exec(clean.text.slice(start, end));
    if (lead) start += lead[0].length;
    while (end > start && /[\s。！？；;]/.test(clean.text[end - 1]!)) end--;
    while (start < end && /\s/.test(clean.text[start]!)) start++;
    if (end - start < MIN_CHARS) continue;
    const span = clean.spanOf(start, end);
    const text = clean.text.slice(start, end);
    const section = deepestContaining(sections, span.start);
    // A heading that names its part (二、存在的不足) is a label, not a claim.
    if (headings.has(`${span.start}`) && roleOfHeading(text) !== null) continue;
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

function deepestContaining(sections: readonly Section[], offset: number): Section | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.span.start <= offset && offset < Math.max(s.span.end, s.span.start + 1) && (!best || s.level >= best.level)) best = s;
  }
  return best;
}
