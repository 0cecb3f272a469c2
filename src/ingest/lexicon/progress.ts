import type { Progress as ProgressValue } from '../../vocabulary.ts';
// Progress words of the genre (DESIGN.md §2). Data, not code: a researcher can
// read this table and see why an outcome was called what it was.

export type Progress = { readonly value: ProgressValue; readonly words: readonly string[] };

// Checked in this order: "超额完成" must win over "完成", "基本完成" and
// "正在…" (under way) over "完成".
export const PROGRESS_WORDS: ReadonlyArray<readonly [Progress['value'], readonly string[]]> = [
  ['NOT_DONE', ['尚未', '滞后', '未完成', '未能', '没有得到']],
  ['EXCEEDED', ['超额完成', '超过目标', '超出']],
  ['IN_PROGRESS', ['有序推进', '正在推进', '稳步推进', '基本完成', '正在', '加快推进', '积极推进', '推进中', '持续推进', '按计划', '启动']],
  // Not 达到: `达到2.59平方米` states a level, not that work is done.
  ['COMPLETED', ['已建成投用', '已建设投用', '建成投用', '投入使用', '已完成', '通过验收', '通过了', '实现全覆盖', '全覆盖', '已建成', '建成', '封顶', '竣工', '已开工', '完成', '已经']],
  // Last, and only when nothing above is said: a report that it kept working at
  // something (深化改革, 加快建设, 持续推进) says the work is under way, not done.
  ['IN_PROGRESS', ['推进', '深化', '加快', '加强', '持续', '不断']],
];

export function progressOf(text: string): Progress | null {
  for (const [value, words] of PROGRESS_WORDS) {
    const hits = words.filter((w) => text.includes(w));
    if (hits.length) return { value, words: hits };
  }
  return null;
}
