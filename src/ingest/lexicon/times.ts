// Time words of the genre, as data. How a part of a year is written and where
// it ends; which five-year plan covers which years.

/** Parts of a year and the month-day they end on. Longer words first: `前三季度` before `三季度`. */
export const YEAR_PARTS: ReadonlyArray<readonly [string, string]> = [
  ['前三季度', '09-30'],
  ['前两季度', '06-30'],
  ['第一季度', '03-31'],
  ['第二季度', '06-30'],
  ['第三季度', '09-30'],
  ['第四季度', '12-31'],
  ['一季度', '03-31'],
  ['二季度', '06-30'],
  ['三季度', '09-30'],
  ['四季度', '12-31'],
  ['上半年', '06-30'],
  ['下半年', '12-31'],
  ['全年', '12-31'],
];

/** Years named relative to the part's year. */
export const RELATIVE_YEARS: ReadonlyArray<readonly [string, number]> = [
  ['今年', 0],
  ['当年', 0],
  ['本年度', 0],
  ['明年', 1],
  ['去年', -1],
];

/**
 * Five-year plans by number (`十三五` is the 13th): first and last year.
 * From the 6th (1981–85) on they follow each other without gaps.
 */
export function fiveYearPlan(n: number): { from: number; to: number } | null {
  if (n < 6 || n > 20) return null;
  const from = 1981 + 5 * (n - 6);
  return { from, to: from + 4 };
}

/** `十三五` → 13, `十四五` → 14: the middle numeral of the abbreviation. */
export const FIVE_YEAR_DIGIT: Readonly<Record<string, number>> = { 一: 11, 二: 12, 三: 13, 四: 14, 五: 15, 六: 16 };
