import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBoxes, type Box } from '../../src/ingest/boxes.ts';
import { clean } from '../../src/ingest/clean.ts';
import type { Span } from '../../src/ingest/types.ts';
import gold from '../gold/002-boxes.json' with { type: 'json' };

const seed = (name: string): string => readFileSync(`seeds/${name}`, 'utf8');
const PLAN = '002_bf6091a721eff7e0.txt';
const OTHERS = ['000_d0de7db37b98f3f9.txt', '001_e1634718f3e3e389.txt', '003_d499b532073839b7.txt', '004_80ecafe8e7002946.txt'];

/** The span cuts exactly `expected` back out of the original text. */
function expectCut(original: string, span: Span, expected: string, what: string): void {
  expect(original.slice(span.start, span.end), what).toBe(expected);
}

/** Box, title and item spans all cut back out: the item line is `name：description`, the box runs from 专栏 to its last item. */
function expectBoxCuts(original: string, box: Box): void {
  const what = `专栏${box.number}`;
  expectCut(original, box.titleSpan, box.title, `${what} title`);
  const cut = original.slice(box.span.start, box.span.end);
  expect(cut).toMatch(new RegExp(`^专栏\\S{1,3}\\s*[：:]?\\s*`));
  expect(cut.endsWith(box.items.at(-1)?.description ?? box.title), what).toBe(true);
  for (const item of box.items) {
    expectCut(original, item.nameSpan, item.name, `${what} ${item.name} name`);
    expectCut(original, item.descriptionSpan, item.description, `${what} ${item.name} description`);
    const line = original.slice(item.span.start, item.span.end);
    expect(line, `${what} ${item.name} line`).toMatch(item.name ? /^.+[：:]\s*.+$/ : /^.+$/);
    expect(line.startsWith(item.name) && line.endsWith(item.description), `${what} ${item.name} line`).toBe(true);
    expect(item.span.start <= item.nameSpan.start && item.descriptionSpan.end <= item.span.end).toBe(true);
    expect(box.span.start <= item.span.start && item.span.end <= box.span.end).toBe(true);
  }
}

describe('findBoxes on the 南阳 five-year plan (seed 002)', () => {
  const c = clean(seed(PLAN));
  const result = findBoxes(c);

  it('finds the nine boxes with the titles and item names of the hand-annotated gold', () => {
    expect(result.boxes).toHaveLength(9);
    const read = result.boxes.map((b) => ({ number: b.number, title: b.title, items: b.items.map((i) => i.name) }));
    expect(read).toEqual(gold.boxes);
    expect(result.boxes.flatMap((b) => b.items)).toHaveLength(27);
  });

  it('gives spans that cut every field back out of the original text', () => {
    for (const box of result.boxes) expectBoxCuts(c.original, box);
  });

  it('keeps item descriptions whole, quotes in names included', () => {
    const item = result.boxes[1]!.items[0]!;
    expect(item.name).toBe('“两建三融四行动”');
    expect(item.description.startsWith('“两建”，建立健全健康教育工作体系')).toBe(true);
    expect(item.description.endsWith('健康素养监测行动。')).toBe(true);
  });

  it('reports nothing odd, and returns the cleaned ranges as blocks', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.blocks).toHaveLength(9);
    result.blocks.forEach((block, i) => {
      const box = result.boxes[i]!;
      const text = c.text.slice(block.start, block.end);
      expect(text.startsWith(`专栏${box.number}：`)).toBe(true);
      expect(text.endsWith(box.items.at(-1)!.description)).toBe(true);
      expect(c.spanOf(block.start, block.end)).toEqual(box.span);
    });
  });
});

describe('findBoxes on other layouts', () => {
  const text = [
    '（二）夯实基层',
    '专栏一:基层能力提升工程',
    '“优质服务基层行”活动:推动乡镇卫生院达到服务能力基本标准。',
    '村卫生室标准化:新建、改建村卫生室120个。',
    '到2025年，每个乡镇卫生院至少配备1名公共卫生医师，每个村卫生室至少有1名乡村医生，并逐步提高待遇。',
    '（三）强化保障',
    '按计划推进。',
    '专栏3：数字健康工程',
    '',
    '“互联网+医疗健康”示范：建设示范医院5家。',
    '',
    '本项工作由市卫健委牵头。',
  ].join('\n');
  const c = clean(text);
  const result = findBoxes(c);

  it('reads Chinese numerals, half-width colons, quoted names, and ends a box at a heading or at prose after a blank line', () => {
    expect(result.boxes.map((b) => [b.number, b.title, b.items.map((i) => i.name)])).toEqual([
      [1, '基层能力提升工程', ['“优质服务基层行”活动', '村卫生室标准化', '']],
      [3, '数字健康工程', ['“互联网+医疗健康”示范']],
    ]);
    for (const box of result.boxes) expectBoxCuts(text, box);
  });

  it('keeps a line without a short name as an unnamed item, and notes the numbering gap', () => {
    const unnamed = result.boxes[0]!.items[2]!;
    expect(unnamed.description.startsWith('到2025年，每个乡镇卫生院')).toBe(true);
    expect(unnamed.nameSpan.start).toBe(unnamed.nameSpan.end);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['box-item-without-name', 'box-numbering-gap']);
  });

  it('finds nothing, and does not fail, in text without boxes', () => {
    for (const t of ['', '\n', '详见专栏1：公共卫生工程。', '一、总体要求\n专栏建设有序推进。']) {
      expect(findBoxes(clean(t))).toEqual({ boxes: [], diagnostics: [], blocks: [] });
    }
  });

  it.each(OTHERS)('finds no box in seed %s', (name) => {
    expect(findBoxes(clean(seed(name)))).toEqual({ boxes: [], diagnostics: [], blocks: [] });
  });
});
