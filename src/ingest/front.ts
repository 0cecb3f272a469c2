// What stands around a document's body without being part of it: web-page
// navigation and metadata, a newspaper's masthead and source line, a speech's
// by-line and speaker, a site's boilerplate at the end. None of it is the
// title, a part, a statement, or a reason to call the document anything.
// Each line found is reported, so a reader sees what was set aside.
//
// > | 当前位置：首页 > 政务公开 > 规划计划            navigation
// > | ——2017年3月5日在第十二届全国人民代表大会第五次会议上    by-line
// > | 国务院总理 李克强                              speaker
// > | 来源：河北日报                                 source
import { splitLines } from './lines.ts';
import type { CleanText, Diagnostic, Span } from './types.ts';

export type FrontKind = 'navigation' | 'metadata' | 'masthead' | 'byline' | 'speaker' | 'source' | 'salutation' | 'boilerplate';

export interface FrontLine {
  readonly kind: FrontKind;
  /** Cleaned offsets of the whole line. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface FrontMatter {
  readonly lines: readonly FrontLine[];
  /** The speech's date line, when there is one: its year dates a government work report. */
  readonly byline: (FrontLine & { readonly year: number; readonly assembly: string | null }) | null;
  /** Cleaned-text spans the later stages skip (every line above). */
  readonly spans: readonly Span[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The opening of a text, where a report names who speaks and to whom
 * (现在，我代表国务院，向大会报告…): what describe looks in for them.
 */
export const openingOf = (text: string): string => text.slice(0, 1500);

// Only the opening lines are searched for what precedes a body; boilerplate
// is searched in the closing lines.
const HEAD_LINES = 25;
const TAIL_LINES = 12;

const RULES: ReadonlyArray<readonly [FrontKind, RegExp]> = [
  ['navigation', /当前位置|您的位置|^首页\s*[>›»＞]|[>›»＞]\s*(?:正文|详情)$/],
  ['metadata', /^(?:索引号|发布机构|发文机关|成文日期|发布日期|发文字号|主题分类|公开方式|公开范围|信息来源|浏览次数|文号|分类)\s*[:：]/],
  ['masthead', /^第\s*[A-Z]?\d{1,3}\s*版\s*[:：]?|^[（(]?[A-Z]\d{2}版[)）]?$/],
  ['source', /^(?:来源|稿源|作者|编辑|责任编辑|责编|供稿)\s*[:：]|^[（(]\s*记者[^）)]{0,40}[)）]$/],
  ['salutation', /^各位代表[:：！!，,]?$/],
  ['boilerplate', /【?\s*字[体号]\s*[:：]\s*大\s*中\s*小|打印本页|关闭窗口|分享到[:：]?|扫一扫在手机|^(?:上一篇|下一篇)\s*[:：]/],
];

// `——2017年3月5日在第十二届全国人民代表大会第五次会议上`,
// `2025年1月18日在河南省第十四届人民代表大会第三次会议上河南省人民政府省长王凯作政府工作报告`,
// `——2025年1月16日省长 李乐成在辽宁省第十四届人民代表大会第三次会议上`.
const BYLINE = /^—{0,2}\s*(20\d{2}|19\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,40}?在(.{0,40}?(?:代表大会|大会|会议))/;
// `国务院总理 李克强`, `广东省省长 王伟中`, `西藏自治区代理主席 嘎玛泽登`, `省长 李炳军`.
const SPEAKER = /^(?:国务院)?.{0,12}?(?:总理|省长|市长|区长|县长|州长|盟长|主席|主任|书记|局长|主任委员)\s*[\u4e00-\u9fa5·]{2,5}$/;

export function findFrontMatter(clean: CleanText): FrontMatter {
  const lines = splitNonEmpty(clean.text);
  const found: FrontLine[] = [];
  let byline: FrontMatter['byline'] = null;
  const head = lines.slice(0, HEAD_LINES);
  const tail = lines.length > HEAD_LINES ? lines.slice(-TAIL_LINES) : [];
  for (const [i, line] of head.entries()) {
    const b = BYLINE.exec(line.text);
    if (b && line.text.length <= 120) {
      const entry = { kind: 'byline' as const, ...line, year: Number(b[1]), assembly: b[2] ?? null };
      found.push(entry);
      byline ??= entry;
      continue;
    }
    // A speaker stands next to the by-line (before or after it).
    const nearByline = [head[i - 1], head[i + 1]].some((l) => l && BYLINE.test(l.text));
    if (nearByline && SPEAKER.test(line.text)) {
      found.push({ kind: 'speaker', ...line });
      continue;
    }
    const kind = ruleOf(line.text);
    if (kind && kind !== 'boilerplate') found.push({ kind, ...line });
  }
  for (const line of tail) if (ruleOf(line.text) === 'boilerplate') found.push({ kind: 'boilerplate', ...line });
  return {
    lines: found,
    byline,
    spans: found.map((l) => ({ start: l.start, end: l.end })),
    diagnostics: summary(found, clean),
  };
}

function ruleOf(text: string): FrontKind | null {
  for (const [kind, re] of RULES) if (re.test(text)) return kind;
  return null;
}

function splitNonEmpty(text: string): Array<{ start: number; end: number; text: string }> {
  return splitLines(text)
    .filter((l) => l.text.trim() !== '')
    .map((l) => ({ ...l, text: l.text.trim() }));
}

const WHAT: Record<FrontKind, string> = {
  navigation: 'web-page navigation',
  metadata: 'page metadata (索引号, 发布机构 …)',
  masthead: 'a newspaper masthead',
  byline: 'the by-line of a speech',
  speaker: "the speaker's name",
  source: 'a source or reporter line',
  salutation: 'the salutation',
  boilerplate: 'web-site boilerplate',
};

/** One diagnostic per kind: "2 lines of web-page navigation set aside". */
function summary(found: readonly FrontLine[], clean: CleanText): Diagnostic[] {
  const byKind = new Map<FrontKind, FrontLine[]>();
  for (const l of found) byKind.set(l.kind, [...(byKind.get(l.kind) ?? []), l]);
  return [...byKind].map(([kind, ls]) => ({
    rule: `front-${kind}`,
    message: `${ls.length} line${ls.length > 1 ? 's' : ''} of ${WHAT[kind]} set aside: ${ls.map((l) => `“${l.text.slice(0, 30)}”`).join(', ')}`,
    span: clean.spanOf(ls[0]!.start, ls[0]!.end),
    severity: 'info' as const,
  }));
}
