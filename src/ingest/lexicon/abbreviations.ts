// Short forms and synonyms the genre uses for one thing, with the reason each
// pair means the same. Search reads them (疾控 finds 疾病预防控制中心 and the
// other way round); linking may read them too, so this is a plain table and
// a lookup, with no knowledge of either.

export interface Abbreviation {
  /** The short form, or for a synonym the less formal word. */
  readonly short: string;
  /** The forms written out, as the documents write them; the first is the usual one. */
  readonly full: readonly string[];
  readonly kind: 'abbreviation' | 'synonym';
  /** Why the forms mean the same thing, and where the genre writes them. */
  readonly reason: string;
  /**
   * Characters that, right before `short`, make its first character part of
   * another word: in 国家医学中心 the 家医 is no 家庭医生 (国家 + 医学).
   */
  readonly notAfter?: string;
}

export const ABBREVIATIONS: readonly Abbreviation[] = [
  { short: '疾控', full: ['疾病预防控制'], kind: 'abbreviation', reason: '疾控中心 is the 疾病预防控制中心; seed 002 writes both for the same centres' },
  { short: '医共体', full: ['医疗卫生共同体', '医疗共同体'], kind: 'abbreviation', reason: '(紧密型)县域医共体: the county medical community of the national policy, 县域医疗卫生共同体 in its own documents' },
  { short: '医联体', full: ['医疗联合体'], kind: 'abbreviation', reason: '城市医联体: the urban medical alliance (医疗联合体) between a city hospital and primary care' },
  {
    short: '家医',
    full: ['家庭医生'],
    kind: 'abbreviation',
    reason: '家医签约 is 家庭医生签约服务',
    notAfter: '国专居',
  },
  {
    short: '两癌',
    full: ['宫颈癌和乳腺癌', '宫颈癌、乳腺癌', '乳腺癌和宫颈癌', '乳腺癌、宫颈癌'],
    kind: 'abbreviation',
    reason: '两癌筛查 screens women for cervical and breast cancer; seed 002 writes 宫颈癌、乳腺癌检查',
  },
  {
    short: '三医联动',
    full: ['医疗、医保、医药联动', '医疗医保医药联动', '医保、医疗、医药联动'],
    kind: 'abbreviation',
    reason: 'the reform that moves health care, medical insurance and medicines together',
  },
  { short: '三医协同', full: ['三医联动'], kind: 'synonym', reason: 'the later name (三医协同发展和治理) of the same reform' },
  { short: '医改', full: ['医药卫生体制改革'], kind: 'abbreviation', reason: '深化医改 is 深化医药卫生体制改革' },
  { short: '卫健委', full: ['卫生健康委员会', '卫生健康委'], kind: 'abbreviation', reason: 'the health commission; documents give its name in all three forms' },
  { short: '卫健体委', full: ['卫生健康体育委员会'], kind: 'abbreviation', reason: '南阳 merged health and sport in one commission (seed 000)' },
  { short: '卫健局', full: ['卫生健康局'], kind: 'abbreviation', reason: 'the county-level health bureau' },
  { short: '卫计委', full: ['卫生和计划生育委员会', '卫生计生委'], kind: 'abbreviation', reason: 'the health and family-planning commission, before the 2018 reform' },
  { short: '计生', full: ['计划生育'], kind: 'abbreviation', reason: '计生协会, 计生家庭: family planning', notAfter: '统会' },
  {
    short: '妇幼',
    full: ['妇女儿童'],
    kind: 'abbreviation',
    reason: '妇幼健康, 妇幼保健: the health of women and children (妇女儿童健康)',
  },
  { short: '妇保院', full: ['妇幼保健院'], kind: 'abbreviation', reason: 'the maternal and child health hospital; seed 003 writes 区妇保院 and 区妇幼保健院' },
  { short: '医保', full: ['医疗保障', '医疗保险'], kind: 'abbreviation', reason: '医保局 is the 医疗保障局; 基本医保 is 基本医疗保险', notAfter: '中' },
  { short: '公卫', full: ['公共卫生'], kind: 'abbreviation', reason: '基本公卫 is 基本公共卫生服务' },
  { short: '基药', full: ['基本药物'], kind: 'abbreviation', reason: '国家基本药物制度, 基药配备' },
  { short: '新冠', full: ['新型冠状病毒'], kind: 'abbreviation', reason: '新冠肺炎 is 新型冠状病毒肺炎' },
  { short: '三甲', full: ['三级甲等'], kind: 'abbreviation', reason: 'the top hospital grade: 三甲医院 is 三级甲等医院' },
  { short: '二甲', full: ['二级甲等'], kind: 'abbreviation', reason: 'the county hospital grade: 二甲医院 is 二级甲等医院; seed 002 writes 二级甲等水平' },
  { short: '爱卫', full: ['爱国卫生'], kind: 'abbreviation', reason: '爱卫会, 爱卫工作: the patriotic health campaign (爱国卫生运动)' },
  {
    short: '国卫',
    full: ['国家卫生'],
    kind: 'abbreviation',
    reason: '创建国卫, 国卫复审: the 国家卫生城市 title (not the 国卫 of 全国卫生, 中国卫生, 爱国卫生)',
    notAfter: '全中爱',
  },
  { short: '慢病', full: ['慢性病'], kind: 'abbreviation', reason: '慢病管理, 慢病示范区 are 慢性病…' },
  { short: '院感', full: ['医院感染', '院内感染'], kind: 'abbreviation', reason: '院感防控: infection control in hospitals' },
  { short: '卫监', full: ['卫生监督'], kind: 'abbreviation', reason: '智慧卫监 (seed 003) is smart 卫生监督' },
  { short: '卫技人员', full: ['卫生技术人员'], kind: 'abbreviation', reason: 'the health workforce indicator (每千人口卫生技术人员)' },
  { short: '执医', full: ['执业医师'], kind: 'abbreviation', reason: '每千人口执业(助理)医师' },
  { short: '重精', full: ['严重精神障碍'], kind: 'abbreviation', reason: '重精患者管理 is the care of people with severe mental disorders' },
  { short: '紧急医学救援', full: ['紧急医疗救援'], kind: 'synonym', reason: 'seed 002 writes both for the same 市…救援中心' },
  { short: '托育', full: ['婴幼儿照护'], kind: 'synonym', reason: '3岁以下婴幼儿照护服务 is what 托育 provides; plans use both' },
  { short: '医养结合', full: ['医疗卫生与养老服务相结合'], kind: 'abbreviation', reason: 'care for the old that joins medical and elderly services, the national policy\'s full wording' },
  { short: '村医', full: ['乡村医生'], kind: 'abbreviation', reason: 'the 乡村医生 of a 村卫生室 (not the 村医 of 农村医疗)', notAfter: '农' },
  { short: '全科医生', full: ['全科医师'], kind: 'synonym', reason: 'the general practitioner, written both ways' },
  { short: '人社', full: ['人力资源和社会保障', '人力资源社会保障'], kind: 'abbreviation', reason: '人社部门 share staffing and pay work with health plans' },
  { short: '发改委', full: ['发展和改革委员会', '发展改革委'], kind: 'abbreviation', reason: 'the development and reform commission, which approves hospital projects' },
  { short: '市场监管', full: ['市场监督管理'], kind: 'abbreviation', reason: '市场监管局 is the 市场监督管理局 (food and drug safety)' },
  { short: '社会办医', full: ['社会力量办医', '社会资本办医'], kind: 'abbreviation', reason: 'medical institutions run by social forces or private capital' },
];

export interface Variant {
  /** The other form. */
  readonly text: string;
  /** The entry's reason. */
  readonly reason: string;
}

/** Whether `text` holds `short` at `at` as that word, not as the end of another one. */
export function standsAlone(text: string, at: number, notAfter: string | undefined): boolean {
  return !notAfter || at === 0 || !notAfter.includes(text[at - 1]!);
}

/**
 * The other forms of a word by the table: the word's own entry (疾控 →
 * 疾病预防控制) and, inside a longer word, one form swapped for the other
 * (市疾控中心 → 市疾病预防控制中心, 疾病预防控制中心 → 疾控中心). Each
 * variant once, in table order; the word itself is not among them.
 */
export function variantsOf(word: string): Variant[] {
  const out = new Map<string, Variant>();
  const add = (text: string, reason: string) => {
    if (text !== word && !out.has(text)) out.set(text, { text, reason });
  };
  for (const entry of ABBREVIATIONS) {
    const at = word.indexOf(entry.short);
    if (at >= 0 && standsAlone(word, at, entry.notAfter)) {
      for (const full of entry.full) add(word.replace(entry.short, full), entry.reason);
    }
    for (const full of entry.full) {
      if (!word.includes(full)) continue;
      add(word.replace(full, entry.short), entry.reason);
      for (const other of entry.full) if (other !== full) add(word.replace(full, other), entry.reason);
    }
  }
  return [...out.values()];
}

/** The table's forms (short and full) that occur in a text, each once, in table order. */
export function lexiconFormsIn(text: string): string[] {
  const out = new Set<string>();
  for (const entry of ABBREVIATIONS) {
    const at = text.indexOf(entry.short);
    if (at >= 0 && standsAlone(text, at, entry.notAfter)) out.add(entry.short);
    for (const full of entry.full) if (text.includes(full)) out.add(full);
  }
  return [...out];
}

/** The characters that must not come right before a word for it to be that word (its entry's notAfter), '' if none. */
export function notAfterOf(word: string): string {
  return ABBREVIATIONS.filter((e) => e.notAfter && word.startsWith(e.short)).map((e) => e.notAfter!).join('');
}
