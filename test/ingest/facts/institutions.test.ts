import { describe, expect, it } from 'vitest';
import type { FactContext, InstitutionFact } from '../../../src/ingest/facts/index.ts';
import { LINCHUAN, MASKED, NANYANG, factsOf, regionOf } from './helpers.ts';

const institutions = (sentence: string, over: Partial<FactContext> = {}): Array<Omit<InstitutionFact, 'span'>> =>
  factsOf(sentence, over).institutions.map(({ span: _span, ...rest }) => rest);

const named = (sentence: string, over: Partial<FactContext> = {}): string[] =>
  institutions(sentence, over)
    .filter((i) => !i.generic)
    .map((i) => i.name);

describe('institutions in a 南阳 document (seeds 000, 002)', () => {
  it('市中心医院 is 南阳市中心医院; 市二院 is 南阳市第二人民医院; 南阳油田总医院 stays', () => {
    expect(institutions('市中心医院、市二院、南阳油田总医院积极开展城市医疗集团建设', { region: NANYANG })).toEqual([
      { text: '市中心医院', name: '南阳市中心医院', type: 'HOSPITAL', generic: false },
      { text: '市二院', name: '南阳市第二人民医院', type: 'HOSPITAL', generic: false },
      { text: '南阳油田总医院', name: '南阳油田总医院', type: 'HOSPITAL', generic: false },
    ]);
  });

  it('市疾控中心 is 南阳市疾病预防控制中心 (CDC)', () => {
    expect(institutions('实施市疾控中心迁建项目', { statementClass: 'COMMITMENT' })).toEqual([
      { text: '市疾控中心', name: '南阳市疾病预防控制中心', type: 'CDC', generic: false },
    ]);
  });

  it('a place names its institution: 卧龙区中医院, 宛城区瓦店镇卫生院', () => {
    expect(institutions('征用卧龙区中医院作为南阳市新冠肺炎救治市级定点医院，确定由市中心医院整体接管市级定点医院')).toEqual([
      { text: '卧龙区中医院', name: '卧龙区中医院', type: 'TCM_HOSPITAL', generic: false },
      { text: '市级定点医院', name: '市级定点医院', type: 'HOSPITAL', generic: true },
      { text: '市中心医院', name: '南阳市中心医院', type: 'HOSPITAL', generic: false },
      { text: '市级定点医院', name: '市级定点医院', type: 'HOSPITAL', generic: true },
    ]);
    expect(institutions('市康复医院、宛城区瓦店镇卫生院等9个项目被确定为省医养结合示范项目')).toEqual([
      { text: '市康复医院', name: '南阳市康复医院', type: 'HOSPITAL', generic: false },
      { text: '宛城区瓦店镇卫生院', name: '宛城区瓦店镇卫生院', type: 'TOWNSHIP_HEALTH_CENTRE', generic: false },
    ]);
  });

  it('government bodies: 市卫健体委, 国家卫健委, 市委, 市政府', () => {
    expect(institutions('2022年，市卫健体委紧紧围绕市委、市政府明确的重点工作')).toEqual([
      { text: '市卫健体委', name: '南阳市卫生健康体育委员会', type: 'GOVERNMENT', generic: false },
      { text: '市委', name: '南阳市委', type: 'GOVERNMENT', generic: false },
      { text: '市政府', name: '南阳市政府', type: 'GOVERNMENT', generic: false },
    ]);
    expect(institutions('我市新野县经验做法被国家卫健委作为典型案例编发学习')).toEqual([
      { text: '国家卫健委', name: '国家卫生健康委员会', type: 'GOVERNMENT', generic: false },
    ]);
  });

  it('市传传染病医院 keeps its slip in the text, is named 南阳市传染病医院, and the slip is reported', () => {
    const facts = factsOf('新建市传传染病医院已经按规划进度有序推进');
    expect(facts.institutions.map(({ span: _s, ...i }) => i)).toEqual([
      { text: '市传传染病医院', name: '南阳市传染病医院', type: 'HOSPITAL', generic: false },
    ]);
    expect(facts.diagnostics).toMatchObject([{ rule: 'institution-name-typo', severity: 'info' }]);
  });

  it('classes are generic: 乡镇卫生院, 村卫生室, 社区卫生服务中心, 二级以上公立医院, 三级医院', () => {
    const found = institutions('覆盖215家乡镇卫生院，30家社区卫生服务中心，4675个村卫生室，二级以上公立医院和三级医院');
    expect(found.map((i) => [i.name, i.generic])).toEqual([
      ['乡镇卫生院', true],
      ['社区卫生服务中心', true],
      ['村卫生室', true],
      ['二级以上公立医院', true],
      ['三级医院', true],
    ]);
    expect(found.map((i) => i.type)).toEqual(['TOWNSHIP_HEALTH_CENTRE', 'COMMUNITY_HEALTH_CENTRE', 'VILLAGE_CLINIC', 'HOSPITAL', 'HOSPITAL']);
  });

  it('县人民医院 in a city document is the class of county hospitals (所有县人民医院, 5家县人民医院)', () => {
    expect(institutions('所有县人民医院4级电子病历系统应用水平实现全覆盖')).toEqual([
      { text: '县人民医院', name: '县人民医院', type: 'HOSPITAL', generic: true },
    ]);
    expect(institutions('5家县人民医院已经成功升级为三级综合医院').map((i) => [i.name, i.generic])).toEqual([
      ['县人民医院', true],
      ['三级综合医院', true],
    ]);
    expect(institutions('医疗机构、养老机构和托育机构').every((i) => i.generic)).toBe(true);
  });

  it('a campus is part of its hospital; a function of a hospital is no institution', () => {
    expect(named('全力以赴推进市中心医院新区医院、市骨科医院新院区项目建设')).toEqual(['南阳市中心医院', '南阳市骨科医院']);
    expect(named('市中心医院癌症区域医疗中心、神经疾病区域医疗中心、市二院心血管区域医疗中心积极开展规范化建设')).toEqual([
      '南阳市中心医院',
      '南阳市第二人民医院',
    ]);
  });

  it('bodies without a usual suffix: 省疫情指挥部, 国开行 (000)', () => {
    expect(named('在省疫情指挥部统一调度下，申报国开行项目5个')).toEqual(['河南省疫情防控指挥部', '国家开发银行']);
  });

  it('a campaign called 平安医院 is no hospital in 平安区', () => {
    expect(named('加强平安医院建设，严厉打击涉医违法行为')).toEqual([]);
  });
});

describe('institutions in a 临川 (抚州, 江西) document (seed 003)', () => {
  const linchuan = { region: LINCHUAN };

  it('区 is 临川区, 省 is 江西省, 市 is 抚州市', () => {
    expect(institutions('区人民医院与省人民医院合作共建相对紧密型医联体', linchuan)).toEqual([
      { text: '区人民医院', name: '临川区人民医院', type: 'HOSPITAL', generic: false },
      { text: '省人民医院', name: '江西省人民医院', type: 'HOSPITAL', generic: false },
    ]);
    expect(named('与省妇保院签订了美容科合作协议，3月份新增市临川玉茗中医门诊部1家', linchuan)).toEqual([
      '江西省妇幼保健院',
      '抚州市临川玉茗中医门诊部',
    ]);
  });

  it('区第一人民医院 and 南昌大学第二附属医院', () => {
    expect(institutions('区第一人民医院与南昌大学第二附属医院构建相对紧密型医联体合作关系', linchuan)).toEqual([
      { text: '区第一人民医院', name: '临川区第一人民医院', type: 'HOSPITAL', generic: false },
      { text: '南昌大学第二附属医院', name: '南昌大学第二附属医院', type: 'HOSPITAL', generic: false },
    ]);
  });

  it('抚州东信六医院; 区妇保院 and 区妇幼保健院 are one name', () => {
    expect(named('抚州东信六医院胸痛中心于2023年9月28日已经过省级验收', linchuan)).toEqual(['抚州东信六医院']);
    expect(named('区妇保院新院区建设工程的主楼封顶，区妇幼保健院扩建工程已办理许可', linchuan)).toEqual([
      '临川区妇幼保健院',
      '临川区妇幼保健院',
    ]);
  });

  it('区卫健委 inside a notice title is the issuing body', () => {
    expect(named('2023年9月28日下发《区卫健委关于进一步夯实乡村医生队伍建设的通知》', linchuan)).toEqual(['临川区卫生健康委员会']);
  });
});

describe('a masked region (seed 001): the prefix stays, the region is never invented', () => {
  it('区人民医院 is 区人民医院, one institution', () => {
    expect(institutions('区人民医院与省、市*所医院建立医联体机制', { region: MASKED })).toEqual([
      { text: '区人民医院', name: '区人民医院', type: 'HOSPITAL', generic: false },
    ]);
  });

  it('区中医医院 and 区中医院 are one name', () => {
    expect(named('做优做特了区中医院和区妇幼保健院，积极推进区中医医院新技术新项目的开展', { region: MASKED })).toEqual([
      '区中医院',
      '区妇幼保健院',
      '区中医院',
    ]);
  });
});

describe('other regions', () => {
  it('a county document: 县 is the county itself, 市 its city', () => {
    const county = { region: regionOf('新野县') };
    expect(named('县人民医院与市中心医院组建医联体，县疾控中心完成改造', county)).toEqual([
      '新野县人民医院',
      '南阳市中心医院',
      '新野县疾病预防控制中心',
    ]);
  });

  it('a district document: 县人民医院 is another level, a class', () => {
    expect(institutions('县人民医院', { region: LINCHUAN })).toEqual([{ text: '县人民医院', name: '县人民医院', type: 'HOSPITAL', generic: true }]);
  });
});
