// Indicator values in running text: a rate or level of a named measure
// (lexicon/indicators.ts says which quantities qualify), matched to the
// document's indicator-table rows when the names mean the same, else a new
// indicator with a normalised name.
//
//   婴儿死亡率 由 3.77‰ 降低至 3.15‰          (in "“十三五”期间，…")
//   ^subject   ^BASELINE (2015) ^ACTUAL (2020): the period's first year − 1, its last year
//
// Kind: TARGET in commitments, ACTUAL in outcomes; in background and problem
// statements ACTUAL unless the statement sets a horizon or deadline (then
// TARGET); `由X…至Y`: X is the BASELINE, Y as the statement's kind says.
// Year: a target's horizon or deadline in the statement (else its nearest
// date, the part's year, and for a five-year plan the table's target year);
// an actual value's latest date before it, else the part's year.

import { indicatorIdOf } from '../ids.ts';
import type { StatementClass } from '../statements.ts';
import type { IndicatorRow, IndicatorTable } from '../tables.ts';
import type { DocumentKind } from '../types.ts';
import {
  ALLOCATION_AFTER,
  BARE_RATE_LENGTH,
  BASELINE_BEFORE,
  CHANGE_BEFORE,
  CHANGE_NAMES,
  CHANGE_UNIT,
  COUNT_ENDING,
  HEADLINE,
  HEADLINE_FILLER,
  LEVEL_NAME,
  ITEM_LEAD,
  ITEM_VERB,
  LIST_SEPARATOR,
  RATE_UNIT,
  REACHED_BEFORE,
  RELATIVE_NAMES,
  RESPECTIVELY,
  SHARE_SUFFIX,
} from '../lexicon/indicators.ts';
import { RATE_ENDING } from '../lexicon/phrases.ts';
import type { FoundQuantity } from './quantities.ts';
import { tableIndex } from './table-index.ts';
import type { StatementText } from './text.ts';
import type { FoundTime } from './times.ts';
import type { IndicatorValueFact, ValueKind } from './types.ts';

export interface IndicatorContext {
  readonly statementClass: StatementClass;
  readonly partYear: number | null;
  readonly documentKind: DocumentKind;
  readonly tables: readonly IndicatorTable[];
}

interface Named {
  readonly id: string;
  readonly name: string;
  readonly row: IndicatorRow | null;
  readonly table: IndicatorTable | null;
}

/** Indicator values of one statement, in text order. */
export function findIndicatorValues(
  st: StatementText,
  quantities: readonly FoundQuantity[],
  times: readonly FoundTime[],
  ctx: IndicatorContext,
): IndicatorValueFact[] {
  const out: IndicatorValueFact[] = [];
  const dated = times.filter((t) => !st.inTitle(t.range.start));
  let baseline: { named: Named; subjectStart: number; index: number } | null = null;
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i]!;
    const lead = leadOf(st, q, quantities[i - 1] ?? null);
    if (baseline && baseline.index === i - 1 && q.fact.subject === null && REACHED_BEFORE.test(lead)) {
      const kind = statementKind(ctx, dated);
      out.push(valueFact(st, q, baseline.named, baseline.subjectStart, kind, yearFor(kind, q, dated, ctx, baseline.named)));
      baseline = null;
      continue;
    }
    baseline = null;
    const headline = headlineOf(st, q, i > 0 ? quantities[i - 1]! : null);
    if (headline) {
      const kind = statementKind(ctx, dated);
      const value = rangeFrom(st, q);
      out.push(valueFact(st, value, headline.named, headline.start, kind, yearFor(kind, value, dated, ctx, headline.named)));
      // `6.5%－7%`: the upper end is part of this value, not one of its own.
      if (value !== q && quantities[i + 1] && quantities[i + 1]!.range.start < value.range.end) i++;
      continue;
    }
    if (isChange(q, lead, st)) continue;
    if (RESPECTIVELY.test(lead)) {
      const run = respectively(st, quantities, i);
      for (const { value, named } of run.values) {
        const kind = statementKind(ctx, dated);
        out.push(valueFact(st, value, named, value.range.start, kind, yearFor(kind, value, dated, ctx, named)));
      }
      i = run.last;
      continue;
    }
    const named = nameOf(q, quantities[i - 1] ?? null, ctx);
    if (!named) continue;
    const subjectStart = q.subjectRange?.start ?? q.range.start;
    if (BASELINE_BEFORE.test(lead)) {
      out.push(valueFact(st, q, named, subjectStart, 'BASELINE', baselineYear(q, dated, ctx)));
      baseline = { named, subjectStart, index: i };
      continue;
    }
    const kind = statementKind(ctx, dated);
    out.push(valueFact(st, q, named, subjectStart, kind, yearFor(kind, q, dated, ctx, named)));
  }
  return out;
}

/**
 * A headline indicator's value (lexicon HEADLINE): the words of the number's
 * clause before it end with the measure, less filler.
 *
 *   > | 今年发展的主要预期目标是：国内生产总值增长6.5%左右，…城镇登记失业率4.5%以内
 *                            ^^^^^^^^^^^^ name  ^ value        ^^^^^^^^^^^^^^^^^
 */
function headlineOf(st: StatementText, q: FoundQuantity, previous: FoundQuantity | null): { named: Named; start: number } | null {
  if (q.fact.masked || q.fact.value === null) return null;
  let from = q.range.start;
  while (from > 0 && !/[，,；;：:。、]/.test(st.text[from - 1]!)) from--;
  let words = st.text.slice(from, q.range.start).replace(/\s+/g, '').replace(HEADLINE_FILLER, '');
  // > | 国内生产总值达到74.4万亿元，增长6.7%
  //     ^^^^^^^^^^^^ the measure of the clause before, when this one only says how it grew
  if (GROWTH_ONLY.test(words) && previous && previous.range.end <= from) {
    let back = previous.range.start;
    while (back > 0 && !/[，,；;：:。、]/.test(st.text[back - 1]!)) back--;
    const measure = MEASURE_FIRST.exec(st.text.slice(back, previous.range.start).replace(/\s+/g, ''));
    if (measure) words = `${measure[0]}${words.replace(/^(?:同比|比上年)/, '')}`;
  }
  for (const h of HEADLINE) {
    const m = h.pattern.exec(words);
    if (!m) continue;
    const name = h.name.replace(/\$(\d)/g, (_, k: string) => m[Number(k)] ?? '');
    const start = st.text.lastIndexOf(m[0].slice(0, 2), q.range.start);
    return { named: { id: indicatorIdOf(name), name, row: null, table: null }, start: start >= from ? start : q.range.start };
  }
  return null;
}

const GROWTH_ONLY = /^(?:同比|比上年)?(?:增长|增速)$/;
const MEASURE_FIRST = /^(?:全年)?(?:国内|地区)生产总值/;

/**
 * A range written out (`6.5%－7%`, `6%-6.5%`) as one value: the quantity
 * with its upper end. The quantity stands alone otherwise.
 */
function rangeFrom(st: StatementText, q: FoundQuantity): FoundQuantity {
  if (q.fact.upper !== null) return q;
  const m = /^\s*[－\-—–~～至到]\s*(\d+(?:\.\d+)?)(%|‰)?/.exec(st.text.slice(q.range.end));
  if (!m || (m[2] ?? q.fact.unit) !== q.fact.unit) return q;
  const end = q.range.end + m[0].length;
  return { ...q, range: { start: q.range.start, end }, fact: { ...q.fact, upper: Number(m[1]), text: st.text.slice(q.range.start, end), span: st.spanOf({ start: q.range.start, end }) } };
}

/** The words between the subject (or the previous number) and this number: `由`, `达到`, `降低至`. */
function leadOf(st: StatementText, q: FoundQuantity, previous: FoundQuantity | null): string {
  const from = q.subjectRange?.end ?? previous?.range.end ?? Math.max(0, q.range.start - 6);
  return st.text.slice(Math.min(from, q.range.start), q.range.start).replace(/\s+/g, '');
}

/** A change (`增长60.4%`, `下降1个百分点`, `同比增幅8.6%`) or an allocation (`70%用于…`): not a level. */
function isChange(q: FoundQuantity, lead: string, st: StatementText): boolean {
  const { unit, subject } = q.fact;
  return (
    (unit !== null && CHANGE_UNIT.test(unit)) ||
    CHANGE_BEFORE.test(lead) ||
    (subject !== null && CHANGE_NAMES.has(subject)) ||
    ALLOCATION_AFTER.test(st.text.slice(q.range.end))
  );
}

/**
 * `新生儿“两病”筛查54165例、新生儿听力筛查共完成58132例，筛查覆盖率分别为92.50%、99.28%`:
 * the k values after 分别 go with the k numbers before them, named by their
 * subjects joined to the rate (`新生儿听力筛查` + `筛查覆盖率` → `新生儿听力筛查覆盖率`).
 * Without as many named numbers before, the values stay unnamed.
 */
function respectively(st: StatementText, quantities: readonly FoundQuantity[], first: number): { values: Array<{ value: FoundQuantity; named: Named }>; last: number } {
  let last = first;
  while (last + 1 < quantities.length && LIST_SEPARATOR.test(st.text.slice(quantities[last]!.range.end, quantities[last + 1]!.range.start).trim())) last++;
  const count = last - first + 1;
  const rate = quantities[first]!.fact.subject;
  const things = quantities.slice(Math.max(0, first - count), first).map((x) => x.fact.subject ?? itemHead(st, x));
  if (!rate || things.length !== count || things.some((t) => t === null)) return { values: [], last };
  const values = quantities.slice(first, last + 1).map((value, k) => {
    const name = joinNames(withoutCount(things[k]!), rate);
    return { value, named: { id: indicatorIdOf(name), name, row: null, table: null } };
  });
  return { values, last };
}

/**
 * What a list item counts when no subject sits right before its number:
 * `新生儿听力筛查共完成58132例` → `新生儿听力筛查` (the item up to its verb).
 */
function itemHead(st: StatementText, q: FoundQuantity): string | null {
  let from = q.range.start;
  while (from > 0 && !/[、，,；;：:]/.test(st.text[from - 1]!)) from--;
  const item = st.text.slice(from, q.range.start).replace(ITEM_LEAD, '');
  const head = ITEM_VERB.exec(item.slice(2));
  const name = head ? item.slice(0, 2 + head.index) : item;
  return (name.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 ? name : null;
}

/** The indicator a quantity is a value of, or null when it is not one (a count, an unnamed rate). */
function nameOf(q: FoundQuantity, previous: FoundQuantity | null, ctx: IndicatorContext): Named | null {
  const { fact } = q;
  if (fact.subject === null) return null;
  let subject = fact.subject;
  if (RELATIVE_NAMES.has(subject) || (subject.length <= BARE_RATE_LENGTH && RATE_ENDING.test(subject))) {
    const antecedent = previous && isCount(previous) ? previous.fact.subject : null;
    if (antecedent) subject = joinNames(withoutCount(antecedent), subject);
    else if (RELATIVE_NAMES.has(subject)) return null;
  }
  const match = tableIndex(ctx.tables).matchRow(subject, fact.unit);
  if (match) return { id: indicatorIdOf(match.row.name), name: match.row.name, row: match.row, table: match.table };
  const rate = fact.unit !== null && RATE_UNIT.test(fact.unit);
  if (!rate && !LEVEL_NAME.test(subject)) return null;
  const name = displayName(subject, fact.unit);
  return { id: indicatorIdOf(name), name, row: null, table: null };
}

/** A number that counts a named thing (`村卫生室达3702个`): what a bare rate after it is a rate of. Not another rate (`…增幅为3.75%，药占比…`). */
function isCount(q: FoundQuantity): boolean {
  const { subject, unit } = q.fact;
  return subject !== null && !(unit !== null && RATE_UNIT.test(unit)) && !LEVEL_NAME.test(subject);
}

/** `在管患者人数` → `在管患者`: the thing counted, not its count. */
function withoutCount(name: string): string {
  const stripped = name.replace(COUNT_ENDING, '');
  return stripped.length >= 2 ? stripped : name;
}

/** Join a thing and a rate over their shared characters: `孕产妇建档管理` + `管理率` → `孕产妇建档管理率`. */
function joinNames(thing: string, rate: string): string {
  for (let n = Math.min(thing.length, rate.length - 1); n > 0; n--) {
    if (thing.endsWith(rate.slice(0, n))) return thing + rate.slice(n);
  }
  return thing + rate;
}

/** `公有产权的村卫生室` at `%` → `公有产权村卫生室占比`; `二级…比例` stays. */
function displayName(subject: string, unit: string | null): string {
  const plain = subject.replace(/[的之]/g, '').replace(/\s+/g, '');
  return unit === '%' && !RATE_ENDING.test(plain) ? `${plain}${SHARE_SUFFIX}` : plain;
}

// ---------------------------------------------------------------- kind and year

function hasHorizon(times: readonly FoundTime[]): boolean {
  return times.some((t) => t.fact.kind === 'HORIZON' || t.fact.kind === 'DEADLINE');
}

function statementKind(ctx: IndicatorContext, times: readonly FoundTime[]): ValueKind {
  if (ctx.statementClass === 'COMMITMENT') return 'TARGET';
  if (ctx.statementClass === 'OUTCOME') return 'ACTUAL';
  return hasHorizon(times) ? 'TARGET' : 'ACTUAL';
}

function reachedKind(ctx: IndicatorContext, times: readonly FoundTime[]): ValueKind {
  return statementKind(ctx, times);
}

/** The nearest time expression before the value, else the first after it. */
function nearest(q: FoundQuantity, times: readonly FoundTime[]): FoundTime | null {
  const before = times.filter((t) => t.range.end <= q.range.start);
  return before[before.length - 1] ?? times.find((t) => t.range.start >= q.range.end) ?? null;
}

function yearFor(kind: ValueKind, q: FoundQuantity, times: readonly FoundTime[], ctx: IndicatorContext, named: Named): number | null {
  if (kind === 'TARGET') {
    const horizons = times.filter((t) => t.fact.kind === 'HORIZON' || t.fact.kind === 'DEADLINE');
    const year = nearest(q, horizons)?.fact.year ?? nearest(q, times)?.fact.year ?? ctx.partYear;
    if (year !== null) return year;
    return ctx.documentKind === 'FIVE_YEAR_PLAN' ? (named.table?.targetYear ?? ctx.tables[0]?.targetYear ?? null) : null;
  }
  // A reported value is dated by what precedes it (`截至2023年9月，…73%`);
  // a date after it belongs to the next clause (`…26.3%，…于2021年…`).
  const before = times.filter((t) => t.range.end <= q.range.start);
  return before[before.length - 1]?.fact.year ?? ctx.partYear ?? planBaseYear(ctx) ?? nearest(q, times)?.fact.year ?? null;
}

/** A five-year plan reports on the previous plan in its background part: its values are for the table's baseline year (2020). */
function planBaseYear(ctx: IndicatorContext): number | null {
  if (ctx.documentKind !== 'FIVE_YEAR_PLAN' || ctx.statementClass === 'COMMITMENT') return null;
  return tableIndex(ctx.tables).baselineYear;
}

/**
 * A baseline sits before the period the statement speaks of (`“十三五”期间`
 * → 2015); in a five-year plan's background without one, five years before
 * the plan's base year (the previous plan's start); otherwise unknown.
 */
function baselineYear(q: FoundQuantity, times: readonly FoundTime[], ctx: IndicatorContext): number | null {
  const period = nearest(q, times);
  if (period?.from !== null && period?.from !== undefined) return period.from - 1;
  const base = planBaseYear(ctx);
  return base === null ? null : base - PLAN_YEARS;
}

const PLAN_YEARS = 5;

function valueFact(st: StatementText, q: FoundQuantity, named: Named, subjectStart: number, kind: ValueKind, year: number | null): IndicatorValueFact {
  const range = { start: Math.min(subjectStart, q.range.start), end: q.range.end };
  return {
    span: st.spanOf(range),
    text: st.text.slice(range.start, range.end),
    indicatorId: named.id,
    indicatorName: named.name,
    quantity: q.fact,
    kind,
    year,
  };
}
