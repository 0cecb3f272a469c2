// Quantities in running text: `795个`, `2.56万个` (= 25600), `81.76%`,
// `16.67/10万人`, `约70亿元`, `10-20公里`, `80余次`, masked `***万元`.
//
//   不低于  30   万   余   人   以上
//   ^pre    ^num ^mag ^at-least ^unit ^suffix      (a range: num - num, before the magnitude;
//   a comparator word or sign                        a ratio: num ： num)
//
// The number, range, magnitude and unit are parsed by `parseQuantity` (the
// same reader as indicator-table cells); this module finds them in a sentence
// and decides what is NOT a quantity.
//
// Decisions (each with the seed text it came from):
// - Chinese numerals are never quantities. In this genre they name or refer:
//   `三家医院` (the three hospitals already named), `两癌`/`两筛` (programmes),
//   `一办五部`, `五大中心`, `四所医院` (organisational names), `第三个` (an
//   ordinal), `一个有明显成效的医联体` (an article). Counts reported as
//   results are written in digits (`13批次2556名`); the rare Chinese count
//   (`两期培训`) is lost, knowingly.
// - Levels and classes are not counts: `三级医院`, `二级甲等`, `4级应用水平`
//   (级 is no unit, and a number glued to a following word is no quantity).
// - Years, months and days are times (facts/times.ts), not quantities:
//   numbers inside a time expression are skipped (`2022年`, `11月13日`).
// - Age bounds name populations: `60岁以上老年人`, `3—11岁儿童`, `5岁以下儿童死亡率`.
// - Codes and formulas: `120`, `110、119`, `5G`, `1+X`, `“4.25”`, `“51515”`
//   (a number without a unit, glued to letters, signs or quotes), and
//   anything inside 《…》 (a title's own numbers).
// - A number with a unit inside a slogan or a named concept IS a quantity:
//   `“15分钟便民核酸检测圈”` (a 15-minute radius), `“三个100%”` — the concept
//   is built on the measure, and the project's gold reads it so.
// - A ratio `1：1.5` is one quantity, value 1.5 (the second over the first).
// - `80余次`, `3000余人`, `1.47万余人`: comparator GE with the written number —
//   余 says "and more"; GE is true whatever the remainder was.
// - `53.09元` is kept as written (value 53.09, unit 元); an amount of funding
//   that small gets an info diagnostic instead of a guessed 亿.
// - Masked values (`**万人次`, `*个`, `****例`, `**％`) are quantities with
//   value null and masked true, unit kept without the magnitude (`人次`, like
//   the unmasked `2.38万人次`); the text keeps the magnitude. A mask without
//   a unit (`健康**`, `**市`) is a hidden name, not a value.
// - Units: `%` for both `%` and `％`; a range has comparator null, value the
//   lower and upper the higher end.
// - `text` holds the number and its unit with what is attached to them: 约,
//   近 or a sign before (`约70亿元`, `≤4.2`), 余/以上/左右 after; a comparator
//   verb (`达到`, `不低于`, `超过`) sets the comparator but stays outside.

import { PREFIXES, SUFFIXES, leadingUnit, parseQuantity, type Comparator as TableComparator } from '../quantities.ts';
import {
  AT_LEAST_MARK,
  BARE_BEFORE,
  BARE_NOT_AFTER,
  FUNDING_SUBJECT,
  MONEY_UNIT,
  ONE_CHARACTER_PREFIX,
  PER_UNIT_SUBJECT,
  POPULATION_AFTER_AGE,
  RUNNING_MAGNITUDES,
  SMALL_FUNDING_YUAN,
  UNIT_FALSE_FRIENDS,
} from '../lexicon/quantities.ts';
import type { Diagnostic } from '../types.ts';
import { phraseBefore, type Phrase } from './phrase.ts';
import { HAN, type Range, type StatementText } from './text.ts';
import type { Comparator, QuantityFact } from './types.ts';

export interface FoundQuantity {
  readonly fact: QuantityFact;
  readonly range: Range;
  /** The subject's range, null without one: where an indicator value's span starts. */
  readonly subjectRange: Range | null;
}

// A number or a mask, not glued to a digit, point or mask before it.
const START = /(?<![\d.*＊])(?:([*＊]+)|(\d+(?:,\d{3})*(?:\.\d+)?))/g;
const RANGE_TAIL = /^\s*[-~～—–至到]\s*(\d+(?:\.\d+)?)/;
const LATIN = /[A-Za-z+＋]/;
const RATIO = /[：:]/;
const RATIO_TAIL = /^[：:](\d+(?:\.\d+)?)(?![\d.])/;
// Written with the number, so part of its text; comparator verbs are not.
const ATTACHED_PREFIX = /^(?:约|大约|近|接近|[≤≦⩽<＜≥≧⩾>＞=＝≈]|<=|>=)$/;

interface Parsed {
  readonly end: number;
  /** `1：1.5`: the two sides. */
  readonly ratio: readonly [number, number] | null;
  readonly core: string;
  readonly unit: string | null;
  readonly scaled: boolean;
  readonly atLeast: boolean;
  readonly suffix: TableComparator | null;
  readonly ranged: boolean;
}

/** Quantities of one statement, left to right. `skip`: time expressions already found. */
export function findQuantities(st: StatementText, skip: readonly Range[]): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  for (const m of st.half.matchAll(START)) {
    const start = m.index;
    // The upper end of a range already read (`2－3名`) starts no quantity of its own.
    if (start < (out[out.length - 1]?.range.end ?? 0)) continue;
    if (!isCandidatePosition(st, start, skip)) continue;
    const parsed = parseAt(st.half, start, m[1] ?? null, m[2] ?? null);
    if (!parsed || !isQuantity(st, start, parsed, m[1] !== undefined)) continue;
    const previousEnd = out[out.length - 1]?.range.end ?? 0;
    out.push(toFact(st, start, parsed, m[1] !== undefined, previousEnd, skip));
  }
  return out;
}

function isCandidatePosition(st: StatementText, start: number, skip: readonly Range[]): boolean {
  if (skip.some((r) => r.start <= start && start < r.end)) return false;
  if (st.inTitle(start)) return false;
  const before = st.half[start - 1] ?? '';
  return before !== '第' && !LATIN.test(before) && !(RATIO.test(before) && /\d/.test(st.half[start - 2] ?? ''));
}

/** Number (or mask), range, magnitude, at-least mark, unit and suffix comparator from `start` on. */
function parseAt(half: string, start: number, mask: string | null, digits: string | null): Parsed | null {
  let at = start + (mask ?? digits ?? '').length;
  const ratio = mask ? null : RATIO_TAIL.exec(half.slice(at));
  if (ratio) {
    const sides = [Number(digits), Number(ratio[1])] as const;
    return { end: at + ratio[0].length, ratio: sides, core: '', unit: null, scaled: false, atLeast: false, suffix: null, ranged: false };
  }
  let core = mask ? '0' : digits!.replace(/,/g, '');
  let ranged = false;
  const range = mask ? null : RANGE_TAIL.exec(half.slice(at));
  if (range) {
    core += `-${range[1]}`;
    at += range[0].length;
    ranged = true;
  }
  let atLeast = false;
  const takeAtLeast = (): void => {
    const mark = AT_LEAST_MARK.exec(half.slice(at));
    if (mark) {
      atLeast = true;
      at += mark[0].length;
    }
  };
  takeAtLeast();
  const magnitude = RUNNING_MAGNITUDES.find(([word]) => half.startsWith(word, at) && !half.startsWith('万一', at));
  if (magnitude) {
    core += magnitude[0];
    at += magnitude[0].length;
    takeAtLeast();
  }
  const rest = half.slice(at);
  const unit = leadingUnit(rest, (u) => UNIT_FALSE_FRIENDS.some(([unitWord, word]) => unitWord === u && rest.startsWith(word)));
  if (unit) {
    core += unit;
    at += unit.length;
  }
  const suffix = SUFFIXES.find(([word]) => half.startsWith(word, at)) ?? null;
  if (suffix) at += suffix[0].length;
  return { end: at, ratio: null, core, unit, scaled: magnitude !== undefined, atLeast, suffix: suffix?.[1] ?? null, ranged };
}

/** The exclusions listed at the top of this file. */
function isQuantity(st: StatementText, start: number, p: Parsed, masked: boolean): boolean {
  const after = st.half.slice(p.end);
  if (p.ratio) return p.ratio[0] !== 0;
  if (masked) return p.unit !== null;
  if (p.unit === null && !p.scaled) return isBareCount(st.half, start, after);
  if (p.unit === null && (LATIN.test(after[0] ?? '') || RATIO.test(after[0] ?? ''))) return false;
  if (p.unit !== null && /^[A-Za-z]/.test(after) && /^[A-Za-z]/.test(p.unit)) return false;
  if (p.unit === '岁' && POPULATION_AFTER_AGE.test(after)) return false;
  return true;
}

/** `注册人数256753，` is a count; `120生命通道`, `13县区`, `4级`, `5G`, `1+X` are not. */
function isBareCount(half: string, start: number, after: string): boolean {
  const before = half[start - 1] ?? '';
  return HAN.test(before) && !BARE_NOT_AFTER.test(before) && BARE_BEFORE.test(after);
}

function toFact(st: StatementText, start: number, p: Parsed, masked: boolean, previousEnd: number, skip: readonly Range[]): FoundQuantity {
  const prefix = comparatorBefore(st, start);
  const prefixStart = trimSpaceLeft(st.half, start) - (prefix?.[0].length ?? 0);
  const from = prefix && ATTACHED_PREFIX.test(prefix[0]) ? prefixStart : start;
  const range = { start: from, end: p.end };
  const parsed = p.ratio ? null : parseQuantity(p.core);
  const subject = subjectOf(st, p, trimSpaceLeft(st.half, prefix ? prefixStart : start), previousEnd, skip);
  const unit = p.unit === null ? null : normaliseUnit(parsed?.unit ?? p.unit);
  const value = p.ratio ? Number((p.ratio[1] / p.ratio[0]).toPrecision(12)) : (parsed?.value ?? null);
  const fact: QuantityFact = {
    span: st.spanOf(range),
    text: st.text.slice(range.start, range.end),
    value: masked ? null : value,
    upper: masked ? null : (parsed?.upper ?? null),
    unit,
    comparator: comparatorOf(p, prefix?.[1] ?? null),
    masked,
    subject: subject?.text ?? null,
  };
  return { fact, range, subjectRange: subject ? { start: subject.start, end: subject.end } : null };
}

/** The phrase before the number; a ratio keeps its 比 (`床人比1：1.5` → 床人比), which elsewhere is read through. */
function subjectOf(st: StatementText, p: Parsed, at: number, previousEnd: number, skip: readonly Range[]): Phrase | null {
  if (!p.ratio || st.text[at - 1] !== '比') return phraseBefore(st, at, previousEnd, skip);
  const phrase = phraseBefore(st, at - 1, previousEnd, skip);
  return phrase && phrase.end === at - 1 ? { start: phrase.start, end: at, text: `${phrase.text}比` } : phrase;
}

function trimSpaceLeft(s: string, at: number): number {
  let i = at;
  while (i > 0 && /\s/.test(s[i - 1]!)) i--;
  return i;
}

/**
 * A comparator word or sign right before the number (`不低于`, `约`, `≥`),
 * longest first. A one-character word must be a word of its own: the 约 of
 * `履约335957人` belongs to 履约 (kept a promise), not to the number.
 */
function comparatorBefore(st: StatementText, start: number): readonly [string, TableComparator] | null {
  const before = st.half.slice(Math.max(0, start - 4), start).trimEnd();
  const found = PREFIXES.find(([word]) => before.endsWith(word));
  if (!found || !ONE_CHARACTER_PREFIX.test(found[0])) return found ?? null;
  const at = start - (st.half.slice(0, start).length - st.half.slice(0, start).trimEnd().length) - 1;
  const token = st.tokens().find((t) => t.start <= at && at < t.end);
  return token && token.word === found[0] ? found : null;
}

/**
 * A range says its bounds itself (null); an explicit non-EQ prefix wins
 * (`不低于`, `约`, `超过`); then a suffix (`以上`, `左右`) over a plain
 * `达到`; then 余/多 (at least); a plain number is EQ.
 */
function comparatorOf(p: Parsed, prefix: TableComparator | null): Comparator | null {
  if (p.ranged) return null;
  const known = (c: TableComparator | null): Comparator | null => (c === null || c === 'RANGE' ? null : c);
  if (prefix && prefix !== 'EQ') return known(prefix);
  if (p.suffix) return known(p.suffix);
  if (p.atLeast) return 'GE';
  return 'EQ';
}

function normaliseUnit(unit: string): string {
  return unit.replace(/％/g, '%');
}

/** `53.09元` of funding: kept as written, flagged. */
export function quantityDiagnostics(found: readonly FoundQuantity[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { fact } of found) {
    const subject = fact.subject ?? '';
    const suspicious =
      fact.value !== null &&
      fact.unit !== null &&
      MONEY_UNIT.test(fact.unit) &&
      fact.value < SMALL_FUNDING_YUAN &&
      !/[万亿]/.test(fact.text) &&
      FUNDING_SUBJECT.test(subject) &&
      !PER_UNIT_SUBJECT.test(subject);
    if (!suspicious) continue;
    out.push({
      rule: 'quantity-magnitude-missing',
      message: `"${fact.text}" of ${subject} is very small for funding; 万 or 亿 may have been dropped. Kept as written.`,
      span: fact.span,
      severity: 'info',
    });
  }
  return out;
}
