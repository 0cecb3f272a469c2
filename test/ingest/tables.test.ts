import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/ingest/clean.ts';
import { parseQuantity } from '../../src/ingest/quantities.ts';
import { findIndicatorTables, type IndicatorCell, type IndicatorRow } from '../../src/ingest/tables.ts';
import type { Span } from '../../src/ingest/types.ts';
import gold from '../gold/002-indicators.json' with { type: 'json' };

const seed = (name: string): string => readFileSync(`seeds/${name}`, 'utf8');
const PLAN = '002_bf6091a721eff7e0.txt';
const OTHERS = ['000_d0de7db37b98f3f9.txt', '001_e1634718f3e3e389.txt', '003_d499b532073839b7.txt', '004_80ecafe8e7002946.txt'];

/**
 * The span cuts `expected` back out of the original text. A cell wrapped over
 * lines (`按国家\n下达目标`) holds its text without the line break, so the
 * break and the next line's indent are dropped from the cut before comparing.
 */
function expectCut(original: string, span: Span | null, expected: string, what: string): void {
  expect(span, what).not.toBeNull();
  const cut = original.slice(span!.start, span!.end);
  expect(cut.replace(/\r?\n[ \t\u3000]*/g, ''), what).toBe(expected);
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** A row's span covers its lines: it starts where a cell starts, ends at a line end, and holds the row's cells in order. */
function expectRowCut(original: string, row: IndicatorRow, ownCategory: boolean): void {
  const what = `row ${row.number}`;
  const { start, end } = row.span;
  expect(['\t', '\n', undefined], what).toContain(original[start - 1]);
  expect(['\r', '\n', undefined], what).toContain(original[end]);
  const cut = squash(original.slice(start, end));
  expect(cut.startsWith(ownCategory ? row.category : row.number), what).toBe(true);
  expect(cut.endsWith(row.attribute ?? row.target.text), what).toBe(true);
  let at = 0;
  for (const part of [row.number, row.name, row.baseline.text, row.target.text]) {
    const found = cut.indexOf(squash(part), at);
    expect(found, `${what}: ${part}`).toBeGreaterThanOrEqual(0);
    at = found + squash(part).length;
  }
}

function cellSummary(cell: IndicatorCell) {
  const { text, value, comparator, qualitative, footnote, missing } = cell;
  return { text, value, comparator, qualitative, footnote, missing };
}

function rowSummary(row: IndicatorRow) {
  return {
    number: row.number,
    category: row.category,
    name: row.name,
    unit: row.unit,
    baseline: cellSummary(row.baseline),
    target: cellSummary(row.target),
    attribute: row.attribute,
  };
}

describe('findIndicatorTables on the 南阳 five-year plan (seed 002)', () => {
  const c = clean(seed(PLAN));
  const result = findIndicatorTables(c);
  const table = result.tables[0]!;

  it('finds one table with its title and years', () => {
    expect(result.tables).toHaveLength(1);
    expect(table.title).toBe(gold.title);
    expect(table.baselineYear).toBe(gold.baselineYear);
    expect(table.targetYear).toBe(gold.targetYear);
  });

  it('reads exactly the 24 rows of the hand-annotated gold', () => {
    expect(table.rows).toHaveLength(24);
    expect(table.rows.map(rowSummary)).toEqual(gold.rows);
  });

  it('gives spans that cut every field back out of the original text', () => {
    let previousCategory: string | null = null;
    for (const row of table.rows) {
      const what = `row ${row.number}`;
      expectCut(c.original, row.nameSpan, row.name, `${what} name`);
      for (const [label, cell] of [['baseline', row.baseline], ['target', row.target]] as const) {
        if (cell.text === '') expect(cell.span, `${what} ${label}`).toBeNull();
        else expectCut(c.original, cell.span, cell.text, `${what} ${label}`);
      }
      expectRowCut(c.original, row, row.category !== previousCategory);
      previousCategory = row.category;
    }
  });

  it('keeps wrapped cells whole: the category of row 20 and the targets of rows 21 and 22', () => {
    const byNumber = new Map(table.rows.map((r) => [r.number, r]));
    expect(c.original.slice(byNumber.get('20')!.span.start).startsWith('健康\n环境')).toBe(true);
    for (const n of ['21', '22']) {
      const target = byNumber.get(n)!.target;
      expect(c.original.slice(target.span!.start, target.span!.end)).toBe('按国家\n下达目标');
    }
  });

  it('reports the document’s oddities as diagnostics', () => {
    const rules = result.diagnostics.map((d) => d.rule).sort();
    expect(rules).toEqual(['indicator-footnote-unexplained', 'indicator-name-stray-dash', 'indicator-sub-row']);
    expect(result.diagnostics.every((d) => d.severity === 'info')).toBe(true);
    const sub = result.diagnostics.find((d) => d.rule === 'indicator-sub-row')!;
    expect(c.original.slice(sub.span!.start, sub.span!.end)).toBe('其中：每千常住人口中医类别执业（助理）医师数（人）');
  });

  it('returns the cleaned range of the table as a block, title to last row', () => {
    expect(result.blocks).toHaveLength(1);
    const block = result.blocks[0]!;
    const text = c.text.slice(block.start, block.end);
    expect(text.startsWith('“十四五”主要发展指标\n分类')).toBe(true);
    expect(text.endsWith('7.5左右\n预期性')).toBe(true);
    expect(c.spanOf(block.start, block.end)).toEqual(table.span);
  });
});

describe('findIndicatorTables on other layouts', () => {
  it('reads a one-row-per-line table with a unit column, half-width brackets and a first row without category', () => {
    const text = [
      '附表',
      '宜昌市“十四五”卫生健康发展主要指标',
      '领域\t序号\t指标名称\t单位\t2020年\t2025年\t指标属性',
      '\t1\t人均预期寿命\t岁\t79.3\t80左右\t预期性',
      '健康服务\t2\t孕产妇死亡率(/10万)\t\t9.8\t≤9\t预期性',
      '\t3\t适龄儿童免疫规划疫苗接种率(%)\t\t98.5\t≥90\t约束性',
      '\t4\t家庭医生签约服务覆盖率\t%\t62\t不低于85%\t预期性',
      '\t5\t每千人口拥有3岁以下婴幼儿托位数\t个\t\t4.5\t预期性',
      '',
      '三、保障措施',
    ].join('\n');
    const c = clean(text);
    const { tables, diagnostics, blocks } = findIndicatorTables(c);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect([t.title, t.baselineYear, t.targetYear]).toEqual(['宜昌市“十四五”卫生健康发展主要指标', 2020, 2025]);
    expect(t.rows.map((r) => [r.number, r.category, r.name, r.unit, r.attribute])).toEqual([
      ['1', '', '人均预期寿命', '岁', '预期性'],
      ['2', '健康服务', '孕产妇死亡率', '/10万', '预期性'],
      ['3', '健康服务', '适龄儿童免疫规划疫苗接种率', '%', '约束性'],
      ['4', '健康服务', '家庭医生签约服务覆盖率', '%', '预期性'],
      ['5', '健康服务', '每千人口拥有3岁以下婴幼儿托位数', '个', '预期性'],
    ]);
    expect(t.rows.map((r) => [r.target.value, r.target.comparator])).toEqual([
      [80, 'APPROX'],
      [9, 'LE'],
      [90, 'GE'],
      [85, 'GE'],
      [4.5, 'EQ'],
    ]);
    expect(t.rows[4]!.baseline).toMatchObject({ text: '', span: null, missing: true });
    for (const row of t.rows) {
      expectCut(text, row.nameSpan, row.name, `row ${row.number} name`);
      expectCut(text, row.target.span, row.target.text, `row ${row.number} target`);
      expect(squash(text.slice(row.span.start, row.span.end)).endsWith(row.attribute!)).toBe(true);
    }
    expect(diagnostics).toEqual([]);
    expect(c.text.slice(blocks[0]!.start, blocks[0]!.end).split('\n')).toHaveLength(7);
  });

  it('reads cells one per line without tab marks (CRLF), joining a wrapped target and saying so', () => {
    const text = [
      '表1 主要健康指标',
      '序号',
      '指标',
      '2021年',
      '2025年',
      '属性',
      '',
      '1',
      '人均预期寿命(岁)',
      '78',
      '≥79',
      '预期性',
      '',
      '2',
      '县域内就诊率(%)',
      '88',
      '按省',
      '下达目标',
      '约束性',
      '',
      '',
      '（二）工作要求',
    ].join('\r\n');
    const c = clean(text);
    const { tables, diagnostics } = findIndicatorTables(c);
    expect(tables).toHaveLength(1);
    const [first, second] = tables[0]!.rows;
    expect([tables[0]!.baselineYear, tables[0]!.targetYear]).toEqual([2021, 2025]);
    expect(first).toMatchObject({ number: '1', category: '', name: '人均预期寿命', unit: '岁', attribute: '预期性' });
    expect(first!.target).toMatchObject({ value: 79, comparator: 'GE' });
    expect(second!.target).toMatchObject({ text: '按省下达目标', qualitative: '按省下达目标', value: null });
    expectCut(text, second!.target.span, '按省下达目标', 'wrapped target');
    expect(diagnostics.map((d) => d.rule)).toEqual(['indicator-cell-wrapped']);
  });

  it('finds nothing, and does not fail, in text without a table', () => {
    for (const text of ['', '\n\n', '一、指标\n序号是1。\n', '到2025年，人均预期寿命达到78.7岁。']) {
      expect(findIndicatorTables(clean(text))).toEqual({ tables: [], diagnostics: [], blocks: [] });
    }
  });

  it.each(OTHERS)('finds no table in seed %s', (name) => {
    expect(findIndicatorTables(clean(seed(name)))).toEqual({ tables: [], diagnostics: [], blocks: [] });
  });
});

describe('parseQuantity', () => {
  it.each([
    ['≤4.2', 4.2, 'LE', null],
    ['＞4.3', 4.3, 'GT', null],
    ['27左右', 27, 'APPROX', null],
    ['不低于30%', 30, 'GE', '%'],
    ['90%以上', 90, 'GE', '%'],
    ['2.56万个', 25600, 'EQ', '个'],
    ['约70亿元', 7e9, 'APPROX', '元'],
    ['16.67/10万', 16.67, 'EQ', '/10万'],
    ['１２．５％', 12.5, 'EQ', '%'],
  ] as const)('%s', (text, value, comparator, unit) => {
    expect(parseQuantity(text)).toMatchObject({ value, comparator, unit });
  });

  it('reads footnote marks and ranges', () => {
    expect(parseQuantity('16.5*')).toMatchObject({ value: 16.5, comparator: 'EQ', footnote: '*' });
    expect(parseQuantity('10-20公里')).toMatchObject({ value: 10, upper: 20, comparator: 'RANGE', unit: '公里' });
    expect(parseQuantity('1-2万人')).toMatchObject({ value: 10000, upper: 20000, unit: '人' });
  });

  it('refuses what is not a single quantity', () => {
    for (const text of ['-', '', '同比例提高', '比“十三五”末提高30%', '三级', '2级甲等', '力争年均下降1个百分点']) {
      expect(parseQuantity(text), text).toBeNull();
    }
  });
});
