// The kind of a document and the years it speaks for, from its title, its dated top-level headings and its first paragraph.
import { openingOf, type FrontMatter } from '../front.ts';
import type { CleanText, Diagnostic, DocumentKind, Span } from '../types.ts';
import { PLAN_DOCUMENT_WORD, PLAN_WORD, SUMMARY_WORD } from '../lexicon/description.ts';
import { isPlainPartHeading, kindOfRole, reviewedPlanPeriod, roleOfHeading, yearsOfHeading, type YearRange } from '../roles.ts';
import type { PlainLine as Line } from '../lines.ts';
import { diagnostic, range, sortedYears } from './util.ts';

export interface Timing {
  readonly kind: DocumentKind;
  readonly years: readonly number[];
  readonly period: { readonly from: number; readonly to: number } | null;
  readonly baselineYear: number | null;
}

export interface TimingContext {
  readonly clean: CleanText;
  readonly lines: readonly Line[];
  readonly title: string;
  readonly titleSpan: Span;
  readonly front: FrontMatter;
  readonly diagnostics: Diagnostic[];
}

type Role = 'summary' | 'plan';

interface Part {
  readonly role: Role;
  readonly year: number | null;
}

export function timingOf(ctx: TimingContext): Timing {
  if (isWorkReport(ctx)) return workReportTiming(ctx);
  const five = fiveYearPeriod(ctx);
  if (five) {
    const years = range(five.from, five.to);
    return { kind: 'FIVE_YEAR_PLAN', years, period: five, baselineYear: baselineOf(ctx.clean.text, five.from) };
  }
  const titleYears = yearTokens(ctx.title, ctx);
  const fromTitle = titleParts(ctx.title, titleYears);
  const fromHeadings = headingParts(ctx);
  const kind = annualKind(fromTitle, fromHeadings);
  if (kind === 'OTHER') return { kind, years: sortedYears(titleYears.map((t) => t.year)), period: null, baselineYear: null };
  const lead = leadYear(ctx.lines);
  const summaryYears = kind === 'ANNUAL_PLAN' ? [] : partYears('summary', fromTitle, fromHeadings, lead);
  const planYears = kind === 'ANNUAL_SUMMARY' ? [] : partYears('plan', fromTitle, fromHeadings, kind === 'ANNUAL_PLAN' ? lead : null);
  if ((kind !== 'ANNUAL_PLAN' && summaryYears.length === 0) || (kind !== 'ANNUAL_SUMMARY' && planYears.length === 0)) {
    ctx.diagnostics.push(diagnostic('year-missing', `a ${kind} without a year for each part`, ctx.titleSpan, 'warning'));
  }
  const spoken = kind === 'ANNUAL_SUMMARY' ? summaryYears : planYears;
  const period = spoken.length ? { from: Math.min(...spoken), to: Math.max(...spoken) } : null;
  return { kind, years: sortedYears([...summaryYears, ...planYears]), period, baselineYear: null };
}

/** SUMMARY_AND_PLAN also when the title names one part and a top-level heading a dated part of the other kind. */
function annualKind(title: readonly Part[], headings: readonly Part[]): DocumentKind {
  const has = (parts: readonly Part[], role: Role): boolean => parts.some((p) => p.role === role);
  const summary = has(title, 'summary');
  const plan = has(title, 'plan');
  if (summary && plan) return 'SUMMARY_AND_PLAN';
  if (summary) return has(headings, 'plan') ? 'SUMMARY_AND_PLAN' : 'ANNUAL_SUMMARY';
  if (plan) return has(headings, 'summary') ? 'SUMMARY_AND_PLAN' : 'ANNUAL_PLAN';
  if (has(headings, 'summary') && has(headings, 'plan')) return 'SUMMARY_AND_PLAN';
  if (has(headings, 'plan')) return 'ANNUAL_PLAN';
  if (has(headings, 'summary')) return 'ANNUAL_SUMMARY';
  return 'OTHER';
}

/** Years of one role: the title's, else the headings', else the year that opens the body. */
function partYears(role: Role, title: readonly Part[], headings: readonly Part[], lead: number | null): number[] {
  for (const parts of [title, headings]) {
    const years = parts.filter((p) => p.role === role && p.year !== null).map((p) => p.year!);
    if (years.length) return sortedYears(years);
  }
  return lead === null ? [] : [lead];
}

/**
 * The title read year by year: `2022年工作总结及2023年工作谋划` is a 2022
 * summary and a 2023 plan. A segment naming both (`2022年工作总结和计划`)
 * dates only the summary; the plan's year must come from elsewhere.
 */
function titleParts(title: string, tokens: readonly YearToken[]): Part[] {
  const whole = rolesIn(title);
  if (tokens.length === 0) return whole.map((role) => ({ role, year: null }));
  const parts: Part[] = [];
  tokens.forEach((token, i) => {
    const segment = title.slice(token.index, tokens[i + 1]?.index ?? title.length);
    const roles = rolesIn(segment);
    if (roles.length === 2) parts.push({ role: 'summary', year: token.year }, { role: 'plan', year: null });
    else if (roles.length === 1) parts.push({ role: roles[0]!, year: token.year });
    else if (whole.length === 1) parts.push({ role: whole[0]!, year: token.year });
  });
  return parts;
}

function rolesIn(text: string): Role[] {
  const roles: Role[] = [];
  if (SUMMARY_WORD.test(text)) roles.push('summary');
  if (PLAN_WORD.test(text.replace(SUMMARY_WORD, ''))) roles.push('plan');
  return roles;
}

const TOP_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)/;

/** Dated top-level headings (`三、2023年工作谋划`): the parts a file holds besides what its title says. */
function headingParts(ctx: TimingContext): Part[] {
  const parts: Part[] = [];
  for (const line of ctx.lines) {
    if (line.text.length > 40 || !TOP_HEADING.test(line.text)) continue;
    const year = yearTokens(line.text, ctx, line.start)[0]?.year;
    if (year === undefined) continue;
    // Summary words first: `重点工作完成情况` reports, it does not plan.
    if (SUMMARY_WORD.test(line.text)) parts.push({ role: 'summary', year });
    else if (PLAN_WORD.test(line.text)) parts.push({ role: 'plan', year });
  }
  return parts;
}

/** `2023年，在区委…`: the year a summary's first paragraph opens with. */
function leadYear(lines: readonly Line[]): number | null {
  const body = lines.filter((l) => l.text.length > 60).slice(0, 3);
  for (const line of body) {
    const m = /^(\d{4})年[，,]/.exec(line.text);
    if (m && validYear(Number(m[1]))) return Number(m[1]);
  }
  return null;
}

interface YearToken {
  readonly year: number;
  readonly index: number;
}

const YEAR_TOKEN = /(?<!\d)(\d{4,5}|[〇○零一二三四五六七八九]{4})(?=\s*年)/g;
const CN_DIGIT: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/**
 * Years written `2022年` or `二〇二二年`. A number that cannot be a year
 * (`20222年`, `1900年`) is left out and reported, spanned when `lineStart`
 * locates it (title text is joined from lines, so its spans are the title's).
 */
function yearTokens(text: string, ctx: TimingContext, lineStart?: number): YearToken[] {
  const tokens: YearToken[] = [];
  for (const m of text.matchAll(YEAR_TOKEN)) {
    const raw = m[1]!;
    const year = /^\d+$/.test(raw) ? Number(raw) : Number([...raw].map((c) => CN_DIGIT[c]).join(''));
    if (raw.length === 4 && validYear(year)) {
      tokens.push({ year, index: m.index });
      continue;
    }
    const span = lineStart === undefined ? ctx.titleSpan : ctx.clean.spanOf(lineStart + m.index, lineStart + m.index + raw.length);
    ctx.diagnostics.push(diagnostic('year-format', `“${raw}年” is not a year between 1949 and 2100`, span, 'warning'));
  }
  return tokens;
}

function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1949 && year <= 2100;
}

// `“十四五”`: the n-th five-year plan. From the 3rd (1966–1970) on they run
// back to back, so the n-th starts in 1951 + 5n: 十三五 2016, 十四五 2021, 十五五 2026.
const FIVE_YEAR_MARK = /十([一二三四五六七八九])五|[“"]十五[”"]/;
const YEAR_RANGE = /(?<!\d)(\d{4})\s*[-—–~～至到]+\s*(\d{4})(?!\d)/;

function fiveYearPeriod(ctx: TimingContext): { from: number; to: number } | null {
  const { title } = ctx;
  const mark = FIVE_YEAR_MARK.exec(title);
  if (mark && PLAN_DOCUMENT_WORD.test(title)) {
    const n = mark[1] ? 10 + CN_DIGIT[mark[1]]! : 10;
    return { from: 1951 + 5 * n, to: 1955 + 5 * n };
  }
  const r = YEAR_RANGE.exec(title);
  if (r && /规划|纲要/.test(title)) {
    const from = Number(r[1]);
    const to = Number(r[2]);
    if (validYear(from) && validYear(to) && to - from === 4) return { from, to };
  }
  return null;
}

/** The plan's base year, when the text shows it: the previous plan (`十三五`) or a table column headed by that year. */
function baselineOf(text: string, from: number): number | null {
  const base = from - 1;
  const previousOnes = (from - 1951) / 5 - 1 - 10; // 十四五 → 3 (十三五)
  const previous = previousOnes === 0 ? '十五' : `十${'一二三四五六七八九'[previousOnes - 1] ?? ''}五`;
  const column = new RegExp(`^${base}年?$|${base}年(?:基[数期准]|底|末)`, 'm');
  return text.includes(previous) || column.test(text) ? base : null;
}


// A government work report (政府工作报告) names itself in its title, or is
// given to an assembly (its by-line: 在…人民代表大会…上), or opens by
// addressing one (各位代表：…向大会报告…). The State Council's reports have
// no title line at all.
const WORK_REPORT_TITLE = /政府工作报告/;
const ADDRESSES_ASSEMBLY = /各位代表[\s\S]{0,200}?向大会[^。\n]{0,8}报告/;

function isWorkReport(ctx: TimingContext): boolean {
  if (WORK_REPORT_TITLE.test(ctx.title)) return true;
  if (ctx.front.byline?.assembly && /人民代表大会/.test(ctx.front.byline.assembly)) return true;
  return ADDRESSES_ASSEMBLY.test(openingOf(ctx.clean.text));
}

/** A report's top-level part headings: numbered (`一、2024年工作回顾`) or standing alone with a role (`2024年工作回顾`). */
export function partHeadings(lines: readonly Line[]): Line[] {
  return lines.filter((l) => l.text.length <= 60 && (TOP_HEADING.test(l.text) || isPlainPartHeading(l.text)));
}

const stripMarker = (heading: string): string => heading.replace(TOP_HEADING, '').trim();

/**
 * A report is given in year Y: its plan is for Y (and a five-year plan part
 * for its five years), its review for Y−1 (or the five before). Y comes from
 * the title (2025年河南省政府工作报告), the by-line's date, the reviewed
 * year (一、2009年工作回顾 → 2010), a dated plan heading, or the sentence
 * that opens the year (2013年是…之年).
 */
function workReportTiming(ctx: TimingContext): Timing {
  const lines = partHeadings(ctx.lines);
  const headings = lines.map((l) => ({ heading: stripMarker(l.text), role: roleOfHeading(stripMarker(l.text)) }));
  const dated = (kind: 'RESULTS' | 'PLAN') =>
    headings.filter((h) => h.role && kindOfRole(h.role) === kind).map((h) => yearsOfHeading(h.heading, null)).filter((r): r is YearRange => r !== null && r.from === r.to);
  const titleYear = yearTokens(ctx.title, ctx)[0]?.year ?? null;
  const reviewed = dated('RESULTS').map((r) => r.to);
  const opening = /(?:^|\n)(20\d{2})年是/.exec(ctx.clean.text)?.[1];
  const year =
    titleYear ??
    ctx.front.byline?.year ??
    (reviewed.length ? Math.max(...reviewed) + 1 : null) ??
    dated('PLAN')[0]?.from ??
    (opening ? Number(opening) : null);
  if (year === null) {
    ctx.diagnostics.push(diagnostic('year-missing', 'a government work report whose year the text does not give', ctx.titleSpan, 'warning'));
    return { kind: 'WORK_REPORT', years: [], period: null, baselineYear: null };
  }
  const review = new Set<number>();
  const plan = new Set<number>([year]);
  for (const [i, h] of headings.entries()) {
    const kind = h.role ? kindOfRole(h.role) : null;
    const body = ctx.clean.text.slice(lines[i]!.end, lines[i + 1]?.start ?? ctx.clean.text.length);
    const own = yearsOfHeading(h.heading, year);
    const range = kind === 'RESULTS' && (own === null || own.to === year - 1) ? (reviewedPlanPeriod(year, body) ?? own) : own;
    if (!range || kind === null || kind === 'OTHER') continue;
    for (let y = range.from; y <= range.to; y++) (kind === 'RESULTS' ? review : plan).add(y);
  }
  if (review.size === 0) review.add(year - 1);
  return { kind: 'WORK_REPORT', years: sortedYears([...review, ...plan]), period: { from: year, to: year }, baselineYear: null };
}
