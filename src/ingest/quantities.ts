// Quantities as Chinese planning texts write them: a number with its
// comparator (a symbol or words such as 不低于 / 左右), a magnitude (万, 亿),
// a unit and footnote marks. Used for indicator-table cells, and meant for
// quantities in running text too (`2.56万个`, `约70亿元`, `不低于30%`).

export type Comparator = 'EQ' | 'LE' | 'GE' | 'LT' | 'GT' | 'APPROX' | 'RANGE';

export interface Quantity {
  /** The value with its magnitude applied: `2.56万` → 25600; for a range, the lower end. */
  readonly value: number;
  /** The upper end of a range such as `10-20公里`; null otherwise. */
  readonly upper: number | null;
  readonly comparator: Comparator;
  /** The magnitude factor applied (`万` → 10 000), so a caller can show the number as written. */
  readonly scale: number;
  /** The unit after the number and magnitude, e.g. `个`, `%`, `元`, `/10万`; null when none. */
  readonly unit: string | null;
  /** Trailing footnote marks, e.g. `*` in `16.5*`. */
  readonly footnote: string | null;
}

// Longer words first so `不低于` is not read as `低于`. Exported for the
// running-text reader (facts/quantities.ts), which meets the same words.
export const PREFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ['不低于', 'GE'], ['不少于', 'GE'], ['不小于', 'GE'], ['至少', 'GE'],
  ['不高于', 'LE'], ['不超过', 'LE'], ['不多于', 'LE'], ['不大于', 'LE'], ['最多', 'LE'],
  ['超过', 'GT'], ['高于', 'GT'], ['大于', 'GT'], ['多于', 'GT'],
  ['低于', 'LT'], ['少于', 'LT'], ['小于', 'LT'], ['不足', 'LT'],
  ['大约', 'APPROX'], ['接近', 'APPROX'], ['约', 'APPROX'], ['近', 'APPROX'],
  ['达到', 'EQ'], ['达', 'EQ'],
  ['≤', 'LE'], ['≦', 'LE'], ['⩽', 'LE'], ['<=', 'LE'],
  ['≥', 'GE'], ['≧', 'GE'], ['⩾', 'GE'], ['>=', 'GE'],
  ['<', 'LT'], ['＜', 'LT'], ['>', 'GT'], ['＞', 'GT'],
  ['=', 'EQ'], ['＝', 'EQ'], ['≈', 'APPROX'],
];

export const SUFFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ['及以上', 'GE'], ['以上', 'GE'], ['及以下', 'LE'], ['以下', 'LE'], ['以内', 'LE'],
  ['左右', 'APPROX'], ['上下', 'APPROX'],
];

const MAGNITUDES: Readonly<Record<string, number>> = { 百: 100, 千: 1000, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };

// Measure words that name a unit. Class words (级, 甲等) are deliberately absent:
// `三级` is a class, not a quantity. The second line holds words running text
// adds (`3个月`, `13批次`, `**轮`, `*起`, `400瓶`, `1199对`).
const MEASURE =
  '个百分点|百分点|人次|平方公里|平方米|立方米|公里|千米|分钟|小时|公斤|千克|毫升|' +
  '个月|批次|轮|起|瓶|对|亩|' +
  '岁|人|个|张|元|天|日|年|月|周|次|所|家|床|户|米|秒|吨|克|项|名|辆|台|套|例|座|处|间|支|种|批|篇|册|倍|份|件|条|本|位|组|支队|场';
const LATIN_UNIT = 'km|m²|m2|kg|ml|mL|L|g|t|h';
// `/10万`, `/万人`, `/千人`: a per-population denominator.
const PER = `\\/\\d*(?:[十百千万亿]+)?(?:${MEASURE})?`;
const UNIT_RE = new RegExp(`^(?:[%‰‱℃]|(?:[十百千万亿]*(?:${MEASURE}|${LATIN_UNIT}))(?:${PER})?|${PER})$`);

const NUMBER_RE = /^[+\-−]?\d+(?:,\d{3})*(?:\.\d+)?/;
const RANGE_DASH = /^(?:-|－|~|～|—|–|至|到)/;
const FOOTNOTE_RE = /[*＊※]+$/;

/** True when `s` reads as a unit of measure: `%`, `岁`, `/10万`, `万元`, `人/千人`; false for `市`, `助理`. */
export function isUnit(s: string): boolean {
  return UNIT_RE.test(s);
}

// No unit in this genre is longer (`/10万人次`, `个百分点`).
const MAX_UNIT_LENGTH = 8;

/**
 * The longest unit `s` starts with, for running text where the unit is
 * followed by more words: `个，配置…` → `个`, `人次；` → `人次`,
 * `/10万人降至` → `/10万人`. Null when `s` starts with no unit (`县区`, `级`).
 * `reject` turns down a unit that would cut a word (`支队` in `支队伍`), and
 * a shorter one is tried.
 */
export function leadingUnit(s: string, reject: (unit: string) => boolean = () => false): string | null {
  for (let n = Math.min(MAX_UNIT_LENGTH, s.length); n > 0; n--) {
    const head = s.slice(0, n);
    if (isUnit(head) && !reject(head)) return head;
  }
  return null;
}

/**
 * Parse a string that is a single quantity and nothing else, e.g. `≤4.2`,
 * `＞4.3`, `27左右`, `16.5*`, `不低于85%`, `2.56万个`, `约70亿元`, `10-20公里`.
 * Returns null when anything else is in the way (`比“十三五”末提高30%`, `-`).
 *
 *   不低于  85   万   %   以上  *
 *   ^pre    ^num ^mag ^unit ^suf ^footnote   — every part but the number optional
 */
export function parseQuantity(input: string): Quantity | null {
  let rest = toHalfWidth(input).trim();
  const footnote = FOOTNOTE_RE.exec(rest)?.[0] ?? null;
  if (footnote) rest = rest.slice(0, -footnote.length).trimEnd();

  const prefix = takeAffix(rest, PREFIXES, 'start');
  rest = prefix ? rest.slice(prefix[0].length).trimStart() : rest;
  const suffix = takeAffix(rest, SUFFIXES, 'end');
  rest = suffix ? rest.slice(0, -suffix[0].length).trimEnd() : rest;

  const first = takeNumber(rest);
  if (!first) return null;
  rest = first.rest;
  let scale = first.scale;
  let upper: number | null = null;
  const dash = RANGE_DASH.exec(rest);
  if (dash) {
    const second = takeNumber(rest.slice(dash[0].length).trimStart());
    if (!second) return null;
    // In `1-2万人` the magnitude is written once, after the second number,
    // and applies to both ends.
    if (scale === 1) scale = second.scale;
    upper = scaled(second.value, second.scale);
    rest = second.rest;
  }

  const unit = rest.trim();
  if (unit !== '' && !isUnit(unit)) return null;
  return {
    value: scaled(first.value, scale),
    upper,
    comparator: upper !== null ? 'RANGE' : (prefix?.[1] ?? suffix?.[1] ?? 'EQ'),
    scale,
    unit: unit === '' ? null : unit,
    footnote,
  };
}

/** `2.56万` is 25600, not 25600.000000000004: binary floating point, rounded back to what was written. */
function scaled(value: number, scale: number): number {
  return scale === 1 ? value : Number((value * scale).toPrecision(12));
}

function takeAffix(
  s: string,
  affixes: ReadonlyArray<readonly [string, Comparator]>,
  side: 'start' | 'end',
): readonly [string, Comparator] | null {
  for (const entry of affixes) {
    if (side === 'start' ? s.startsWith(entry[0]) : s.endsWith(entry[0])) return entry;
  }
  return null;
}

function takeNumber(s: string): { value: number; scale: number; rest: string } | null {
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  let rest = s.slice(m[0].length);
  let scale = 1;
  // Longest magnitude first: `十万` before `万`, and never the `百` of `百分点`.
  for (const word of Object.keys(MAGNITUDES).sort((a, b) => b.length - a.length)) {
    if (rest.startsWith(word) && !rest.startsWith('百分点')) {
      scale = MAGNITUDES[word]!;
      rest = rest.slice(word.length);
      break;
    }
  }
  return { value: Number(m[0].replace(/,/g, '').replace('−', '-')), scale, rest };
}

/** Full-width digits, point, percent and signs as ASCII, one character for one, so offsets stay valid. */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９．％＋－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
