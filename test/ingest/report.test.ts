// Government work reports, as real ones are laid out (written here in the
// genre; the real corpus is scored by npm run eval): front matter set aside,
// the kind, the national region, the year from wherever the text gives it,
// and parts whose headings do not use a summary's words.
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/ingest/clean.ts';
import { describe as describeText } from '../../src/ingest/describe/index.ts';
import { findFrontMatter } from '../../src/ingest/front.ts';
import { understand } from '../../src/ingest/pipeline.ts';

const BODY = '过去一年，我们坚持稳中求进，经济运行持续向好，全年生产总值增长5.1%，城镇新增就业120万人。';
const PLAN = '加快建设现代化产业体系，实施重点项目1000个，完成投资1万亿元。';
const doc = (...lines: string[]) => lines.join('\n');
const u = (text: string) => understand({ name: 'r.txt', format: 'txt', encoding: 'UTF-8', text });
const top = (text: string) => u(text).sections.filter((s) => s.parentId === null).map((s) => `${s.heading || s.number} ${s.role} ${s.year}${s.yearTo !== s.year ? `–${s.yearTo}` : ''}`);

describe('front matter', () => {
  it('sets aside the by-line, the speaker, the source and web-page navigation, and says so', () => {
    const text = doc('当前位置：首页 > 政务公开 > 规划计划', '2025年某省政府工作报告', '来源：某省日报', '——2025年1月15日在某省第十四届人民代表大会第三次会议上', '某省省长 王某某', '各位代表：', BODY);
    const front = findFrontMatter(clean(text));
    expect(front.lines.map((l) => l.kind)).toEqual(['navigation', 'source', 'byline', 'speaker', 'salutation']);
    expect(front.byline).toMatchObject({ year: 2025, assembly: '某省第十四届人民代表大会' });
    expect(front.diagnostics.map((d) => d.message)).toContain('1 line of web-page navigation set aside: “当前位置：首页 > 政务公开 > 规划计划”');
  });

  it('never takes a by-line, a salutation or the first sentence for the title', () => {
    expect(describeText(clean(doc('各位代表：', '现在，我代表国务院，向大会报告政府工作，请予审议', '一、2018年工作回顾', BODY))).title).toBe('');
    expect(describeText(clean(doc('政府工作报', '告', '——2017年3月5日在第十二届全国人民代表大会第五次会议上', '国务院总理 李克强', '各位代表：', BODY))).title).toBe('政府工作报告');
  });

  it('leaves an ordinary plan alone', () => {
    expect(findFrontMatter(clean(doc('开封市卫健委员会2022年工作计划', BODY))).lines).toEqual([]);
  });
});

describe('a government work report', () => {
  it('is a WORK_REPORT of the national level when the State Council gives it, with no title line', () => {
    const d = describeText(clean(doc('各位代表：', '现在，我代表国务院，向大会作政府工作报告，请予审议。', '一、2009年工作回顾', BODY, '二、2010年主要任务', PLAN)));
    expect(d.kind).toBe('WORK_REPORT');
    expect(d.region).toMatchObject({ status: 'resolved', place: { name: '全国', level: 'country' } });
    expect(d.years).toEqual([2009, 2010]);
    expect(d.period).toEqual({ from: 2010, to: 2010 });
    expect(d.issuer).toBe('国务院');
  });

  it('names the body a provincial report speaks for, with its region', () => {
    const issuer = (preface: string) => describeText(clean(doc('2025年河南省政府工作报告', '各位代表：', preface, '一、2024年工作回顾', BODY))).issuer;
    expect(issuer('现在，我代表省人民政府，向大会报告工作，请予审议。')).toBe('河南省人民政府');
    expect(issuer('现在，我代表河南省人民政府向大会报告工作。')).toBe('河南省人民政府');
  });

  it('counts 今年, 过去五年 and a five-year plan part from the year it is given in (the by-line’s)', () => {
    const text = doc(
      '——2018年3月5日在第十三届全国人民代表大会第一次会议上',
      '各位代表：',
      '一、过去五年工作回顾',
      BODY,
      '二、今年经济社会发展的总体要求和政策取向',
      PLAN,
      '三、“十四五”时期的主要目标和任务',
      PLAN,
    );
    expect(describeText(clean(text)).years).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2021, 2022, 2023, 2024, 2025]);
    expect(top(text)).toEqual(['过去五年工作回顾 RESULTS 2013–2017', '今年经济社会发展的总体要求和政策取向 TARGETS 2018', '“十四五”时期的主要目标和任务 TARGETS 2021–2025']);
  });

  it('in the first year of a five-year plan, a review of the last year that also reviews the plan just ended speaks of its five years', () => {
    const text = (review: string) => doc('各位代表：', '现在，我代表国务院，向大会报告政府工作。', '一、2015年工作回顾', BODY, review, '二、2016年重点工作', PLAN);
    expect(top(text('过去五年，我国发展成就举世瞩目。'))[0]).toBe('2015年工作回顾 RESULTS 2011–2015');
    expect(describeText(clean(text('“十二五”时期的辉煌成就，充分显示了制度优势。'))).years).toEqual([2011, 2012, 2013, 2014, 2015, 2016]);
    // Without it, the year alone; and in a year that starts no plan, never.
    expect(top(text('全年经济运行平稳。'))[0]).toBe('2015年工作回顾 RESULTS 2015');
    expect(top(doc('各位代表：', '现在，我代表国务院，向大会报告政府工作。', '一、2016年工作回顾', BODY, '过去五年，成就显著。', '二、2017年重点工作', PLAN))[0]).toBe('2016年工作回顾 RESULTS 2016');
  });

  it('reviews first and plans after: parts whose headings name no role take their place in that order', () => {
    const text = doc('2025年某省政府工作报告', '一、牢记嘱托，在接续奋斗中取得新成效', BODY, '二、牢记使命，在现代化建设中奋勇争先', PLAN, '三、努力建设人民满意政府', PLAN);
    expect(top(text)).toEqual(['牢记嘱托，在接续奋斗中取得新成效 RESULTS 2024', '牢记使命，在现代化建设中奋勇争先 PLAN 2025', '努力建设人民满意政府 PLAN 2025']);
  });

  it('finds parts whose headings have no number, and appendices', () => {
    const text = doc('2025年某自治区政府工作报告', '2024年工作回顾', BODY, '2025年工作安排', PLAN, '附件1', '一、为老年人提供健康管理服务', '附件2 名词解释', '“两新”：设备更新和消费品以旧换新。');
    expect(top(text)).toEqual(['2024年工作回顾 RESULTS 2024', '2025年工作安排 PLAN 2025', '附件1 PLAN 2025', '名词解释 BACKGROUND null']);
  });

  it('keeps by-line dashes and dash bullets from holding the numbered parts', () => {
    const text = doc('2025年某省政府工作报告', '——2025年1月19日在某省第十四届人民代表大会第三次会议上', '各位代表：', '一、2024年工作回顾', '——经济运行回升向好。' + BODY, '——民生底线守稳守牢。' + BODY, '二、2025年主要目标任务', PLAN);
    expect(top(text)).toEqual(['2024年工作回顾 RESULTS 2024', '2025年主要目标任务 TARGETS 2025']);
  });
});

describe('statements of a report', () => {
  const text = doc(
    '2025年某省政府工作报告',
    '一、2024年工作回顾',
    BODY,
    '在肯定成绩的同时，我们也清醒地看到面临的问题和挑战：需求不足。部分企业生产经营困难。我们一定直面问题，决不辜负人民期待。',
    '在此，我代表省人民政府，向全省各族人民致以崇高敬意！',
    '二、2025年重点工作',
    '（一）更大力度推动全方位扩大内需',
    '加力提振消费。实施提振消费专项行动，推动中低收入群体增收减负。',
    '今年是“十四五”规划收官之年。只要我们坚定信心，就一定能够战胜任何艰难险阻。',
  );
  const classes = () => u(text).statements.map((s) => `${s.class} ${s.text.slice(0, 10)}`);

  it('a heading standing alone is a section, a run-in lead a statement', () => {
    expect(classes().some((c) => c.includes('更大力度推动'))).toBe(false);
    expect(classes()).toContain('COMMITMENT 加力提振消费');
  });

  it('problems, thanks, framing and conditionals are not outcomes or commitments', () => {
    expect(classes()).toEqual([
      'OUTCOME 过去一年，我们坚持稳',
      'PROBLEM 在肯定成绩的同时，我',
      'PROBLEM 部分企业生产经营困难',
      'BACKGROUND 我们一定直面问题，决',
      'BACKGROUND 在此，我代表省人民政',
      'COMMITMENT 加力提振消费',
      'COMMITMENT 实施提振消费专项行动',
      'BACKGROUND 今年是“十四五”规划',
      'BACKGROUND 只要我们坚定信心，就',
    ]);
  });
});
