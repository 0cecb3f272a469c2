// Indicator tables (`“十四五”主要发展指标`) of five-year plans: one row per
// indicator with its category, number, name (unit in brackets), baseline and
// target values and attribute (预期性 / 约束性).
//
// Word exports such tables in one of two shapes, and both survive cleaning:
//
//   stacked — one cell per line, each opened by a tab the cleaner strips;
//             rows separated by a blank line; a blank category is a tab-only
//             line; a wrapped cell continues on a line without a tab:
//                 ⇥健康          ← category, wrapped over two lines
//                 环境
//                 ⇥20
//                 ⇥国家卫生县（市）数量占比（%）
//                 …
//   inline  — one row per line, cells separated by tabs.
//
// Rows are then read by content rather than by column position, which
// tolerates missing and merged cells: the row number is the first cell that
// is a small integer, whatever precedes it is the category, the cell after it
// is the name, an attribute cell (预期性/约束性) closes the row and the cells in
// between are the values.

import { linesOf, type Line } from './lines.ts';
import { isUnit, parseQuantity } from './quantities.ts';
import type { CleanText, Diagnostic, Span } from './types.ts';

export interface IndicatorTable {
  readonly title: string | null;
  readonly span: Span;
  readonly baselineYear: number | null;
  readonly targetYear: number | null;
  readonly rows: IndicatorRow[];
}

export interface IndicatorRow {
  /** The whole row, from its first written cell to its last, in ORIGINAL offsets. */
  readonly span: Span;
  /** Carried down over blank cells; a cell wrapped over lines is joined (`健康\n环境` → `健康环境`). */
  readonly category: string;
  /** The row number as written. */
  readonly number: string;
  /** Without the unit bracket, a leading `其中：` or a stray dash before the bracket. */
  readonly name: string;
  readonly nameSpan: Span;
  /** From the name's trailing bracket (`（岁）`, `(张)`), else a unit column, else a value's own unit. */
  readonly unit: string | null;
  readonly baseline: IndicatorCell;
  readonly target: IndicatorCell;
  readonly attribute: '预期性' | '约束性' | null;
}

export interface IndicatorCell {
  /** As written, with a wrapped cell's line break removed. */
  readonly text: string;
  /** Null when the cell is empty or absent. */
  readonly span: Span | null;
  readonly value: number | null;
  readonly comparator: 'EQ' | 'LE' | 'GE' | 'LT' | 'GT' | 'APPROX' | null;
  /** A target that is not a number, kept as text: `同比例提高`, `按国家下达目标`. */
  readonly qualitative: string | null;
  /** Footnote marks after the value, e.g. `*` in `16.5*`. */
  readonly footnote: string | null;
  /** `-` or empty: the table gives no value. */
  readonly missing: boolean;
}

export interface TablesResult {
  readonly tables: IndicatorTable[];
  readonly diagnostics: Diagnostic[];
  /** Cleaned-text ranges the tables occupy (title to last row), so later stages skip them. */
  readonly blocks: Span[];
}

/** Find indicator tables in cleaned text. */
export function findIndicatorTables(clean: CleanText): TablesResult {
  const lines = linesOf(clean);
  const result: TablesResult = { tables: [], diagnostics: [], blocks: [] };
  for (let i = 0; i < lines.length; i++) {
    if (!isHeaderStart(lines, i)) continue;
    const found = readTable(clean, lines, i);
    if (!found) continue;
    result.tables.push(found.table);
    // Not push(...): a table of many rows can have more diagnostics than a call takes arguments.
    for (const d of found.diagnostics) result.diagnostics.push(d);
    result.blocks.push(found.block);
    i = found.lastLine;
  }
  return result;
}

// ---------------------------------------------------------------- cells

/** A run of cleaned text on one line. */
interface Part {
  readonly start: number;
  readonly text: string;
}

/** A table cell: one part, or several when the cell wrapped over lines. */
interface Cell {
  text: string;
  readonly parts: Part[];
}

interface Group {
  readonly cells: Cell[];
  readonly firstLine: number;
  readonly lastLine: number;
}

type Layout = 'stacked' | 'inline';

// A wrapped cell's second line is short; a longer untabbed line is prose after the table.
const MAX_CONTINUATION = 30;

function cellOf(start: number, text: string): Cell {
  return { text, parts: [{ start, text }] };
}

function cellStart(cell: Cell): number {
  return cell.parts[0]!.start;
}

function cellEnd(cell: Cell): number {
  const last = cell.parts[cell.parts.length - 1]!;
  return last.start + last.text.length;
}

/** Cleaned offset of character `i` of the cell's joined text. */
function cleanedAt(cell: Cell, i: number): number {
  let rest = i;
  for (const part of cell.parts) {
    if (rest < part.text.length) return part.start + rest;
    rest -= part.text.length;
  }
  return cellEnd(cell);
}

/** Original span of characters [from, to) of the cell's joined text. */
function spanWithin(clean: CleanText, cell: Cell, from: number, to: number): Span {
  if (to <= from) return clean.spanOf(cleanedAt(cell, from), cleanedAt(cell, from));
  return clean.spanOf(cleanedAt(cell, from), cleanedAt(cell, to - 1) + 1);
}

function cellSpan(clean: CleanText, cell: Cell): Span {
  return clean.spanOf(cellStart(cell), cellEnd(cell));
}

// ---------------------------------------------------------------- groups (rows of cells)

/** The next row of cells at or after line `i`, or null at the end of the text. */
function readGroup(lines: Line[], i: number, layout: Layout, tabbed: boolean): Group | null {
  return layout === 'inline' ? readInline(lines, i) : readStacked(lines, i, tabbed);
}

function readInline(lines: Line[], i: number): Group | null {
  let j = i;
  while (j < lines.length && lines[j]!.text === '') j++;
  const line = lines[j];
  if (!line) return null;
  const cells: Cell[] = [];
  let offset = 0;
  for (const raw of line.text.split('\t')) {
    const lead = raw.length - raw.trimStart().length;
    cells.push(cellOf(line.start + offset + lead, raw.trim()));
    offset += raw.length + 1;
  }
  return { cells, firstLine: j, lastLine: j };
}

// With tab marks, a blank line without a tab separates rows and a tab-only
// line is an empty cell. Without them (text that lost its tabs) every
// non-empty line is a cell and wrapped cells are mended later, by content.
function readStacked(lines: Line[], i: number, tabbed: boolean): Group | null {
  const isSeparator = (line: Line): boolean => line.text === '' && !(tabbed && line.tabbed);
  let j = i;
  while (j < lines.length && isSeparator(lines[j]!)) j++;
  if (j >= lines.length) return null;
  const firstLine = j;
  const cells: Cell[] = [];
  for (; j < lines.length && !isSeparator(lines[j]!); j++) {
    const line = lines[j]!;
    const previous = cells[cells.length - 1];
    if (tabbed && !line.tabbed && previous && previous.text !== '' && line.text.length <= MAX_CONTINUATION) {
      previous.parts.push({ start: line.start, text: line.text });
      previous.text += line.text;
    } else {
      cells.push(cellOf(line.start, line.text));
    }
  }
  return { cells, firstLine, lastLine: j - 1 };
}

// ---------------------------------------------------------------- header

const HEADER_WORD = /^(?:分类|类别|领域|序号|编号|指标名称|指标|主要指标|指标值|目标值|单位|计量单位|属性|指标属性|指标性质)$/;
const NAME_HEADER = /^(?:指标名称|指标|主要指标)$/;
const UNIT_HEADER = /^(?:计量)?单位$/;
const YEAR = /((?:19|20)\d{2})/;
// How far a stacked header may reach for its words, in lines.
const HEADER_REACH = 8;

/** A line where a table header starts: two header words, one of them naming the indicator column. */
function isHeaderStart(lines: Line[], i: number): boolean {
  const line = lines[i]!;
  const words = line.text.includes('\t')
    ? line.text.split('\t').map((s) => s.trim())
    : HEADER_WORD.test(line.text)
      ? lines.slice(i, i + HEADER_REACH).map((l) => l.text)
      : [];
  const found = words.filter((w) => HEADER_WORD.test(w));
  return new Set(found).size >= 2 && found.some((w) => NAME_HEADER.test(w));
}

interface Header {
  readonly baselineYear: number | null;
  readonly targetYear: number | null;
  readonly unitColumn: boolean;
}

/** Years in header order: the first is the baseline, the last the target. */
function headerOf(cells: Cell[]): Header {
  const years = cells.flatMap((c) => {
    const m = YEAR.exec(c.text);
    return m ? [{ year: Number(m[1]), target: /目标/.test(c.text) }] : [];
  });
  const single = years.length === 1 ? years[0]! : null;
  return {
    baselineYear: years.length >= 2 ? years[0]!.year : single && !single.target ? single.year : null,
    targetYear: years.length >= 2 ? years[years.length - 1]!.year : single?.target ? single.year : null,
    unitColumn: cells.some((c) => UNIT_HEADER.test(c.text)),
  };
}

// The title sits on the line or two above the header: short, about indicators.
function titleAbove(lines: Line[], i: number): Line | null {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const line = lines[j]!;
    if (line.text === '') continue;
    return line.text.length <= 50 && /指标|表/.test(line.text) && !/[。；]$/.test(line.text) ? line : null;
  }
  return null;
}

// ---------------------------------------------------------------- table

interface Found {
  readonly table: IndicatorTable;
  readonly diagnostics: Diagnostic[];
  readonly block: Span;
  readonly lastLine: number;
}

// Header rows before the first indicator row; more would not be a header.
const MAX_HEADER_GROUPS = 3;

function readTable(clean: CleanText, lines: Line[], start: number): Found | null {
  const layout: Layout = lines[start]!.text.includes('\t') ? 'inline' : 'stacked';
  const tabbed = lines[start]!.tabbed;
  const next = (line: number): Group | null => readGroup(lines, line, layout, tabbed);

  // The header: the groups before the first one that reads as a row.
  const headerCells: Cell[] = [];
  let group = next(start);
  for (let n = 0; group && !looksLikeRow(group.cells); n++) {
    if (n === MAX_HEADER_GROUPS) return null;
    for (const cell of group.cells) headerCells.push(cell);
    group = next(group.lastLine + 1);
  }
  const header = headerOf(headerCells);

  const diagnostics: Diagnostic[] = [];
  const reader = new RowReader(clean, diagnostics, header, tabbed || layout === 'inline');
  let lastLine = -1;
  while (group && reader.read(group.cells)) {
    lastLine = group.lastLine;
    group = next(group.lastLine + 1);
  }
  if (reader.rows.length === 0) return null;

  const title = titleAbove(lines, start);
  const blockStart = title?.start ?? lines[start]!.start;
  const blockEnd = lines[lastLine]!.end;
  for (const d of tableDiagnostics(lines, lastLine, header, reader.rows)) diagnostics.push(d);
  return {
    table: {
      title: title?.text ?? null,
      span: clean.spanOf(blockStart, blockEnd),
      baselineYear: header.baselineYear,
      targetYear: header.targetYear,
      rows: reader.rows,
    },
    diagnostics,
    block: { start: blockStart, end: blockEnd },
    lastLine,
  };
}

function tableDiagnostics(lines: Line[], lastLine: number, header: Header, rows: IndicatorRow[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (header.baselineYear === null || header.targetYear === null) {
    out.push({
      rule: 'indicator-table-years',
      message: 'The table header does not give both a baseline and a target year.',
      span: rows[0]?.span ?? null,
      severity: 'warning',
    });
  }
  // A footnote mark wants a note (注：…) under the table; say so when there is none.
  const noteFollows = lines.slice(lastLine + 1, lastLine + 6).some((l) => /^(?:注|说明|备注)/.test(l.text));
  for (const row of rows) {
    for (const cell of [row.baseline, row.target]) {
      if (!cell.footnote || noteFollows) continue;
      out.push({
        rule: 'indicator-footnote-unexplained',
        message: `Row ${row.number} (${row.name}): the value ${cell.text} carries a footnote mark, but no note follows the table.`,
        span: cell.span,
        severity: 'info',
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- rows

const ROW_NUMBER = /^\d{1,3}$/;
const ATTRIBUTE = /^(?:预期性|约束性)$/;
const HAN = /\p{Script=Han}/u;
const MISSING = /^[-－—–/／]+$/;

function looksLikeRow(cells: Cell[]): boolean {
  const k = cells.findIndex((c) => ROW_NUMBER.test(c.text));
  return k >= 0 && HAN.test(cells[k + 1]?.text ?? '');
}

/** Reads groups into rows, carrying the category down and checking the numbering. */
class RowReader {
  readonly rows: IndicatorRow[] = [];
  private category = '';

  /** `cellsMarked`: each cell's start is known (tabs), so extra lines are extra columns, not wraps. */
  constructor(
    private readonly clean: CleanText,
    private readonly diagnostics: Diagnostic[],
    private readonly header: Header,
    private readonly cellsMarked: boolean,
  ) {}

  /** Adds the group as a row; false when it is not one (the table has ended). */
  read(cells: Cell[]): boolean {
    if (!looksLikeRow(cells)) return false;
    const k = cells.findIndex((c) => ROW_NUMBER.test(c.text));
    const number = cells[k]!;
    const nameCell = cells[k + 1]!;
    const own = cells.slice(0, k).filter((c) => c.text !== '');
    if (own.length > 0) this.category = own.map((c) => c.text).join('');

    const rest = trimTrailingEmpty(cells.slice(k + 2));
    const attrAt = findLastIndex(rest, (c) => ATTRIBUTE.test(c.text));
    const attribute = attrAt >= 0 ? rest[attrAt]! : null;
    const values = attrAt >= 0 ? rest.slice(0, attrAt) : rest;
    const unitCell = this.header.unitColumn ? (values.shift() ?? null) : null;
    const [baselineCell, targetCell] = this.valuePair(values, number);

    const name = this.nameOf(nameCell, number.text);
    const baseline = toIndicatorCell(this.clean, baselineCell);
    const target = toIndicatorCell(this.clean, targetCell);
    const first = own[0] ?? number;
    const last = attribute ?? values[values.length - 1] ?? unitCell ?? nameCell;
    this.checkNumbering(number);
    this.rows.push({
      span: this.clean.spanOf(cellStart(first), cellEnd(last)),
      category: this.category,
      number: number.text,
      name: name.text,
      nameSpan: name.span,
      unit: name.unit ?? (unitCell?.text || null) ?? valueUnit(baselineCell, targetCell),
      baseline,
      target,
      attribute: attribute ? (attribute.text as '预期性' | '约束性') : null,
    });
    return true;
  }

  /**
   * Baseline and target from the cells between name and attribute. Two is
   * the rule. With more, and tabs marking each cell, extra columns (a
   * mid-term year) are passed over; without tab marks the extra lines are a
   * wrapped target (`按国家` / `下达目标`) and are joined.
   */
  private valuePair(values: Cell[], number: Cell): [Cell | null, Cell | null] {
    if (values.length === 2) return [values[0]!, values[1]!];
    if (values.length > 2 && !this.cellsMarked) {
      const joined: Cell = { text: values.slice(1).map((c) => c.text).join(''), parts: values.slice(1).flatMap((c) => c.parts) };
      this.note(number, 'indicator-cell-wrapped', `Row ${number.text}: ${values.length} value lines; read the first as the baseline and joined the rest into the target.`, 'info');
      return [values[0]!, joined];
    }
    this.note(number, 'indicator-row-shape', `Row ${number.text}: ${values.length} value cells where a baseline and a target were expected.`, 'warning');
    if (values.length === 0) return [null, null];
    if (values.length === 1) return [null, values[0]!];
    return [values[0]!, values[values.length - 1]!];
  }

  /**
   * Name without its unit bracket and table furniture:
   *
   *   其中：每千常住人口中医类别执业（助理）医师数（人）
   *   ^^^^^ a part of the row above          ^^^^ unit
   *   健康服务业总规模年均增幅-（%）
   *                           ^ stray dash, dropped
   */
  private nameOf(cell: Cell, number: string): { text: string; span: Span; unit: string | null } {
    const text = cell.text;
    const bracket = /[（(]([^（）()]+)[）)]$/.exec(text);
    const unit = bracket && isUnit(bracket[1]!) ? bracket[1]! : null;
    let end = unit && bracket ? bracket.index : text.length;
    let start = 0;
    const sub = /^其中[：:]/.exec(text);
    if (sub) {
      start = sub[0].length;
      this.note(cell, 'indicator-sub-row', `Row ${number} is marked 其中： (a part of the indicator above it); the name is read without the mark.`, 'info');
    }
    const dash = /[-－—–]+$/.exec(text.slice(start, end));
    if (dash && end - dash[0].length > start) {
      end -= dash[0].length;
      this.note(cell, 'indicator-name-stray-dash', `Row ${number}: the name ends in a stray "${dash[0]}" before its unit; the name is read without it.`, 'info');
    }
    return { text: text.slice(start, end), span: spanWithin(this.clean, cell, start, end), unit };
  }

  private checkNumbering(number: Cell): void {
    const previous = this.rows[this.rows.length - 1];
    if (!previous || Number(number.text) === Number(previous.number) + 1) return;
    this.note(number, 'indicator-numbering-gap', `Row ${number.text} follows row ${previous.number}.`, 'warning');
  }

  private note(cell: Cell, rule: string, message: string, severity: Diagnostic['severity']): void {
    this.diagnostics.push({ rule, message, span: cellSpan(this.clean, cell), severity });
  }
}

function toIndicatorCell(clean: CleanText, cell: Cell | null): IndicatorCell {
  const empty = { value: null, comparator: null, qualitative: null, footnote: null };
  if (!cell || cell.text === '') return { text: '', span: null, ...empty, missing: true };
  const span = cellSpan(clean, cell);
  if (MISSING.test(cell.text)) return { text: cell.text, span, ...empty, missing: true };
  const q = parseQuantity(cell.text);
  if (q && q.comparator !== 'RANGE') {
    return { text: cell.text, span, value: q.value, comparator: q.comparator, qualitative: null, footnote: q.footnote, missing: false };
  }
  const footnote = /[*＊※]+$/.exec(cell.text)?.[0] ?? null;
  return { text: cell.text, span, ...empty, qualitative: cell.text, footnote, missing: false };
}

/** A unit written with a value (`不低于85%`), for rows whose name gives none. */
function valueUnit(...cells: Array<Cell | null>): string | null {
  for (const cell of cells) {
    const unit = cell ? parseQuantity(cell.text)?.unit : null;
    if (unit) return unit;
  }
  return null;
}

function trimTrailingEmpty(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.text === '') end--;
  return cells.slice(0, end);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
