// Time expressions in running text, resolved to a year and an ISO date.
//
//   到2025年          HORIZON   2025-12-31   (AS_OF when an outcome says 到…: "by then it was")
//   2022年底前        DEADLINE  2022-12-31
//   年内 / 年底前      DEADLINE  <part year>-12-31
//   截至11月13日      AS_OF     <part year>-11-13
//   截止2020年10月    AS_OF     2020-10-31   (kept as written, even in a 2022 summary: see diagnostics)
//   截至目前          AS_OF     year = part year, date null (the day is not said)
//   前三季度          PERIOD    <part year>-09-30
//   2023年7月22日     PERIOD    2023-07-22   (an event's date)
//   2021-2025年       PERIOD    year 2025, 2025-12-31 (a span resolves to its end, like every period)
//   “十三五”期间       PERIOD    year 2020, 2020-12-31
//
// Every rule is a regular expression over the half-width text; where rules
// overlap the longest match wins (`到2023年底` over `2023年`, `2022年前三季度`
// over `2022年前`).

import type { StatementClass } from '../statements.ts';
import type { Diagnostic } from '../types.ts';
import { FIVE_YEAR_DIGIT, RELATIVE_YEARS, YEAR_PARTS, fiveYearPlan } from '../lexicon/times.ts';
import type { TimeFact, TimeKind } from './types.ts';
import type { Range, StatementText } from './text.ts';

export interface TimeContext {
  readonly partYear: number | null;
  readonly statementClass: StatementClass;
}

export interface FoundTime {
  readonly fact: TimeFact;
  readonly range: Range;
  /** For five-year periods (`十三五`) and year ranges: the first year, so a baseline can sit before it. */
  readonly from: number | null;
}

interface Resolved {
  readonly kind: TimeKind;
  readonly year: number | null;
  readonly date: string | null;
  readonly from?: number | null;
}

interface Rule {
  readonly name: string;
  readonly re: RegExp;
  readonly resolve: (m: RegExpExecArray, ctx: TimeContext) => Resolved | null;
}

// Building blocks. A year is 19xx/20xx not glued to other digits.
const Y = '(?<![\\d.])((?:19|20)\\d{2})';
const M = '(?<![\\d.])(1[0-2]|0?[1-9])';
const D = '([12]\\d|3[01]|0?[1-9])';
const DASH = '\\s*[-~～—–至到]\\s*';
const BY = '(?:到|至)';
const AS_OF_WORD = '(?:截至|截止)(?:到|至)?\\s*';
const MONTH_TAIL = '(?:份|底|末|初|上旬|中旬|下旬)?';

const RULES: readonly Rule[] = [
  {
    name: 'year-range',
    re: new RegExp(`${Y}${DASH}((?:19|20)\\d{2})\\s*年`, 'g'),
    resolve: (m) => ({ kind: 'PERIOD', year: num(m[2]), date: yearEnd(num(m[2])), from: num(m[1]) }),
  },
  {
    name: 'day-range',
    re: new RegExp(`(?:${Y}年)?${M}月${D}[日号]${DASH}(?:((?:19|20)\\d{2})年)?(?:(1[0-2]|0?[1-9])月)?${D}[日号]`, 'g'),
    resolve: (m, ctx) => {
      const year = num(m[4]) ?? num(m[1]) ?? ctx.partYear;
      return { kind: 'PERIOD', year, date: day(year, num(m[5]) ?? num(m[2]), num(m[6])) };
    },
  },
  {
    name: 'five-year-plan',
    re: /[“"]?十([一二三四五六])五[”"]?(期间|时期|末|规划期)?/g,
    resolve: (m) => {
      const plan = fiveYearPlan(FIVE_YEAR_DIGIT[m[1]!] ?? 0);
      return plan ? { kind: 'PERIOD', year: plan.to, date: yearEnd(plan.to), from: plan.from } : null;
    },
  },
  {
    name: 'as-of-now',
    re: new RegExp(`${AS_OF_WORD}(?:目前|现在|当前)`, 'g'),
    resolve: (_m, ctx) => ({ kind: 'AS_OF', year: ctx.partYear, date: null }),
  },
  {
    name: 'as-of-month',
    re: new RegExp(`${AS_OF_WORD}(?:${Y}年)?${M}月(?:${D}[日号]|底|末|份)?`, 'g'),
    resolve: (m, ctx) => {
      const year = num(m[1]) ?? ctx.partYear;
      return { kind: 'AS_OF', year, date: m[3] ? day(year, num(m[2]), num(m[3])) : monthEnd(year, num(m[2])) };
    },
  },
  {
    name: 'as-of-year',
    re: new RegExp(`${AS_OF_WORD}${Y}年(?:底|末)?`, 'g'),
    resolve: (m) => ({ kind: 'AS_OF', year: num(m[1]), date: yearEnd(num(m[1])) }),
  },
  {
    name: 'as-of-year-end',
    re: new RegExp(`${AS_OF_WORD}(?:年底|年末)`, 'g'),
    resolve: (_m, ctx) => ({ kind: 'AS_OF', year: ctx.partYear, date: yearEnd(ctx.partYear) }),
  },
  {
    name: 'by-year',
    re: new RegExp(`${BY}${Y}年(?:${M}月(?:${D}[日号])?)?(?:底|末)?`, 'g'),
    resolve: (m, ctx) => {
      const year = num(m[1]);
      const date = m[3] ? day(year, num(m[2]), num(m[3])) : m[2] ? monthEnd(year, num(m[2])) : yearEnd(year);
      return { kind: byKind(ctx), year, date };
    },
  },
  {
    name: 'by-month',
    re: new RegExp(`${BY}${M}月${MONTH_TAIL}`, 'g'),
    resolve: (m, ctx) => ({ kind: byKind(ctx), year: ctx.partYear, date: monthEnd(ctx.partYear, num(m[1])) }),
  },
  {
    // `2022年前三季度` is a period, not `2022年前` + `三季度`.
    name: 'deadline-year',
    re: new RegExp(`${Y}年(?:${M}月)?(?:底|末)?(?:以前|之前|前)(?![一二两三四]?季度)`, 'g'),
    resolve: (m) => {
      const year = num(m[1]);
      return { kind: 'DEADLINE', year, date: m[2] ? monthEnd(year, num(m[2])) : yearEnd(year) };
    },
  },
  {
    name: 'deadline-month',
    re: new RegExp(`${M}月(?:底|末)?(?:以前|之前|前)`, 'g'),
    resolve: (m, ctx) => ({ kind: 'DEADLINE', year: ctx.partYear, date: monthEnd(ctx.partYear, num(m[1])) }),
  },
  {
    // Not `近年内`, `两年内`: those are spans of time, not this year.
    name: 'deadline-this-year',
    re: /(?<![\d一二三四五六七八九十两多几近])(?:年底前|年末前|年内)/g,
    resolve: (_m, ctx) => ({ kind: 'DEADLINE', year: ctx.partYear, date: yearEnd(ctx.partYear) }),
  },
  {
    name: 'year-part',
    re: new RegExp(`(?:${Y}年)?(${YEAR_PARTS.map(([w]) => w).join('|')})`, 'g'),
    resolve: (m, ctx) => {
      const year = num(m[1]) ?? ctx.partYear;
      const end = YEAR_PARTS.find(([w]) => w === m[2])?.[1] ?? '12-31';
      return { kind: 'PERIOD', year, date: year === null ? null : `${year}-${end}` };
    },
  },
  {
    name: 'relative-year',
    re: new RegExp(RELATIVE_YEARS.map(([w]) => w).join('|'), 'g'),
    resolve: (m, ctx) => {
      const offset = RELATIVE_YEARS.find(([w]) => w === m[0])?.[1] ?? 0;
      const year = ctx.partYear === null ? null : ctx.partYear + offset;
      return { kind: 'PERIOD', year, date: yearEnd(year) };
    },
  },
  {
    name: 'date',
    re: new RegExp(`${Y}年${M}月${D}[日号]`, 'g'),
    resolve: (m) => ({ kind: 'PERIOD', year: num(m[1]), date: day(num(m[1]), num(m[2]), num(m[3])) }),
  },
  {
    name: 'year-month',
    re: new RegExp(`${Y}年${M}月${MONTH_TAIL}`, 'g'),
    resolve: (m) => ({ kind: 'PERIOD', year: num(m[1]), date: monthEnd(num(m[1]), num(m[2])) }),
  },
  {
    name: 'month-day',
    re: new RegExp(`${M}月${D}[日号]`, 'g'),
    resolve: (m, ctx) => ({ kind: 'PERIOD', year: ctx.partYear, date: day(ctx.partYear, num(m[1]), num(m[2])) }),
  },
  {
    name: 'month',
    re: new RegExp(`${M}月${MONTH_TAIL}`, 'g'),
    resolve: (m, ctx) => ({ kind: 'PERIOD', year: ctx.partYear, date: monthEnd(ctx.partYear, num(m[1])) }),
  },
  {
    name: 'year',
    re: new RegExp(`${Y}年度?`, 'g'),
    resolve: (m) => ({ kind: 'PERIOD', year: num(m[1]), date: yearEnd(num(m[1])) }),
  },
];

/** `到…` in an outcome reports where things stood; anywhere else it sets a horizon. */
function byKind(ctx: TimeContext): TimeKind {
  return ctx.statementClass === 'OUTCOME' ? 'AS_OF' : 'HORIZON';
}

/** Time expressions of one statement, left to right, none overlapping. */
export function findTimes(st: StatementText, ctx: TimeContext): FoundTime[] {
  const candidates: Array<FoundTime & { length: number }> = [];
  for (const rule of RULES) {
    for (const m of st.half.matchAll(rule.re)) {
      const resolved = rule.resolve(m as RegExpExecArray, ctx);
      if (!resolved) continue;
      const range = { start: m.index, end: m.index + m[0].length };
      const fact: TimeFact = {
        span: st.spanOf(range),
        text: st.text.slice(range.start, range.end),
        kind: resolved.kind,
        year: resolved.year,
        date: resolved.date,
      };
      candidates.push({ fact, range, from: resolved.from ?? null, length: m[0].length });
    }
  }
  // Longest first, then leftmost; a candidate overlapping a kept one is dropped.
  candidates.sort((a, b) => b.length - a.length || a.range.start - b.range.start);
  const kept: FoundTime[] = [];
  for (const c of candidates) {
    if (kept.some((k) => c.range.start < k.range.end && k.range.start < c.range.end)) continue;
    kept.push({ fact: c.fact, range: c.range, from: c.from });
  }
  return kept.sort((a, b) => a.range.start - b.range.start);
}

// A summary may cite an older cut-off; one more than a year before the part's
// year is worth a look (`截止2020年10月` in the 2022 summary of seed 001).
const AS_OF_SLACK_YEARS = 1;

/** Oddities worth a researcher's look; the facts keep what the text says. */
export function timeDiagnostics(times: readonly FoundTime[], ctx: TimeContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { fact } of times) {
    if (fact.kind !== 'AS_OF' || fact.year === null || ctx.partYear === null) continue;
    if (fact.year >= ctx.partYear - AS_OF_SLACK_YEARS) continue;
    out.push({
      rule: 'time-as-of-before-part',
      message: `"${fact.text}" reports as of ${fact.year}, in a part about ${ctx.partYear}; kept as written.`,
      span: fact.span,
      severity: 'info',
    });
  }
  return out;
}

// ---------------------------------------------------------------- dates

function num(s: string | undefined): number | null {
  return s === undefined ? null : Number(s);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function yearEnd(year: number | null): string | null {
  return year === null ? null : `${year}-12-31`;
}

function monthEnd(year: number | null, month: number | null): string | null {
  if (year === null || month === null) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

function day(year: number | null, month: number | null, dayOfMonth: number | null): string | null {
  if (year === null || month === null || dayOfMonth === null) return null;
  return `${year}-${pad(month)}-${pad(dayOfMonth)}`;
}
