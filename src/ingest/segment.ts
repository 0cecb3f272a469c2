import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// One jieba for the process: loading the dictionaries is the expensive part.
// The domain dictionary (lexicon/domain-dict.txt, jieba's `word freq tag`
// format) keeps institution, programme and indicator names whole.
let instance: Jieba | null = null;

export function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    instance.loadDict(readFileSync(new URL('./lexicon/domain-dict.txt', import.meta.url)));
  }
  return instance;
}

// Words too common in this genre to say two statements are about the same work.
const GENERIC = new Set(
  (
    '推进 加强 加快 工作 建设 全市 全区 全县 我市 我区 我县 进一步 提升 提高 持续 开展 实施 完善 健全 积极 全面 深入 不断 ' +
    '服务 能力 体系 机制 水平 推动 落实 做好 强化 深化 继续 稳步 有序 扎实 切实 着力 努力 坚持 确保 实现 完成 取得 ' +
    '目前 今年 年度 以上 以下 左右 达到 其中 相关 有关 各类 各项 各级 重点 主要 基本 以及 通过 进行 组织 情况 方面 ' +
    '成效 明显 显著 不断 逐步 高质量 发展 工程 项目 任务 目标 要求 政策 措施 质量 管理 卫生 健康 医疗 卫生健康'
  ).split(/\s+/),
);

/** Content words of a statement, for linking: no generic words, digits or single characters. */
export function contentTerms(text: string): string[] {
  const out = new Set<string>();
  for (const w of jieba().cutForSearch(text, true)) {
    if (w.length < 2 || GENERIC.has(w) || !/[\u4e00-\u9fff]/.test(w) || /^\d/.test(w)) continue;
    out.add(w);
  }
  return [...out].sort();
}
