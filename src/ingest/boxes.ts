// 专栏 boxes of five-year plans: a titled box listing the projects of a
// task, one `项目名：描述` line each. They become Project nodes.
//
//   专栏2：全方位全周期健康保障工程          ← number and title
//                                           ← blank lines after the title are allowed
//   “两建三融四行动”：“两建”，建立健全…       ← item: short name, colon, description
//   合理膳食行动：开展减盐、减油、减糖…
//                                           ← two blank lines, the next 专栏 or a
//                                             numbered heading end the box

import { linesOf, type Line } from './lines.ts';
import { chineseNumber } from './numerals.ts';
import { toHalfWidth } from './quantities.ts';
import type { CleanText, Diagnostic, Span } from './types.ts';

export interface Box {
  readonly number: number;
  readonly title: string;
  /** From `专栏` to the end of the last item, in ORIGINAL offsets. */
  readonly span: Span;
  readonly titleSpan: Span;
  readonly items: BoxItem[];
}

export interface BoxItem {
  /** The text before the colon, quotes kept (`城市“四所医院”`); '' when the line has no short name. */
  readonly name: string;
  /** Zero-width at the line start when the name is ''. */
  readonly nameSpan: Span;
  readonly description: string;
  readonly descriptionSpan: Span;
  /** The whole line. */
  readonly span: Span;
}

export interface BoxesResult {
  readonly boxes: Box[];
  readonly diagnostics: Diagnostic[];
  /** Cleaned-text ranges the boxes occupy, so later stages skip them. */
  readonly blocks: Span[];
}

const BOX_START = /^专栏\s*([0-9０-９]{1,3}|[〇零一二三四五六七八九十两]{1,4})\s*(?:[：:]\s*|\s+)/;
// Numbered headings of the surrounding text: `（二）…`, `4.…`, `三、…`, `（1）…`, `第二部分`.
const HEADING =
  /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}(?:[.．](?!\d)|、)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]{1,3}(?:部分|章|节)|附件|附表)/;
// An item name is a label, not a clause: short and without sentence punctuation.
const ITEM_NAME = /^([^：:，。；！？,;]{1,25})[：:]/;
// Blank lines allowed between the title and the first item.
const MAX_LEADING_BLANKS = 3;

/** Find 专栏 boxes in cleaned text. */
export function findBoxes(clean: CleanText): BoxesResult {
  const lines = linesOf(clean);
  const result: BoxesResult = { boxes: [], diagnostics: [], blocks: [] };
  for (let i = 0; i < lines.length; i++) {
    const start = BOX_START.exec(lines[i]!.text);
    if (!start) continue;
    const { box, lastLine, diagnostics } = readBox(clean, lines, i, start);
    checkNumbering(result.boxes, box, result.diagnostics);
    result.boxes.push(box);
    // Not push(...): a box of many lines can have more diagnostics than a call takes arguments.
    for (const d of diagnostics) result.diagnostics.push(d);
    result.blocks.push({ start: lines[i]!.start, end: lines[lastLine]!.end });
    i = lastLine;
  }
  return result;
}

function readBox(
  clean: CleanText,
  lines: Line[],
  at: number,
  start: RegExpExecArray,
): { box: Box; lastLine: number; diagnostics: Diagnostic[] } {
  const head = lines[at]!;
  const titleStart = head.start + start[0].length;
  const diagnostics: Diagnostic[] = [];
  const { items: itemLines, lastLine } = itemLinesAfter(lines, at);
  const items = itemLines.map((line) => toItem(clean, line, diagnostics));
  const box: Box = {
    number: boxNumber(start[1]!),
    title: head.text.slice(start[0].length),
    span: clean.spanOf(head.start, lines[lastLine]!.end),
    titleSpan: clean.spanOf(titleStart, head.end),
    items,
  };
  if (items.length === 0) {
    diagnostics.push({ rule: 'box-empty', message: `专栏${start[1]} has no item lines.`, span: box.span, severity: 'warning' });
  }
  return { box, lastLine, diagnostics };
}

/**
 * The box's item lines. Blank lines after the title are skipped; after the
 * first item, two blank lines end the box, and so does one blank line
 * followed by a line that is not a named item (the text resuming).
 * `lastLine` is the index of the last item line (the title's without items),
 * kept as they are read: looking it up in the lines afterwards made a
 * document with many boxes boxes × lines.
 */
function itemLinesAfter(lines: Line[], at: number): { items: Line[]; lastLine: number } {
  const items: Line[] = [];
  let lastLine = at;
  let blanks = 0;
  for (let j = at + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.text === '') {
      blanks++;
      if (items.length > 0 ? blanks >= 2 : blanks > MAX_LEADING_BLANKS) break;
      continue;
    }
    if (BOX_START.test(line.text) || HEADING.test(line.text)) break;
    if (items.length > 0 && blanks > 0 && !ITEM_NAME.test(line.text)) break;
    items.push(line);
    lastLine = j;
    blanks = 0;
  }
  return { items, lastLine };
}

function toItem(clean: CleanText, line: Line, diagnostics: Diagnostic[]): BoxItem {
  const span = clean.spanOf(line.start, line.end);
  const named = ITEM_NAME.exec(line.text);
  if (!named) {
    diagnostics.push({
      rule: 'box-item-without-name',
      message: 'A box line has no short `名称：` label; kept as an item without a name.',
      span,
      severity: 'info',
    });
    return { name: '', nameSpan: clean.spanOf(line.start, line.start), description: line.text, descriptionSpan: span, span };
  }
  const name = named[1]!.trimEnd();
  const rest = line.text.slice(named[0].length);
  const descriptionStart = line.start + named[0].length + (rest.length - rest.trimStart().length);
  return {
    name,
    nameSpan: clean.spanOf(line.start, line.start + name.length),
    description: rest.trim(),
    descriptionSpan: clean.spanOf(descriptionStart, line.end),
    span,
  };
}

function boxNumber(written: string): number {
  const arabic = toHalfWidth(written);
  return /^\d+$/.test(arabic) ? Number(arabic) : (chineseNumber(written) ?? 0);
}

function checkNumbering(previous: Box[], box: Box, diagnostics: Diagnostic[]): void {
  const last = previous[previous.length - 1];
  const expected = last ? last.number + 1 : 1;
  if (box.number === expected) return;
  diagnostics.push({
    rule: 'box-numbering-gap',
    message: last ? `专栏${box.number} follows 专栏${last.number}.` : `The first box is 专栏${box.number}.`,
    span: box.titleSpan,
    severity: 'info',
  });
}
