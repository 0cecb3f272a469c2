import { describe, expect, it } from 'vitest';
import type { QuantityFact } from '../../../src/ingest/facts/index.ts';
import { factsOf } from './helpers.ts';

const quantities = (sentence: string): Array<Omit<QuantityFact, 'span'>> =>
  factsOf(sentence).quantities.map(({ span: _span, ...rest }) => rest);

const texts = (sentence: string): string[] => factsOf(sentence).quantities.map((q) => q.text);

describe('quantities in running text: seed sentences', () => {
  it('counts with their subject (000: 全市共设置核酸检测点795个，配置核酸检测人员2411名)', () => {
    expect(quantities('全市共设置核酸检测点795个，配置核酸检测人员2411名、采样人员32427名')).toEqual([
      { text: '795个', value: 795, upper: null, unit: '个', comparator: 'EQ', masked: false, subject: '核酸检测点' },
      { text: '2411名', value: 2411, upper: null, unit: '名', comparator: 'EQ', masked: false, subject: '核酸检测人员' },
      { text: '32427名', value: 32427, upper: null, unit: '名', comparator: 'EQ', masked: false, subject: '采样人员' },
    ]);
  });

  it('applies 万 and keeps the measure as the unit (000: 托位总数2.56万个)', () => {
    const [, total] = quantities('目前全市托育机构639家，托位总数2.56万个，实际收托婴儿1.47万余人');
    expect(total).toEqual({ text: '2.56万个', value: 25600, upper: null, unit: '个', comparator: 'EQ', masked: false, subject: '托位总数' });
  });

  it('reads 余 as at least the written number (000: 80余次, 3000余人, 1.47万余人)', () => {
    expect(quantities('先后开展了80余次应急演练')).toMatchObject([{ value: 80, unit: '次', comparator: 'GE' }]);
    expect(quantities('接收外地市集中隔离人员3000余人')).toMatchObject([{ value: 3000, unit: '人', comparator: 'GE' }]);
    expect(quantities('实际收托婴儿1.47万余人')).toMatchObject([{ text: '1.47万余人', value: 14700, unit: '人', comparator: 'GE' }]);
  });

  it('percentages, per-mille and per-100 000 rates', () => {
    expect(quantities('全市公有产权村卫生室达3702个，占比达到81.76%')).toMatchObject([
      { text: '3702个', value: 3702, unit: '个', subject: '公有产权村卫生室' },
      { text: '81.76%', value: 81.76, unit: '%', comparator: 'EQ', subject: '占比' },
    ]);
    expect(quantities('婴儿死亡率由3.77‰降低至3.15‰')).toMatchObject([
      { value: 3.77, unit: '‰', subject: '婴儿死亡率' },
      { value: 3.15, unit: '‰', subject: null },
    ]);
    expect(quantities('孕产妇死亡率16.67/10万人')).toMatchObject([{ value: 16.67, unit: '/10万人', subject: '孕产妇死亡率' }]);
  });

  it('约70亿元 is 7e9 元, approximately (000)', () => {
    expect(quantities('11个卫生重点项目，总投资约70亿元')[1]).toEqual({
      text: '约70亿元', value: 7e9, upper: null, unit: '元', comparator: 'APPROX', masked: false, subject: '总投资',
    });
  });

  it('keeps 53.09元 as written (000: the document dropped 亿) and flags it', () => {
    const facts = factsOf('申报EOD项目6个、国开行项目5个，申报资金共计53.09元');
    expect(facts.quantities[2]).toMatchObject({ text: '53.09元', value: 53.09, unit: '元' });
    expect(facts.diagnostics.map((d) => d.rule)).toEqual(['quantity-magnitude-missing']);
    // Per-capita amounts are small by nature: no diagnostic.
    expect(factsOf('门诊次均费用233.83元').diagnostics).toEqual([]);
  });

  it('ranges: value is the lower end, upper the higher, no comparator (002: 10-20公里)', () => {
    expect(quantities('农村地区服务半径不超过10-20公里')).toEqual([
      { text: '10-20公里', value: 10, upper: 20, unit: '公里', comparator: null, masked: false, subject: '农村地区服务半径' },
    ]);
    // 000: the upper end of 2－3名 is not a second quantity.
    expect(texts('按照每万名居民配备2－3名全科医师，1名公共卫生医师的标准')).toEqual(['2－3名', '1名']);
  });

  it('a comparator verb sets the comparator and stays outside the text; 约 and signs are written with the number', () => {
    expect(texts('占比达到81.76%，总投资约70亿元，不低于30%，婴儿死亡率≤4.2‰')).toEqual(['81.76%', '约70亿元', '30%', '≤4.2‰']);
  });

  it('a number with a unit inside a named concept or slogan is a quantity (000: “15分钟便民核酸检测圈”; 002: “三个100%”)', () => {
    expect(quantities('构建“15分钟便民核酸检测圈”，建成城镇社区10分钟健身圈')).toMatchObject([
      { text: '15分钟', value: 15, unit: '分钟' },
      { text: '10分钟', value: 10, unit: '分钟' },
    ]);
    expect(texts('实现贫困人口基本医保覆盖率“三个100%”，县域内就诊率“两个90%”')).toEqual(['100%', '90%']);
  });

  it('a ratio is one quantity, the second side over the first (001: 按床人比1：1.5)', () => {
    expect(quantities('按床人比1：1.5的比例，可配备工作人员****人')[0]).toEqual({
      text: '1：1.5', value: 1.5, upper: null, unit: null, comparator: 'EQ', masked: false, subject: '床人比',
    });
  });

  it('comparators from words and signs', () => {
    const cmp = (s: string) => factsOf(s).quantities.map((q) => q.comparator);
    expect(cmp('到2023年底全市县域内三级综合医院达到50%以上')).toEqual(['GE']);
    expect(cmp('基层医疗卫生机构护理床位占比不低于30%')).toEqual(['GE']);
    expect(cmp('县域就诊率达到90%左右')).toEqual(['APPROX']);
    expect(cmp('线上健身人数超过300万人')).toEqual(['GT']);
    expect(cmp('平均急救反应时间不超过30分钟')).toEqual(['LE']);
    expect(cmp('婴儿死亡率≤4.2‰，注册护士数≥4.3人')).toEqual(['LE', 'GE']);
    expect(cmp('人均体育场地面积达到2.59平方米')).toEqual(['EQ']);
  });

  it('a one-character comparator must be a word: 履约 is not 约 (003)', () => {
    expect(quantities('全区今年家庭医生签约共计335957人，履约335957人')).toMatchObject([
      { text: '335957人', comparator: 'EQ' },
      { text: '335957人', comparator: 'EQ' },
    ]);
  });

  it('a bare count after what it counts (003: 注册人数256753，; 000: 卫生村569、)', () => {
    expect(quantities('覆盖总人数1102421人，注册人数256753，服务项次15827410次')).toMatchObject([
      { value: 1102421, unit: '人', subject: '总人数' },
      { text: '256753', value: 256753, unit: null, subject: '注册人数' },
      { value: 15827410, unit: '次', subject: '服务项次' },
    ]);
    expect(texts('省级卫生乡镇52个、卫生村569、社区20个')).toEqual(['52个', '569', '20个']);
  });
});

describe('masked values (seed 001)', () => {
  it('are quantities with value null, masked, the unit kept without its magnitude', () => {
    expect(quantities('全区各高速路口（交通场站）累计排查**万人次，累计核酸检测**万人次')).toMatchObject([
      { text: '**万人次', value: null, upper: null, unit: '人次', masked: true },
      { text: '**万人次', value: null, unit: '人次', masked: true },
    ]);
    expect(quantities('投入***万元建设**座农村新建公厕')).toMatchObject([
      { text: '***万元', value: null, unit: '元', masked: true },
      { text: '**座', unit: '座', masked: true },
    ]);
    expect(quantities('本区及外地医疗机构共计报告传染病****例')).toMatchObject([{ text: '****例', unit: '例', masked: true }]);
    expect(quantities('与去年同期比，发病上升**％')).toMatchObject([{ text: '**％', unit: '%', masked: true }]);
    expect(quantities('申报了*个省级卫生乡镇（**镇、**镇、**乡）')).toMatchObject([{ text: '*个', unit: '个', masked: true }]);
    expect(quantities('漏种疫苗补种率达**％以上')).toMatchObject([{ text: '**％以上', masked: true, comparator: 'GE', subject: '漏种疫苗补种率' }]);
  });

  it('a mask without a unit, or before a word the unit would cut, is a hidden name', () => {
    expect(texts('加快推进“健康**”建设，赴**市、**市等地学习')).toEqual([]);
    expect(texts('对在建的**户外猩球项目，不定期牵头召开项目推进会')).toEqual([]);
    expect(texts('发布**组工〔打造模范机关进行时〕专栏稿件7篇')).toEqual(['7篇']);
  });
});

describe('not quantities', () => {
  it('classes and levels: 三级医院, 二级甲等, 五大中心, 4级应用水平', () => {
    expect(texts('已创建三级医院，所有县人民医院二级甲等综合医院全覆盖，推进五大中心建设')).toEqual([]);
    expect(texts('全市24家二级及以上医院达到4级应用水平')).toEqual(['24家']);
  });

  it('years, dates and list markers', () => {
    expect(texts('2022年，截至11月13日，2023年7月22日举行了签约仪式，7月10日至7月21日')).toEqual([]);
    expect(texts('《南阳市全民健身实施计划（2021-2025年）》')).toEqual([]);
    expect(texts('2022年前三季度二孩以上出生人口占出生总人数比例61.65%')).toEqual(['61.65%']);
  });

  it('Chinese numerals: references and names, not counts (三家医院, 两癌, 一办五部, 第三个)', () => {
    expect(texts('目前三家医院仅核定编制，持续开展农村适龄妇女“两癌”筛查，成立“一办五部”，创建第三个家庭健康服务中心')).toEqual([]);
  });

  it('age bounds name a population (60岁以上老年人, 3—11岁儿童, 5岁以下儿童死亡率)', () => {
    expect(texts('对60岁以上老年人、3—11岁儿童进行逐人排查，5岁以下儿童死亡率4.63‰')).toEqual(['4.63‰']);
  });

  it('codes, formulas, ratios, slogans and law names', () => {
    expect(texts('加快120生命通道建设，实现与110、119数据共享')).toEqual([]);
    expect(texts('探索“5G+医疗健康”技术应用，不断完善“1+X”用药模式，开展“4.25”预防接种日宣传')).toEqual([]);
    expect(texts('做好“51515”卫生人才工程，执行《健康南阳行动（2020-2030年）》')).toEqual([]);
    expect(texts('投放了溴鼠灵毒饵1250k、高效氯氰菊酯400瓶')).toEqual(['400瓶']);
  });
});

describe('other cities, other phrasing', () => {
  it('a county plan with 不少于, 以内 and a per-1000 rate', () => {
    expect(quantities('到2025年，全县每千人口执业（助理）医师数不少于3.2人，急救平均反应时间控制在12分钟以内')).toMatchObject([
      { text: '3.2人', value: 3.2, unit: '人', comparator: 'GE', subject: '每千人口执业（助理）医师数' },
      { text: '12分钟以内', value: 12, unit: '分钟', comparator: 'LE' },
    ]);
  });

  it('full-width digits and percent, 千万 and 近', () => {
    expect(quantities('全市共投入资金１．２千万元，覆盖率近９５％')).toMatchObject([
      { text: '１．２千万元', value: 12_000_000, unit: '元', subject: '资金' },
      { text: '近９５％', value: 95, unit: '%', comparator: 'APPROX', subject: '覆盖率' },
    ]);
  });
});
