import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/ingest/clean.ts';
import { outline } from '../../src/ingest/outline.ts';
import { understand } from '../../src/ingest/pipeline.ts';
import type { Description, SourceText } from '../../src/ingest/types.ts';

// Golden outlines: test/gold/outline/<seed>.json, reviewed by reading the
// documents. Regenerate with PLANTRACE_UPDATE_GOLD=1 and review the diff.
const GOLD = 'test/gold/outline';
const update = process.env.PLANTRACE_UPDATE_GOLD === '1';
const seeds = readdirSync('seeds').sort();

function source(name: string): SourceText {
  return { name, format: 'txt', encoding: 'UTF-8', text: readFileSync(`seeds/${name}`, 'utf8') };
}

function shape(name: string) {
  const u = understand(source(name));
  const depth = new Map<string, number>();
  return {
    sections: u.sections.map((s) => {
      depth.set(s.id, s.level);
      return `${'  '.repeat(s.level - 1)}${s.number} ${s.heading} [${s.role}${s.year ? ` ${s.year}` : ''}]`;
    }),
    diagnostics: u.diagnostics.filter((d) => d.rule.startsWith('numbering')).map((d) => d.message),
  };
}

describe('outline of each seed', () => {
  it.each(seeds)('%s matches its reviewed fixture', (name) => {
    const file = `${GOLD}/${name.replace(/\.txt$/, '')}.json`;
    const actual = shape(name);
    if (update || !existsSync(file)) {
      mkdirSync(GOLD, { recursive: true });
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it.each(seeds)('%s: every section heading and span cuts back to the original text', (name) => {
    const src = source(name);
    const u = understand(src);
    for (const s of u.sections) {
      expect(src.text.slice(s.headingSpan.start, s.headingSpan.end)).toBe(s.heading);
      const whole = src.text.slice(s.span.start, s.span.end);
      expect(whole.startsWith(s.number.replace(/[、．.]$/, '')), `${s.id} starts at its marker`).toBe(true);
      expect(whole).toContain(s.heading);
      if (s.parentId) {
        const parent = u.sections.find((p) => p.id === s.parentId)!;
        expect(s.span.start).toBeGreaterThanOrEqual(parent.span.start);
        expect(s.span.end).toBeLessThanOrEqual(parent.span.end);
      }
    }
    for (const t of u.statements) expect(src.text.slice(t.span.start, t.span.end)).toBe(t.text);
  });
});

const plan: Description = {
  title: '',
  titleSpan: { start: 0, end: 0 },
  issuer: null,
  region: { status: 'unknown' },
  kind: 'ANNUAL_PLAN',
  years: [2024],
  period: { from: 2024, to: 2024 },
  baselineYear: null,
  diagnostics: [],
};

function tree(text: string, description = plan) {
  return outline(clean(text), description, { documentId: 'd' }).sections.map((s) => `${s.level} ${s.style} ${s.number} ${s.heading}`);
}

describe('outline on other numbering habits', () => {
  it('nests by the order styles are met, so skipped levels do not derail the tree', () => {
    expect(tree('一、总体要求\n1.加强领导。内容\n2.压实责任。内容\n二、重点任务\n（一）医疗服务\n1.建设医院。\n')).toEqual([
      '1 cn 一、 总体要求',
      '2 arabic 1. 加强领导',
      '2 arabic 2. 压实责任',
      '1 cn 二、 重点任务',
      '2 paren-cn （一） 医疗服务',
      '3 arabic 1. 建设医院',
    ]);
  });

  it('reads half-width and full-width markers, （1）, ①, 1、 and dash bullets', () => {
    expect(tree('(一)基层卫生\n(1)村卫生室标准化。\n①完成50所。\n②完成30所。\n（2）乡镇卫生院达标\n2、家庭医生签约。\n——签约率达到75%。\n')).toEqual([
      '1 paren-cn (一) 基层卫生',
      '2 paren-arabic (1) 村卫生室标准化',
      '3 circled ① 完成50所',
      '3 circled ② 完成30所',
      '2 paren-arabic （2） 乡镇卫生院达标',
      '3 arabic 2、 家庭医生签约',
      '4 dash —— 签约率达到75%',
    ]);
  });

  it('reads 第X部分 and 附件 as parts, and 第一，items under them', () => {
    expect(tree('第一部分 工作总结\n第一，抓好防控。一是强化监测。二是做好接种。\n第二部分 工作计划\n附件1：重点项目清单\n')).toEqual([
      '1 part 第一部分 工作总结',
      '2 ordinal 第一 抓好防控',
      '3 inline 一是 强化监测',
      '3 inline 二是 做好接种',
      '1 part 第二部分 工作计划',
      '1 part 附件1 重点项目清单',
    ]);
  });

  it('does not take numbers, years or quantities at a line start for markers', () => {
    expect(tree('2024年，全市新增床位200张。\n2.56万人接受筛查。\n一、目标\n')).toEqual(['1 cn 一、 目标']);
  });

  it('reports a skipped or repeated number as a diagnostic, keeping the tree', () => {
    const o = outline(clean('一、甲\n三、丙\n（一）子\n（一）子again\n'), plan, { documentId: 'd' });
    expect(o.sections).toHaveLength(4);
    expect(o.diagnostics.map((d) => d.rule)).toEqual(['numbering-gap', 'numbering-repeat']);
  });

  it('reports every repeat of a very long list, more than a call takes arguments (it once died with a stack overflow)', () => {
    const o = outline(clean('1.推进工作\n'.repeat(200_000)), plan, { documentId: 'd' });
    expect(o.diagnostics).toHaveLength(199_999);
  });
});
