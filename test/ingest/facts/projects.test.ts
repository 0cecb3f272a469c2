import { describe, expect, it } from 'vitest';
import type { FactContext } from '../../../src/ingest/facts/index.ts';
import { LINCHUAN, factsOf, seed } from './helpers.ts';

const projects = (sentence: string, over: Partial<FactContext> = {}): string[] => factsOf(sentence, over).projects.map((p) => p.name);

describe('named projects', () => {
  it('names ending in 项目 (002)', () => {
    expect(projects('实施市疾控中心迁建项目', { statementClass: 'COMMITMENT' })).toEqual(['市疾控中心迁建项目']);
    expect(projects('加快医疗卫生重大项目建设，市中心医院迁建（新区医院）项目、市中医院新院区项目、市精神病医院扩建项目建成投用')).toEqual([
      '市中心医院迁建（新区医院）项目',
      '市中医院新院区项目',
      '市精神病医院扩建项目',
    ]);
  });

  it('建设工程 and 提质升级工程; a joined pair is two projects (003, 002)', () => {
    expect(projects('推进区第一人民医院新院区建设项目', { region: LINCHUAN })).toEqual(['区第一人民医院新院区建设项目']);
    expect(projects('区第二人民医院扩建工程及院感大楼建设项目已完成立项批复和可研批复', { region: LINCHUAN })).toEqual([
      '区第二人民医院扩建工程',
      '院感大楼建设项目',
    ]);
    expect(projects('稳步实施县级人民医院（中心医院）提质升级工程，建设一批市级、县域医疗中心')).toEqual(['县级人民医院（中心医院）提质升级工程']);
  });

  it('a list closed by 等…项目 names its items (000)', () => {
    expect(projects('积极谋划推进市传染病医院、市精神病医院扩建、市心脑血管病医院（市中心医院独山院区）、市眼科医院迁建等11个卫生重点项目，总投资约70亿元')).toEqual([
      '市传染病医院',
      '市精神病医院扩建',
      '市心脑血管病医院（市中心医院独山院区）',
      '市眼科医院迁建',
    ]);
  });

  it('items listed after a project share its suffix; a named institution being built is a project (002)', () => {
    expect(projects('市精神病医院扩建项目、市骨科医院、市口腔医院、市眼科医院新院区建成投用')).toEqual([
      '市精神病医院扩建项目',
      '市骨科医院',
      '市口腔医院',
      '市眼科医院新院区',
    ]);
    expect(projects('按照三级专科医院标准建设市传染病医院，推动市心理健康服务中心建设')).toEqual(['市传染病医院', '市心理健康服务中心建设']);
  });

  it('platforms being built and quoted programmes (004, 002)', () => {
    expect(projects('完成“5G+互联网健康便民服务平台”建设，建设市级医疗资源信息共享平台', { region: { status: 'unknown' } })).toEqual([
      '“5G+互联网健康便民服务平台”',
      '市级医疗资源信息共享平台',
    ]);
    expect(projects('持续推进新一轮基层卫生人才工程和“诸葛英才计划”实施')).toEqual(['新一轮基层卫生人才工程', '“诸葛英才计划”']);
    // Improving or connecting to a system is no project.
    expect(projects('完善传染病和突发公共卫生事件监测预警系统，有序组织全市各级医疗机构接入远程医疗服务平台')).toEqual([]);
  });

  it('categories are no projects', () => {
    expect(projects('谋划申报市直医疗卫生系统专项债券项目26个，申报EOD项目6个、国开行项目5个')).toEqual([]);
    expect(projects('实施了一批全民健身工程，强力推动卫生重点项目')).toEqual([]);
    expect(projects('继续开展手足口病、病毒性脑炎、病毒性腹泻等监测项目')).toEqual([]);
    expect(projects('市康复医院、宛城区瓦店镇卫生院等9个项目被确定为省医养结合示范项目')).toEqual([]);
    expect(projects('2020年全市人均基本公共卫生服务项目经费达到74元')).toEqual([]);
  });
});

describe('专栏 items mentioned in running text (seed 002)', () => {
  it('match by the box item name, named as the box names it', () => {
    const ctx = { boxes: seed('002').boxes, statementClass: 'COMMITMENT' as const };
    expect(projects('加快区域医疗中心建设，创建一批高水平医院和省内领先学科', ctx)).toEqual(['区域医疗中心建设']);
    expect(projects('加快市级“四所医院”和县级“三所医院”建设', ctx)).toEqual(['城市“四所医院”', '县域“三所医院”']);
  });
});
