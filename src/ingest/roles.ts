import type { Description, SectionRole } from './types.ts';

// What a heading says its part does. A heading names a part's role only
// when it is short and ENDS with the role phrase (二、存在的不足, （三）发展目标,
// 2023年工作谋划): a task heading that merely contains the words
// (完善药品供应保障机制, …夯实高质量发展基础) is a task, not a part.
// Order matters: the first rule that matches wins.
const ROLE_RULES: ReadonlyArray<readonly [SectionRole, RegExp]> = [
  ['RESULTS', /(完成情况|工作总结|总结|主要做法及成效|工作成效|主要成效|工作回顾|进展情况|取得的成绩|发展的回顾|的回顾)$/],
  ['PROBLEMS', /(存在的?(主要)?(问题|不足)|问题和不足|困难和问题)$/],
  // A government work report's proposals to the assembly are this year's plan (对今年政府工作的建议);
  // elsewhere 建议 are suggestions to superiors (四、主要建议).
  ['PLAN', /政府工作的建议$/],
  ['SUGGESTIONS', /建议$/],
  ['BACKGROUND', /(规划背景|发展基础|机遇(与|和)?挑战|发展形势|现状|名词解释|名词注释|注释)$/],
  ['TARGETS', /(发展目标|主要目标|目标任务|主要指标|发展指标|主要预期目标|政策取向|宏观经济政策|总体部署|主要目标和任务|目标任务和重大举措)$/],
  ['PRINCIPLES', /(指导思想|基本原则|总体要求|工作思路|总体思路)$/],
  ['MEASURES', /(保障措施|实施保障|组织实施)$/],
  ['PLAN', /(工作(计划|谋划|打算|安排|要点|任务|部署)|重点任务|主要任务|重点工作|下一步工作|^(?:关于)?的?工作)$/],
];

const MAX_ROLE_HEADING = 14;

// What a part heading may open with: the time it speaks of. `2023年`,
// `今年`, `过去一年`, `过去五年`, `“十三五”时期`, and for the plan of a
// report `关于2025年`, `对今年` (对今年政府工作的建议).
const TIME_LEAD = /^(?:关于|对)?(?:20\d{2}|二〇[〇一二三四五六七八九]{2})年度?|^(?:关于|对)?(?:今年|过去一年|过去的一年|过去五年|[“"]?十[一二三四五六七八九]?五[”"]?时期)/;
// A heading led by a time may say more before its role (今年经济社会发展的总体要求、主要预期目标和宏观经济政策).
const MAX_TIMED_ROLE_HEADING = 30;

export function roleOfHeading(heading: string): SectionRole | null {
  const trimmed = heading.replace(/[。：:；;，,\s]+$/, '');
  const timed = TIME_LEAD.exec(trimmed);
  const core = timed ? trimmed.slice(timed[0].length) || trimmed : trimmed;
  if (core.length > (timed ? MAX_TIMED_ROLE_HEADING : MAX_ROLE_HEADING)) return null;
  for (const [role, re] of ROLE_RULES) if (re.test(core)) return role;
  return null;
}

/** An unnumbered line that names a part by its role (2024年工作回顾, 重点任务): short, no sentence in it. */
export function isPlainPartHeading(text: string): boolean {
  return text.length <= 20 && !/[。；;，,：:！？、]/.test(text) && roleOfHeading(text) !== null;
}

export interface YearRange {
  readonly from: number;
  readonly to: number;
}

// `“十三五”`: the n-th five-year plan. From the 3rd (1966–1970) on they run
// back to back, so the n-th starts in 1951 + 5n: 十一五 2006, 十三五 2016, 十四五 2021.
const FIVE_YEAR = /十([一二三四五六七八九]?)五/;
const CN_ONES = '一二三四五六七八九';

export function fiveYearPlanPeriod(mark: string): YearRange | null {
  const m = FIVE_YEAR.exec(mark);
  if (!m) return null;
  const n = 10 + (m[1] ? CN_ONES.indexOf(m[1]) + 1 : 0);
  return { from: 1951 + 5 * n, to: 1955 + 5 * n };
}

/**
 * A report given in the first year of a five-year plan (2011, 2016, 2021 …)
 * reviews the plan just ended as well as the last year, under a heading that
 * names only the year (一、2015年工作回顾 … 过去五年，… “十二五”时期的辉煌成就):
 * when the review's text says so, it speaks of those five years.
 */
export function reviewedPlanPeriod(reportYear: number, reviewText: string): YearRange | null {
  if ((reportYear - 1951) % 5 !== 0) return null;
  const previous = { from: reportYear - 5, to: reportYear - 1 };
  const n = (previous.from - 1951) / 5;
  const mark = n === 10 ? '十五' : `十${'一二三四五六七八九'[n - 11] ?? ''}五`;
  return /过去五年/.test(reviewText) || reviewText.includes(`“${mark}”`) ? previous : null;
}

/**
 * The years a part heading speaks of: `2024年工作回顾` 2024, `今年…` the
 * report's year, `过去一年` the year before it, `过去五年` the five before it,
 * `“十二五”时期…` that plan's five. Null when the heading names no time.
 */
export function yearsOfHeading(heading: string, reportYear: number | null): YearRange | null {
  const year = /(20\d{2})年/.exec(heading);
  if (year) {
    const y = Number(year[1]);
    // `2021—2025年`: a range.
    const range = /(20\d{2})\s*[-—–~～至到]+\s*(20\d{2})年/.exec(heading);
    return range ? { from: Number(range[1]), to: Number(range[2]) } : { from: y, to: y };
  }
  const five = /[“"]?十[一二三四五六七八九]?五[”"]?时期/.exec(heading);
  if (five) return fiveYearPlanPeriod(five[0]);
  if (reportYear === null) return null;
  if (/今年/.test(heading)) return { from: reportYear, to: reportYear };
  if (/过去(?:的)?一年/.test(heading)) return { from: reportYear - 1, to: reportYear - 1 };
  if (/过去五年/.test(heading)) return { from: reportYear - 5, to: reportYear - 1 };
  return null;
}

/** The year a government work report is given in: its part headings' 今年 and 过去五年 count from it. */
export function reportYearOf(description: Description): number | null {
  return description.kind === 'WORK_REPORT' ? (description.period?.from ?? null) : null;
}

/** The role a top-level part has when its heading does not say (一、聚焦一条主线 in a summary). */
export function defaultRole(description: Description): SectionRole {
  switch (description.kind) {
    case 'ANNUAL_SUMMARY':
    case 'SUMMARY_AND_PLAN':
    case 'WORK_REPORT':
      return 'RESULTS';
    case 'FIVE_YEAR_PLAN':
    case 'ANNUAL_PLAN':
      return 'PLAN';
    case 'OTHER':
      return 'BACKGROUND';
  }
}

export function kindOfRole(role: SectionRole): 'RESULTS' | 'PLAN' | 'OTHER' {
  if (role === 'RESULTS') return 'RESULTS';
  if (role === 'PLAN' || role === 'TARGETS' || role === 'MEASURES') return 'PLAN';
  return 'OTHER';
}

/** The year a part speaks of when its heading names none. */
export function defaultYear(role: SectionRole, description: Description): number | null {
  const { kind, years, period } = description;
  if (kind === 'FIVE_YEAR_PLAN') return null;
  if (role === 'RESULTS' || role === 'PROBLEMS') {
    // A summary-and-plan, and a government work report, report on the year before the plan year.
    if ((kind === 'SUMMARY_AND_PLAN' || kind === 'WORK_REPORT') && period) return period.from - 1;
    return years[0] ?? null;
  }
  if (kindOfRole(role) === 'PLAN' || role === 'PRINCIPLES' || role === 'SUGGESTIONS') return period?.from ?? years.at(-1) ?? null;
  return null;
}
