import { describe, expect, it } from 'vitest';
import type { FactContext, IndicatorValueFact } from '../../../src/ingest/facts/index.ts';
import { nameScore, similarity } from '../../../src/ingest/facts/table-index.ts';
import { MATCH_THRESHOLD } from '../../../src/ingest/lexicon/indicators.ts';
import { factsOf, seed, seedStatementFacts } from './helpers.ts';

type Summary = Pick<IndicatorValueFact, 'indicatorId' | 'indicatorName' | 'kind' | 'year' | 'text'> & { value: number | null };

const values = (sentence: string, over: Partial<FactContext> = {}): Summary[] =>
  factsOf(sentence, over).indicatorValues.map((v) => ({
    indicatorId: v.indicatorId,
    indicatorName: v.indicatorName,
    kind: v.kind,
    year: v.year,
    text: v.text,
    value: v.quantity.value,
  }));

const plan002 = (): Partial<FactContext> => ({
  tables: seed('002').tables,
  documentKind: 'FIVE_YEAR_PLAN',
  statementClass: 'COMMITMENT',
  partYear: null,
});

describe('matching running text to the 十四五 indicator table (seed 002)', () => {
  it('二级及以上综合医院设立老年医学科比例 ↔ 二级及以上综合医院设置老年医学科的比例 (专栏5)', () => {
    expect(values('健全老年医疗服务体系，二级及以上综合医院设立老年医学科比例达到60%', plan002())).toEqual([
      {
        indicatorId: 'ind:二级及以上综合医院设置老年医学科比例',
        indicatorName: '二级及以上综合医院设置老年医学科的比例',
        kind: 'TARGET',
        year: 2025,
        text: '二级及以上综合医院设立老年医学科比例达到60%',
        value: 60,
      },
    ]);
  });

  it('人均期望寿命 ↔ 人均预期寿命, the target year from the table', () => {
    expect(values('人均期望寿命达到78.7岁，健康预期寿命同比例提高', plan002())).toEqual([
      { indicatorId: 'ind:人均预期寿命', indicatorName: '人均预期寿命', kind: 'TARGET', year: 2025, text: '人均期望寿命达到78.7岁', value: 78.7 },
    ]);
  });

  it('每千人口… ↔ 每千常住人口…; 个人卫生支出…比例 ↔ 个人支出…的比重', () => {
    expect(values('到2025年，各县（市、区）建成1-2所综合性托育机构，每千人口3岁以下婴幼儿托位数达到4.5个', plan002())).toMatchObject([
      { indicatorName: '每千常住人口3岁以下婴幼儿托位数', kind: 'TARGET', year: 2025, value: 4.5 },
    ]);
    expect(values('多层次医疗保障体系更加完善，个人卫生支出占卫生总费用比例下降到27%左右', plan002())).toMatchObject([
      { indicatorName: '个人支出占卫生总费用的比重', kind: 'TARGET', value: 27 },
    ]);
  });

  it('由X增加至Y: X the baseline before the period, Y the value reached at its end (“十三五”期间)', () => {
    const background = { ...plan002(), statementClass: 'BACKGROUND' as const };
    expect(values('“十三五”期间，全市居民人均预期寿命由原来的75岁增加至77.35岁，婴儿死亡率由3.77‰降低至3.15‰', background)).toEqual([
      { indicatorId: 'ind:人均预期寿命', indicatorName: '人均预期寿命', kind: 'BASELINE', year: 2015, text: '居民人均预期寿命由原来的75岁', value: 75 },
      { indicatorId: 'ind:人均预期寿命', indicatorName: '人均预期寿命', kind: 'ACTUAL', year: 2020, text: '居民人均预期寿命由原来的75岁增加至77.35岁', value: 77.35 },
      { indicatorId: 'ind:婴儿死亡率', indicatorName: '婴儿死亡率', kind: 'BASELINE', year: 2015, text: '婴儿死亡率由3.77‰', value: 3.77 },
      { indicatorId: 'ind:婴儿死亡率', indicatorName: '婴儿死亡率', kind: 'ACTUAL', year: 2020, text: '婴儿死亡率由3.77‰降低至3.15‰', value: 3.15 },
    ]);
  });

  it('in the seed itself: the 2020 values of the 发展基础 part match table rows (每千人口 said once for the list)', () => {
    const facts = seedStatementFacts('002', '每千人口医疗卫生机构床位数达到6.56张');
    expect(facts.indicatorValues.map((v) => [v.indicatorName, v.kind, v.year, v.quantity.value])).toEqual([
      ['每千常住人口医疗卫生机构床位数', 'ACTUAL', 2020, 6.56],
      ['每千常住人口执业（助理）医师数', 'ACTUAL', 2020, 3.11],
      ['每千常住人口注册护士数', 'ACTUAL', 2020, 3.42],
    ]);
  });

  it('a new measure gets a normalised name of its own', () => {
    expect(values('全市经常参加体育锻炼人数比例达到45%，人均体育场地面积达到2.6平方米', plan002())).toMatchObject([
      { indicatorId: 'ind:经常参加体育锻炼人数比例', kind: 'TARGET', value: 45 },
      { indicatorId: 'ind:人均体育场地面积', kind: 'TARGET', value: 2.6 },
    ]);
  });
});

describe('new indicators in annual documents (seed 000)', () => {
  it('占比 takes the measured thing from the clause before: 公有产权村卫生室占比', () => {
    expect(values('各县区组建了县域紧密型医共体，全市公有产权村卫生室达3702个，占比达到81.76%，超额完成省定目标任务')).toEqual([
      { indicatorId: 'ind:公有产权村卫生室比例', indicatorName: '公有产权村卫生室占比', kind: 'ACTUAL', year: 2022, text: '占比达到81.76%', value: 81.76 },
    ]);
  });

  it('the 2023 plan targets the same indicator (的 dropped, 占比 added to a share)', () => {
    expect(values('到2023年底，全市公有产权的村卫生室达到80%以上', { statementClass: 'COMMITMENT', partYear: 2023 })).toMatchObject([
      { indicatorId: 'ind:公有产权村卫生室比例', kind: 'TARGET', year: 2023, value: 80 },
    ]);
    expect(values('到2023年底全市县域内三级综合医院达到50%以上', { statementClass: 'COMMITMENT', partYear: 2023 })).toMatchObject([
      { indicatorId: 'ind:县域内三级综合医院比例', kind: 'TARGET', year: 2023, value: 50 },
    ]);
  });

  it('人均体育场地面积: a per-capita level in square metres', () => {
    expect(values('实施了一批全民健身工程，全市人均体育场地面积达到2.59平方米')).toMatchObject([
      { indicatorId: 'ind:人均体育场地面积', kind: 'ACTUAL', year: 2022, value: 2.59 },
    ]);
  });

  it('the year of an actual value is the date before it (003: 截至2023年9月)', () => {
    expect(values('截至2023年9月，区基层医疗卫生机构基药采购金额占比为73%', { partYear: 2023 })).toMatchObject([
      { indicatorName: '基层医疗卫生机构基药采购金额占比', kind: 'ACTUAL', year: 2023, value: 73 },
    ]);
  });
});

describe('quantities that are not indicator values', () => {
  it('counts of things done', () => {
    expect(values('今年新增备案托育机构134家，累计备案机构230家')).toEqual([]);
    expect(values('全市共设置核酸检测点795个，托位总数2.56万个')).toEqual([]);
  });

  it('changes and allocations (002: 较2015年增长60.4%, 70%用于…; 000: 同比增幅8.6%)', () => {
    expect(values('分别较2015年增长60.4%、51%和92.1%')).toEqual([]);
    expect(values('家庭医生签约服务收入的70%用于签约团队内部分配', { statementClass: 'COMMITMENT' })).toEqual([]);
    expect(values('截至11月13日，全市体育彩票实现销售 9.94亿元，同比增幅8.6%')).toEqual([]);
    // A growth the document monitors by name is an indicator (003).
    expect(values('我区公立医院医疗收入增幅为3.75%', { partYear: 2023 })).toMatchObject([{ indicatorName: '公立医院医疗收入增幅', value: 3.75 }]);
  });
});

describe('names completed from context', () => {
  it('分别为: each value goes with the number before it (000)', () => {
    expect(
      values('产前血清学筛查40600例、新生儿“两病”筛查54165例、新生儿听力筛查共完成58132例，筛查覆盖率分别为69.34%、92.50%、99.28%').map((v) => [v.indicatorName, v.value]),
    ).toEqual([
      ['产前血清学筛查覆盖率', 69.34],
      ['新生儿“两病”筛查覆盖率', 92.5],
      ['新生儿听力筛查覆盖率', 99.28],
    ]);
    // Without as many named numbers before, the values are not guessed.
    expect(values('筛查覆盖率分别为75.24%、69.34%')).toEqual([]);
  });

  it('a bare rate is a rate of the thing counted just before (001: 孕产妇建档管理****人，管理率**％; 003: 建档率)', () => {
    expect(values('孕产妇建档管理****人，管理率**％', { region: { status: 'masked', evidence: '**' } })).toMatchObject([
      { indicatorId: 'ind:孕产妇建档管理率', kind: 'ACTUAL', value: null },
    ]);
    expect(values('全区建立居民规范化电子健康档案81.26万份，建档率达96.34%', { partYear: 2023 })).toMatchObject([
      { indicatorId: 'ind:居民规范化电子健康档案建档率', value: 96.34 },
    ]);
    // Not after another rate: 药占比 stands alone.
    expect(values('公立医院医疗收入增幅为3.75%，药占比为26.4%').map((v) => v.indicatorName)).toEqual(['公立医院医疗收入增幅', '药占比']);
  });
});

describe('the matching rule', () => {
  it('has one documented threshold between similar and different names', () => {
    expect(nameScore('居民人均预期寿命', '人均预期寿命')).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(nameScore('人均预期寿命', '健康预期寿命')).toBeLessThan(MATCH_THRESHOLD);
    expect(nameScore('死亡率', '婴儿死亡率')).toBeLessThan(MATCH_THRESHOLD);
    expect(similarity('人均预期寿命', '人均预期寿命')).toBe(1);
  });
});
