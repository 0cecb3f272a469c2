import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// One jieba for the process: loading the dictionaries is the expensive part.
// Two lexicons in jieba's `word freq tag` format are loaded over its default
// dictionary: the facts lexicon (measure words, institution suffixes, with
// tags the facts stage relies on) and the domain dictionary (names of
// institutions, programmes and indicators kept whole for linking).
const LEXICONS = ['./lexicon/facts-dict.txt', './lexicon/domain-dict.txt'].map((p) => new URL(p, import.meta.url));

interface Loaded {
  readonly jieba: Jieba;
  /** Tags the lexicons insist on: jieba keeps its own tag for a word it already knows (`设置/vn`). */
  readonly tags: ReadonlyMap<string, string>;
  readonly loadMs: number;
}

let loaded: Loaded | null = null;

function load(): Loaded {
  if (loaded) return loaded;
  const started = performance.now();
  const instance = Jieba.withDict(dict);
  const tags = new Map<string, string>();
  for (const url of LEXICONS) {
    const lexicon = readFileSync(url);
    instance.loadDict(lexicon);
    for (const line of lexicon.toString('utf8').split('\n')) {
      const [word, , tag] = line.trim().split(/\s+/);
      if (word && tag && !tags.has(word)) tags.set(word, tag);
    }
  }
  loaded = { jieba: instance, tags, loadMs: performance.now() - started };
  return loaded;
}

export function jieba(): Jieba {
  return load().jieba;
}

export function lexiconTags(): ReadonlyMap<string, string> {
  return load().tags;
}

/** Milliseconds the first load took (0 before it happened), for reporting. */
export function segmenterLoadMs(): number {
  return loaded?.loadMs ?? 0;
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
