import type { Description, SectionRole } from './types.ts';

// What a heading says its part does. A heading names a part's role only
// when it is short and ENDS with the role phrase (二、存在的不足, （三）发展目标,
// 2023年工作谋划): a task heading that merely contains the words
// (完善药品供应保障机制, …夯实高质量发展基础) is a task, not a part.
// Order matters: the first rule that matches wins.
const ROLE_RULES: ReadonlyArray<readonly [SectionRole, RegExp]> = [
  ['RESULTS', /(完成情况|工作总结|总结|主要做法及成效|工作成效|主要成效|工作回顾|进展情况|取得的成绩)$/],
  ['PROBLEMS', /(存在的?(主要)?(问题|不足)|问题和不足|困难和问题)$/],
  ['SUGGESTIONS', /建议$/],
  ['BACKGROUND', /(规划背景|发展基础|机遇(与|和)?挑战|发展形势|现状)$/],
  ['PRINCIPLES', /(指导思想|基本原则|总体要求|工作思路|总体思路)$/],
  ['TARGETS', /(发展目标|主要目标|目标任务|主要指标|发展指标)$/],
  ['MEASURES', /(保障措施|实施保障|组织实施)$/],
  ['PLAN', /(工作(计划|谋划|打算|安排|要点)|重点任务|主要任务|重点工作|下一步工作)$/],
];

const MAX_ROLE_HEADING = 14;

export function roleOfHeading(heading: string): SectionRole | null {
  const core = heading.replace(/^(20\d{2}|二〇[〇一二三四五六七八九]{2})年度?/, '').replace(/[。：:；;，,\s]+$/, '');
  if (core.length > MAX_ROLE_HEADING) return null;
  for (const [role, re] of ROLE_RULES) if (re.test(core)) return role;
  return null;
}

/** The role a top-level part has when its heading does not say (一、聚焦一条主线 in a summary). */
export function defaultRole(description: Description): SectionRole {
  switch (description.kind) {
    case 'ANNUAL_SUMMARY':
    case 'SUMMARY_AND_PLAN':
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
    // A summary-and-plan reports on the year before the plan year.
    if (kind === 'SUMMARY_AND_PLAN' && period) return period.from - 1;
    return years[0] ?? null;
  }
  if (kindOfRole(role) === 'PLAN' || role === 'PRINCIPLES' || role === 'SUGGESTIONS') return period?.from ?? years.at(-1) ?? null;
  return null;
}
