import { CIRCLED_CLASS, CN_NUM, chineseNumber, circledNumber } from './numerals.ts';
import { spanSet, type SpanSet } from './span-set.ts';
import { defaultRole, defaultYear, isPlainPartHeading, kindOfRole, reportYearOf, reviewedPlanPeriod, roleOfHeading, yearsOfHeading, type YearRange } from './roles.ts';
import type { CleanText, Description, Diagnostic, NumberingStyle, Section, SectionRole, Span } from './types.ts';

interface Marker {
  readonly style: NumberingStyle;
  readonly number: string;
  readonly ordinal: number | null;
}

// Line-start markers. Each regex matches the marker only; the heading follows.
const LINE_MARKERS: ReadonlyArray<readonly [NumberingStyle, RegExp, (m: RegExpExecArray) => number | null]> = [
  ['part', /^(?:第([一二三四五六七八九十]{1,3})部分|附件\s*(\d{0,2}))[：:、\s]?/, (m) => (m[1] ? chineseNumber(m[1]) : m[2] ? Number(m[2]) : null)],
  ['cn', new RegExp(`^(${CN_NUM})[、．.]`), (m) => chineseNumber(m[1]!)],
  ['paren-cn', new RegExp(`^[（(](${CN_NUM})[）)]`), (m) => chineseNumber(m[1]!)],
  ['ordinal', new RegExp(`^第(${CN_NUM})[，,、：:]`), (m) => chineseNumber(m[1]!)],
  // `1.` / `1、` but not `2.56万` or `2022年`.
  ['arabic', /^(\d{1,2})(?:[.．](?!\d)|、)/, (m) => Number(m[1])],
  ['paren-arabic', /^[（(](\d{1,2})[）)]/, (m) => Number(m[1])],
  ['circled', new RegExp(`^(${CIRCLED_CLASS})`), (m) => circledNumber(m[1]!)],
  ['dash', /^—{1,2}(?=\S)/, () => null],
];

// `一是…二是…` inside a paragraph, after a sentence or clause boundary (not 但是/而是).
const INLINE_ITEM = new RegExp(`(?<=^|[。；;：:！？，、\\n])(${CN_NUM})是`, 'g');

const HEADING_END = /[。；;：:！？]/;
const MAX_HEADING = 60;
// A heading with no full stop for a long while ends at its first comma instead.
const LONG_HEADING = 30;

function headingLength(rest: string): number {
  const stop = rest.search(HEADING_END);
  const length = stop === -1 ? rest.length : stop;
  if (length <= LONG_HEADING) return length;
  const comma = rest.slice(4, length).search(/[，,]/);
  return comma === -1 ? Math.min(length, MAX_HEADING) : comma + 4;
}

interface Draft {
  parent: Draft | null;
  style: NumberingStyle;
  number: string;
  ordinal: number | null;
  /** Cleaned offsets. */
  start: number;
  headingStart: number;
  headingEnd: number;
  end: number;
  /** Where this section's own text (after the heading) ends: the next line marker. */
  bodyEnd: number;
  heading: string;
  ownRole: SectionRole | null;
  ownYears: YearRange | null;
}

export interface Outline {
  readonly sections: readonly Section[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface OutlineOptions {
  readonly documentId: string;
  /** Cleaned-text ranges owned by tables and boxes: their lines are not headings. */
  readonly skip?: readonly Span[];
}

/**
 * The section tree. Nesting follows the order styles are first met, not a
 * fixed rank: a style already open on the stack closes everything below it
 * (a sibling), a new style opens a child. So skipped levels (一、 then 1.) and
 * unusual orders (（一） above 一、) still give a sensible tree.
 */
export function outline(clean: CleanText, description: Description, options: OutlineOptions): Outline {
  const text = clean.text;
  const skip = spanSet(options.skip ?? []);
  const reportYear = reportYearOf(description);
  const drafts: Draft[] = [];
  const stack: Draft[] = [];
  const diagnostics: Diagnostic[] = [];

  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line || skip.has(lineStart)) continue;
    // The title is no part of the body (2022年工作总结及2023年工作谋划 reads like a part heading).
    const at = clean.toOriginal(lineStart);
    if (at >= description.titleSpan.start && at < description.titleSpan.end) continue;
    const found = matchMarker(line);
    if (!found) continue;
    const { marker, length } = found;
    const open = stack.findIndex((d) => d.style === marker.style);
    if (open !== -1) stack.length = open;
    // 第一部分, 附件1 are always outermost, whatever numbering came before them.
    if (marker.style === 'part') stack.length = 0;
    // A dash bullet (——经济运行持续向好。…) is a leaf: it never holds the numbered parts after it.
    if (marker.style !== 'dash') while (stack.at(-1)?.style === 'dash') stack.pop();
    const h = headingOf(line, length);
    const heading = line.slice(length + h.start, length + h.end);
    const draft: Draft = {
      parent: stack.at(-1) ?? null,
      style: marker.style,
      number: marker.number,
      ordinal: marker.ordinal,
      start: lineStart,
      headingStart: lineStart + length + h.start,
      headingEnd: lineStart + length + h.end,
      end: text.length,
      bodyEnd: text.length,
      heading,
      ownRole: roleOfHeading(heading),
      ownYears: yearsOfHeading(heading, reportYear),
    };
    drafts.push(draft);
    stack.push(draft);
  }

  closeSpans(drafts, text);
  addInlineItems(drafts, text, skip);
  drafts.sort((a, b) => a.start - b.start || (a.style === 'inline' ? 1 : 0) - (b.style === 'inline' ? 1 : 0));
  // Not push(...): a long document's diagnostics outnumber the arguments a call can take.
  for (const d of numberingDiagnostics(drafts, clean)) diagnostics.push(d);

  const sections = resolve(drafts, clean, description, options.documentId);
  return { sections, diagnostics };
}

function matchMarker(line: string): { marker: Marker; length: number } | null {
  for (const [style, re, ordinal] of LINE_MARKERS) {
    const m = re.exec(line);
    if (!m) continue;
    // A dash line is a bullet only when text follows; `1.` alone on a line is not a heading; `附件1` is.
    if (m[0].length >= line.length && !(style === 'part' && line.startsWith('附件'))) continue;
    return { marker: { style, number: m[0].replace(/[：:\s，,]$/, ''), ordinal: ordinal(m) }, length: m[0].length };
  }
  // A part heading without a number (2024年工作回顾, 重点任务) standing alone on its line.
  if (isPlainPartHeading(line)) return { marker: { style: 'plain', number: '', ordinal: null }, length: 0 };
  return null;
}

/** The heading is the first clause after the marker: up to 。/：/； or the line's end, capped. */
function headingOf(line: string, markerLength: number): { start: number; end: number } {
  const rest = line.slice(markerLength);
  const lead = rest.length - rest.trimStart().length;
  return { start: lead, end: lead + headingLength(rest.slice(lead)) };
}

/** A section runs until the next section that is not its descendant; its own body until the next marker. */
function closeSpans(drafts: Draft[], text: string): void {
  const depth = (d: Draft): number => (d.parent ? depth(d.parent) + 1 : 0);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const next = drafts[i + 1];
    d.bodyEnd = trimEnd(text, next ? next.start : text.length);
    const myDepth = depth(d);
    let j = i + 1;
    while (j < drafts.length && depth(drafts[j]!) > myDepth) j++;
    d.end = trimEnd(text, j < drafts.length ? drafts[j]!.start : text.length);
  }
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** `一是…二是…` items inside each section's own body become its children. */
function addInlineItems(drafts: Draft[], text: string, skip: SpanSet): void {
  for (const d of [...drafts]) addInlineIn(drafts, text, d.headingEnd, d.bodyEnd, d, skip);
  // Text before the first heading (a preamble) can hold items too.
  const first = drafts[0];
  if (first === undefined) addInlineIn(drafts, text, 0, trimEnd(text, text.length), null, skip);
}

function addInlineIn(drafts: Draft[], text: string, from: number, to: number, parent: Draft | null, skip: SpanSet): void {
  const body = text.slice(from, to);
  const items: Array<{ at: number; number: string; ordinal: number | null }> = [];
  for (const m of body.matchAll(INLINE_ITEM)) {
    const at = from + m.index;
    if (skip.has(at)) continue;
    items.push({ at, number: m[0], ordinal: chineseNumber(m[1]!) });
  }
  // A lone 一是 is not a list; a list needs at least two items.
  if (items.length < 2) return;
  items.forEach((item, k) => {
    const end = trimEnd(text, k + 1 < items.length ? items[k + 1]!.at : to);
    const headStart = item.at + item.number.length;
    const headEnd = headStart + headingLength(text.slice(headStart, end));
    const heading = text.slice(headStart, headEnd);
    drafts.push({
      parent,
      style: 'inline',
      number: item.number,
      ordinal: item.ordinal,
      start: item.at,
      headingStart: headStart,
      headingEnd: headEnd,
      end,
      bodyEnd: end,
      heading,
      // An item's words (一是做好…总结) say what it does, not what its part is.
      ownRole: null,
      ownYears: null,
    });
  });
}

/** Gaps and repeats in a numbered run (一是 then 三是; two （四） in a row) are reported, not fixed. */
function numberingDiagnostics(drafts: readonly Draft[], clean: CleanText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lastChild = new Map<string, Draft>();
  for (const d of drafts) {
    if (d.ordinal === null) continue;
    const key = `${d.parent ? d.parent.start : -1}:${d.style}`;
    const prev = lastChild.get(key);
    const expected = prev?.ordinal != null ? prev.ordinal + 1 : 1;
    if (d.ordinal === expected - 1 && prev) {
      out.push(diag('numbering-repeat', `Numbering repeats: ${d.number} follows ${prev.number}.`, clean.spanOf(d.start, d.headingEnd)));
    } else if (d.ordinal !== expected) {
      const what = prev ? `${d.number} follows ${prev.number}` : `${d.number} is the first of its list`;
      out.push(diag('numbering-gap', `Numbering skips: ${what}.`, clean.spanOf(d.start, d.headingEnd)));
    }
    lastChild.set(key, d);
  }
  return out;
}

function diag(rule: string, message: string, span: Span): Diagnostic {
  return { rule, message, span, severity: 'warning' };
}

/** Give drafts ids, levels, original spans, and roles/years inherited down the tree. */
function resolve(drafts: readonly Draft[], clean: CleanText, description: Description, documentId: string): Section[] {
  const made = new Map<Draft, Section>();
  let previousTop: Section | null = null;
  const reportYear = reportYearOf(description);
  return drafts.map((d) => {
    const parent = d.parent ? made.get(d.parent) ?? null : null;
    const role: SectionRole = reportRole(d.ownRole ?? parent?.role ?? topLevelRole(description, previousTop), description, !parent);
    const inherited = parent && parent.role === role ? parent : null;
    const headingSpan = clean.spanOf(d.headingStart, d.headingEnd);
    const years = !parent && role === 'RESULTS' && reportYear !== null ? widenReview(d, clean.text, reportYear) : d.ownYears;
    const year = years?.from ?? inherited?.year ?? defaultYear(role, description);
    const yearTo = years?.to ?? inherited?.yearTo ?? year;
    const section: Section = {
      id: `${documentId}:s${clean.toOriginal(d.start)}`,
      parentId: parent?.id ?? null,
      level: parent ? parent.level + 1 : 1,
      style: d.style,
      number: d.number,
      ordinal: d.ordinal,
      heading: d.heading,
      headingSpan,
      span: clean.spanOf(d.start, d.end),
      role,
      year,
      yearTo,
      kind: kindOfRole(role),
    };
    made.set(d, section);
    if (!parent) previousTop = section;
    return section;
  });
}

/** A report's review of the year before it: of the five years before, when it reviews the plan just ended. */
function widenReview(d: Draft, text: string, reportYear: number): YearRange | null {
  const single = d.ownYears === null || (d.ownYears.from === d.ownYears.to && d.ownYears.from === reportYear - 1);
  return (single && reviewedPlanPeriod(reportYear, text.slice(d.start, d.end))) || d.ownYears;
}

/**
 * The role of a top-level part whose heading does not say. A government work
 * report gives its review first and plans after it: its first part reviews,
 * any part after that plans (三、把改革开放扎实推向纵深, 三、努力建设人民满意政府).
 */
function topLevelRole(description: Description, previousTop: Section | null): SectionRole {
  if (description.kind === 'WORK_REPORT' && previousTop) return 'PLAN';
  return defaultRole(description);
}

/**
 * A report's top-level part on this year's 总体要求 (二、2025年工作总体要求)
 * sets the year's requirements and targets: a plan part. Its guiding-thought
 * sentences are background all the same (lexicon/rhetoric.ts).
 */
function reportRole(role: SectionRole, description: Description, topLevel: boolean): SectionRole {
  return description.kind === 'WORK_REPORT' && topLevel && role === 'PRINCIPLES' ? 'TARGETS' : role;
}
