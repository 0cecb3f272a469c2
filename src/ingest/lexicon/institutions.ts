// Institutions as the genre names them: how a name ends and what that makes
// it, the abbreviations documents use, the classes that are no single
// institution, and known slips. Data for facts/institutions.ts.

import type { InstitutionType } from '../facts/types.ts';
import { GENRE_VERBS } from './phrases.ts';

/**
 * Name endings and the type they give, longest first within a family so
 * `妇幼保健院` wins over `医院`-less `保健院` and `中医院` over `医院`.
 * `中心` alone is absent: 胸痛中心, 区域医疗中心, 救治中心 are functions
 * of a hospital, not institutions.
 */
export const INSTITUTION_SUFFIXES: ReadonlyArray<readonly [string, InstitutionType]> = [
  ['卫生健康体育委员会', 'GOVERNMENT'],
  ['卫生健康委员会', 'GOVERNMENT'],
  ['卫生和计划生育委员会', 'GOVERNMENT'],
  ['爱国卫生运动委员会', 'GOVERNMENT'],
  ['机构编制委员会', 'GOVERNMENT'],
  ['卫健体委', 'GOVERNMENT'],
  ['卫健委', 'GOVERNMENT'],
  ['卫计委', 'GOVERNMENT'],
  ['爱卫会', 'GOVERNMENT'],
  ['编委', 'GOVERNMENT'],
  ['卫生健康局', 'GOVERNMENT'],
  ['卫健局', 'GOVERNMENT'],
  ['卫生局', 'GOVERNMENT'],
  ['医疗保障局', 'GOVERNMENT'],
  ['医保局', 'GOVERNMENT'],
  ['卫生监督局', 'GOVERNMENT'],
  ['卫生监督所', 'GOVERNMENT'],
  ['政务服务中心', 'GOVERNMENT'],
  ['大数据管理局', 'GOVERNMENT'],
  ['组织部', 'GOVERNMENT'],
  ['宣传部', 'GOVERNMENT'],
  ['指挥部', 'GOVERNMENT'],
  ['疾病预防控制中心', 'CDC'],
  ['疾控中心', 'CDC'],
  ['疾控机构', 'CDC'],
  ['妇幼保健计划生育服务中心', 'MATERNAL_CHILD'],
  ['妇幼保健院', 'MATERNAL_CHILD'],
  ['妇幼保健所', 'MATERNAL_CHILD'],
  ['妇幼保健机构', 'MATERNAL_CHILD'],
  ['妇保院', 'MATERNAL_CHILD'],
  ['中西医结合医院', 'TCM_HOSPITAL'],
  ['中医医院', 'TCM_HOSPITAL'],
  ['中医院', 'TCM_HOSPITAL'],
  ['中医门诊部', 'TCM_HOSPITAL'],
  ['社区卫生服务中心', 'COMMUNITY_HEALTH_CENTRE'],
  ['社区卫生服务站', 'COMMUNITY_HEALTH_CENTRE'],
  ['社区卫生服务机构', 'COMMUNITY_HEALTH_CENTRE'],
  ['社区医院', 'COMMUNITY_HEALTH_CENTRE'],
  ['卫生院', 'TOWNSHIP_HEALTH_CENTRE'],
  ['卫生室', 'VILLAGE_CLINIC'],
  ['医院', 'HOSPITAL'],
  ['紧急医疗救援中心', 'CENTRE'],
  ['紧急医学救援中心', 'CENTRE'],
  ['应急物资储备中心', 'CENTRE'],
  ['应急物质储备中心', 'CENTRE'],
  ['心理健康服务中心', 'CENTRE'],
  ['远程医疗中心', 'CENTRE'],
  ['质控中心', 'CENTRE'],
  ['血液中心', 'CENTRE'],
  ['血站', 'CENTRE'],
  ['医学会', 'ASSOCIATION'],
  ['医师协会', 'ASSOCIATION'],
  ['计划生育协会', 'ASSOCIATION'],
  ['计生协会', 'ASSOCIATION'],
  ['协会', 'ASSOCIATION'],
  ['学会', 'ASSOCIATION'],
  ['高等医学院校', 'UNIVERSITY'],
  ['高等院校', 'UNIVERSITY'],
  ['医学院校', 'UNIVERSITY'],
  ['职业院校', 'UNIVERSITY'],
  ['大学', 'UNIVERSITY'],
  ['医学院', 'UNIVERSITY'],
  ['院校', 'UNIVERSITY'],
  ['体育运动学校', 'OTHER'],
  ['门诊部', 'OTHER'],
  ['诊所', 'OTHER'],
  ['护理院', 'OTHER'],
  ['敬老院', 'OTHER'],
  ['医疗机构', 'OTHER'],
  ['医疗卫生机构', 'OTHER'],
  ['养老机构', 'OTHER'],
  ['养老服务机构', 'OTHER'],
  ['托育机构', 'OTHER'],
  ['幼托机构', 'OTHER'],
  ['托育服务机构', 'OTHER'],
];

/** Party and government bodies written as one word with their level: `市委`, `区政府`. */
export const GOVERNMENT_WORDS = /^(?:[省市区县])(?:委|政府)$/;

/**
 * Abbreviations and their full forms, applied to the part after the level
 * prefix. `市二院` (南阳's 第二人民医院) is the numbered form below.
 */
export const ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/卫健体委$/, '卫生健康体育委员会'],
  [/卫健委$/, '卫生健康委员会'],
  [/卫计委$/, '卫生和计划生育委员会'],
  [/爱卫会$/, '爱国卫生运动委员会'],
  [/^编委$/, '机构编制委员会'],
  [/卫健局$/, '卫生健康局'],
  [/医保局$/, '医疗保障局'],
  [/疾控中心$/, '疾病预防控制中心'],
  [/妇保院$/, '妇幼保健院'],
  [/计生协会$/, '计划生育协会'],
  [/疫情指挥部$/, '疫情防控指挥部'],
  // One hospital, two spellings in one document (seed 001: 区中医医院 / 区中医院).
  [/中医医院$/, '中医院'],
];

/** Institutions known by a short form with no suffix to find them by: [as written, full name, type]. */
export const KNOWN_ABBREVIATIONS: ReadonlyArray<readonly [string, string, InstitutionType]> = [['国开行', '国家开发银行', 'OTHER']];

/** `二院` → `第二人民医院`: a level prefix, a Chinese ordinal, 院. */
export const NUMBERED_HOSPITAL = /^([一二三四五六七八九十]{1,2})院$/;

/**
 * Slips in names, fixed in the normalised name (the text keeps the slip) and
 * reported: `市传传染病医院` (seed 000) is 市传染病医院.
 */
export const NAME_TYPOS: ReadonlyArray<readonly [string, string]> = [['传传染病', '传染病']];

/**
 * After a level prefix, words that still make the name a class: a grade or
 * an ownership (`市三甲医院` are the city's grade-3A hospitals, `区公立医院`
 * all public ones). Without a prefix a name is a class anyway (`乡镇卫生院`).
 */
export const CLASS_MARKERS = /^(?:[一二三]级|[二三][甲乙]|三级甲等|二级甲等|二级(?:及)?以上|公立|民营|私立|定点|各级|各类)/;

/** Before a name, words that make it a class: `所有县人民医院`, `各乡镇卫生院`, `部分公立医院`. */
export const CLASS_QUANTIFIERS = /(?:所有|各|部分|其余|全部|多家|若干|\d+[家所个])$/;

/** Suffixes that only ever name a class: there is no one institution called `…医疗机构` or `…院校`. */
export const CLASS_ONLY_SUFFIX = /(?:机构|院校)$/;

/** A first word that makes a name specific without a place: `南昌大学第二附属医院`. */
export const ORGANISATION_PREFIX = /^\p{Script=Han}{2,}(?:大学|学院)/u;

/** A level prefix and the administrative level it names in the document's region. */
export const LEVEL_PREFIXES: ReadonlyArray<readonly [string, 'province' | 'city' | 'district' | 'national']> = [
  ['国家', 'national'],
  ['省', 'province'],
  ['市', 'city'],
  ['区', 'district'],
  ['县', 'district'],
];

/** After a level character, these make it a level word, not a prefix: `市级`, `县区`, `市县`, `县域`. */
export const NOT_A_PREFIX_AFTER = /^[级区县域乡镇内外直属]/;

/**
 * Words a name never starts with: verbs and framing that jieba tags as nouns
 * (`新建/ns`), quantifiers that make a class (`所有县人民医院`).
 */
export const NAME_STOP_WORDS: ReadonlySet<string> = new Set([
  ...GENRE_VERBS,
  '每千人口', '每千常住人口',
  '新建', '迁建', '扩建', '改建', '依托', '带动', '推进', '加快', '创建', '支持', '鼓励', '建设', '实施', '委托', '征用',
  '全市', '全区', '全县', '全省', '我市', '我区', '所有', '各', '各级', '部分', '其余', '其他', '每个', '目前', '辖区',
  '辖区内', '同时', '以及', '联合', '会同', '指导', '督促', '推动', '引导', '组织', '确定', '成立', '按照',
]);
