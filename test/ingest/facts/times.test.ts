import { describe, expect, it } from 'vitest';
import type { FactContext, TimeFact } from '../../../src/ingest/facts/index.ts';
import { factsOf } from './helpers.ts';

const times = (sentence: string, over: Partial<FactContext> = {}): Array<Omit<TimeFact, 'span'>> =>
  factsOf(sentence, over).times.map(({ span: _span, ...rest }) => rest);

describe('time expressions', () => {
  it('到2025年 is a horizon (002)', () => {
    expect(times('到2025年，促进全民健康的政策体系基本建立', { statementClass: 'COMMITMENT', partYear: null })).toEqual([
      { text: '到2025年', kind: 'HORIZON', year: 2025, date: '2025-12-31' },
    ]);
  });

  it('到2023年底 in a plan is a horizon; in an outcome it says where things stood', () => {
    expect(times('到2023年底，全市公有产权的村卫生室达到80%以上', { statementClass: 'COMMITMENT', partYear: 2023 })).toEqual([
      { text: '到2023年底', kind: 'HORIZON', year: 2023, date: '2023-12-31' },
    ]);
    expect(times('至9月份已发放补贴141.9万元', { partYear: 2023 })).toEqual([{ text: '至9月份', kind: 'AS_OF', year: 2023, date: '2023-09-30' }]);
  });

  it('2022年底前 is a deadline (002: …2022年底前建成)', () => {
    expect(times('完善设备配置，满足现场检验检测需要，2022年底前建成', { statementClass: 'COMMITMENT' })).toEqual([
      { text: '2022年底前', kind: 'DEADLINE', year: 2022, date: '2022-12-31' },
    ]);
  });

  it('年内 and 年底前 take the part year', () => {
    expect(times('年内完成45个乡镇卫生院达标创建，6月底前完成方案', { statementClass: 'COMMITMENT', partYear: 2024 })).toEqual([
      { text: '年内', kind: 'DEADLINE', year: 2024, date: '2024-12-31' },
      { text: '6月底前', kind: 'DEADLINE', year: 2024, date: '2024-06-30' },
    ]);
    expect(times('年底前建成', { statementClass: 'COMMITMENT', partYear: 2023 })).toMatchObject([{ kind: 'DEADLINE', date: '2023-12-31' }]);
  });

  it('截至 / 截止: as of, the year from the part when unsaid', () => {
    expect(times('截至11月13日，全市体育彩票实现销售 9.94亿元')).toEqual([{ text: '截至11月13日', kind: 'AS_OF', year: 2022, date: '2022-11-13' }]);
    expect(times('截止12月底，69项考核目标指标中已有43项')).toEqual([{ text: '截止12月底', kind: 'AS_OF', year: 2022, date: '2022-12-31' }]);
    expect(times('截至目前，全区共处置*所幼儿园水痘散发疫情')).toEqual([{ text: '截至目前', kind: 'AS_OF', year: 2022, date: null }]);
    expect(times('截止到2023年9月，我区公立医院医疗收入增幅为3.75%', { partYear: 2023 })).toEqual([
      { text: '截止到2023年9月', kind: 'AS_OF', year: 2023, date: '2023-09-30' },
    ]);
  });

  it('keeps 截止2020年10月 in a 2022 summary as written, with a diagnostic (001)', () => {
    const facts = factsOf('截止2020年10月，本区及外地医疗机构共计报告传染病****例');
    expect(facts.times.map(({ span: _s, ...t }) => t)).toEqual([{ text: '截止2020年10月', kind: 'AS_OF', year: 2020, date: '2020-10-31' }]);
    expect(facts.diagnostics.map((d) => d.rule)).toEqual(['time-as-of-before-part']);
  });

  it('前三季度 is a period ending 30 September (000)', () => {
    expect(times('2022年前三季度二孩以上出生人口占出生总人数比例61.65%')).toEqual([
      { text: '2022年前三季度', kind: 'PERIOD', year: 2022, date: '2022-09-30' },
    ]);
    expect(times('前三季度全市完成投资')).toEqual([{ text: '前三季度', kind: 'PERIOD', year: 2022, date: '2022-09-30' }]);
  });

  it('dates, months and spans (003, 004)', () => {
    expect(times('（2022年1月）')).toEqual([{ text: '2022年1月', kind: 'PERIOD', year: 2022, date: '2022-01-31' }]);
    expect(times('区人民医院与省人民医院合作共建相对紧密型医联体，2023年7月22日举行了签约仪式')).toEqual([
      { text: '2023年7月22日', kind: 'PERIOD', year: 2023, date: '2023-07-22' },
    ]);
    expect(times('《区卫生健康服务能力全面提升三年行动方案（2023-2025年）》')).toEqual([
      { text: '2023-2025年', kind: 'PERIOD', year: 2025, date: '2025-12-31' },
    ]);
    expect(times('7月10日至7月21日对辖区2023年上半年区基本公共卫生服务项目实施情况进行绩效评价', { partYear: 2023 })).toEqual([
      { text: '7月10日至7月21日', kind: 'PERIOD', year: 2023, date: '2023-07-21' },
      { text: '2023年上半年', kind: 'PERIOD', year: 2023, date: '2023-06-30' },
    ]);
    expect(times('5月通过国家胸痛中心材料初审，3月份新增1家', { partYear: 2023 })).toEqual([
      { text: '5月', kind: 'PERIOD', year: 2023, date: '2023-05-31' },
      { text: '3月份', kind: 'PERIOD', year: 2023, date: '2023-03-31' },
    ]);
  });

  it('five-year plans as periods (002: “十三五”期间)', () => {
    expect(times('“十三五”期间，全市居民人均预期寿命由原来的75岁增加至77.35岁', { statementClass: 'BACKGROUND', partYear: null })).toEqual([
      { text: '“十三五”期间', kind: 'PERIOD', year: 2020, date: '2020-12-31' },
    ]);
  });

  it('relative years and unknown part years', () => {
    expect(times('今年新增备案托育机构134家，目前该项目正按明年五一开园的进度稳定推进')).toEqual([
      { text: '今年', kind: 'PERIOD', year: 2022, date: '2022-12-31' },
      { text: '明年', kind: 'PERIOD', year: 2023, date: '2023-12-31' },
    ]);
    expect(times('截至11月13日', { partYear: null })).toEqual([{ text: '截至11月13日', kind: 'AS_OF', year: null, date: null }]);
  });

  it('not times: durations and counts of years', () => {
    expect(times('每期培训时间为一个月，近两年，实施三年行动，用3个月时间')).toEqual([]);
  });
});
