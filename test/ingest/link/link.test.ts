import { describe, expect, it } from 'vitest';
import { compareToTarget } from '../../../src/ingest/link/compare.ts';
import { announces, verdictOf } from '../../../src/ingest/link/evidence.ts';
import { contentTerms } from '../../../src/ingest/segment.ts';
import { progressOf } from '../../../src/ingest/lexicon/progress.ts';
import { computeLinks } from '../../../src/ingest/link/compute.ts';
import { decodeReporting, encodeReporting, reportingToken } from '../../../src/ingest/link/status.ts';
import type { IndicatorPoint, LinkCommitment, LinkOutcome } from '../../../src/ingest/link/types.ts';
import { LINK_RULES } from '../../../src/ingest/link/rules.ts';

const R = 'region:411300';

function commitment(id: string, doc: string, terms: string[], years: { plan?: number; from: number; to: number; due?: number }, extra: Partial<LinkCommitment> = {}): LinkCommitment {
  return {
    id, doc, regionKey: R, region: '南阳市', text: terms.join(''), terms, clauses: [], broad: false, plan: null,
    planYear: years.plan ?? null, periodFrom: years.from, periodTo: years.to, dueYear: years.due ?? years.to, ord: 0, lead: null,
    institutions: [], indicators: [], ...extra,
  };
}

function outcome(id: string, doc: string, terms: string[], year: number, extra: Partial<LinkOutcome> = {}): LinkOutcome {
  return { id, doc, regionKey: R, region: '南阳市', text: terms.join(''), terms, broad: false, year, progress: null, ord: 0, institutions: [], indicators: [], ...extra };
}

const point = (indicatorId: string, kind: IndicatorPoint['kind'], value: number, year: number, comparator: string | null = null): IndicatorPoint => ({ indicatorId, kind, value, year, comparator });

// A five-year plan (2021–2025), its region's 2022 summary, and the 2023 plan.
const plan5 = [
  commitment('p5:relocate', 'plan5', ['中心医院', '迁建', '新区', '医院', '投用'], { from: 2021, to: 2025 }),
  commitment('p5:cdc', 'plan5', ['疾控中心', '标准化', '实验室'], { from: 2021, to: 2025, due: 2022 }),
  commitment('p5:sport', 'plan5', ['人均', '体育场地面积'], { from: 2021, to: 2025 }, { indicators: [point('ind:sport', 'TARGET', 2.6, 2025, 'GE')] }),
  commitment('p5:elder', 'plan5', ['老年医学科', '设立', '比例'], { from: 2021, to: 2025 }),
];
const summary2022 = [
  outcome('s22:relocate', 'sum22', ['推进', '中心医院', '新区', '医院', '院区'], 2022, { progress: 'IN_PROGRESS' }),
  outcome('s22:sport', 'sum22', ['全民健身', '人均', '体育场地面积'], 2022, { indicators: [point('ind:sport', 'ACTUAL', 2.59, 2022)] }),
  outcome('s22:clinic', 'sum22', ['公有产权', '村卫生室', '占比'], 2022, { progress: 'EXCEEDED', indicators: [point('ind:clinic', 'ACTUAL', 81.76, 2022)] }),
];
const plan2023 = [
  commitment('p23:relocate', 'plan23', ['加快', '中心医院', '迁建', '院区'], { plan: 2023, from: 2023, to: 2023 }),
  commitment('p23:clinic', 'plan23', ['公有产权', '村卫生室', '达到'], { plan: 2023, from: 2023, to: 2023 }, { indicators: [point('ind:clinic', 'TARGET', 80, 2023, 'GE')] }),
];
const elsewhere = [{ ...outcome('x:relocate', 'other', ['中心医院', '迁建', '新区', '医院', '投用'], 2022), regionKey: 'region:410200' }];

// Computed in each test, not once at import: mutation testing switches the code under test between
// tests, and a result worked out before the first would hide every change from every test.
const result = () => computeLinks([R, 'region:410200'], [...plan5, ...plan2023], [...summary2022, ...elsewhere]);
const status = (id: string) => result().statuses.find((s) => s.commitment === id)!;

describe('evidence', () => {
  it('links a five-year commitment to its region’s report within the plan period, never another region’s', () => {
    const ev = result().evidence.filter((e) => e.commitment === 'p5:relocate');
    expect(ev.map((e) => e.outcome)).toEqual(['s22:relocate']);
    expect(ev[0]!.verdict).toBe('IN_PROGRESS');
    expect(ev[0]!.terms).toEqual(expect.arrayContaining(['中心医院', '新区']));
  });

  it('compares numbers when both sides carry the same indicator: 2.59 reported against a 2.6 target by 2025 is not met yet', () => {
    expect(result().evidence.find((e) => e.commitment === 'p5:sport')?.verdict).toBe('IN_PROGRESS');
  });

  it('does not take a report from before the commitment’s period as evidence', () => {
    expect(result().evidence.filter((e) => e.commitment.startsWith('p23:'))).toEqual([]);
  });
});

describe('a paragraph’s lead', () => {
  // 塑造区域发展新格局。加强对革命老区…的支持。高标准建设雄安新区。 in a 2018 plan; the 2019 report's review of 2018.
  const Q = 'region:100000';
  const plan = [
    commitment('lead', 'p18', ['塑造', '区域', '格局'], { plan: 2018, from: 2018, to: 2018 }, { regionKey: Q }),
    commitment('w1', 'p18', ['革命老区', '民族地区', '边疆地区', '支持'], { plan: 2018, from: 2018, to: 2018 }, { regionKey: Q, lead: 'lead' }),
    commitment('w2', 'p18', ['雄安新区', '高标准', '规划'], { plan: 2018, from: 2018, to: 2018 }, { regionKey: Q, lead: 'lead' }),
    commitment('other', 'p18', ['棚户区', '改造', '住房'], { plan: 2018, from: 2018, to: 2018 }, { regionKey: Q }),
  ];
  const review = [
    outcome('o1', 'r19', ['加大', '革命老区', '民族地区', '边疆地区', '支持', '力度'], 2018, { regionKey: Q }),
    outcome('o2', 'r19', ['雄安新区', '规划', '出台'], 2018, { regionKey: Q, progress: 'COMPLETED' }),
    outcome('o3', 'r19', ['粤港澳', '大湾区', '大桥'], 2018, { regionKey: Q }),
  ];
  const linked = (cs = plan) => computeLinks([Q], cs, review);
  const of = (r: ReturnType<typeof linked>, id: string) => r.evidence.filter((e) => e.commitment === id).map((e) => e.outcome).sort();

  it('is reported where the works its paragraph lists are, with their verdicts', () => {
    const r = linked();
    expect(of(r, 'w1')).toEqual(['o1']);
    expect(of(r, 'w2')).toEqual(['o2']);
    expect(of(r, 'lead')).toEqual(['o1', 'o2']);
    expect(r.statuses.find((s) => s.commitment === 'lead')!.reporting).toEqual([expect.objectContaining({ year: 2018, state: 'REPORTED' })]);
    // 出台 in its year: the work is MET, and so is the lead through it.
    expect(r.evidence.find((e) => e.commitment === 'lead' && e.outcome === 'o2')!.verdict).toBe('MET');
  });

  it('is not reported through a statement that is not one of its works, nor when none of its works is', () => {
    const r = linked(plan.map((c) => (c.lead ? { ...c, lead: null } : c)));
    expect(of(r, 'lead')).toEqual([]);
    expect(of(r, 'other')).toEqual([]);
    expect(r.statuses.find((s) => s.commitment === 'lead')!.reporting).toEqual([expect.objectContaining({ year: 2018, state: 'SILENT' })]);
  });

  it('takes at most a few of its works’ links, the best ones, and none when it is a broad heading', () => {
    const many = Array.from({ length: LINK_RULES.evidenceThroughWorks + 2 }, (_, i) =>
      commitment(`m${i}`, 'p18', [`专项${i}`, '医院', '建设'], { plan: 2018, from: 2018, to: 2018 }, { regionKey: Q, lead: 'lead' }),
    );
    const reports = many.map((_, i) => outcome(`r${i}`, 'r19', [`专项${i}`, '医院', '建成'], 2018, { regionKey: Q }));
    const r = computeLinks([Q], [plan[0]!, ...many], reports);
    expect(of(r, 'lead')).toHaveLength(LINK_RULES.evidenceThroughWorks);
    const broad = computeLinks([Q], [{ ...plan[0]!, broad: true }, ...many], reports);
    expect(of(broad, 'lead')).toEqual([]);
  });
});

describe('a plan’s publication', () => {
  const title = '南阳市“十四五”公共卫生体系和全民健康规划';

  it('is not evidence for the plan’s own tasks, whatever the quotes and verbs', () => {
    expect(announces('制定印发《南阳市“十四五”公共卫生体系和全民健康规划》，为今后五年明确了方向', title)).toBe(true);
    expect(announces('出台了《南阳市十四五公共卫生体系和全民健康规划》', title)).toBe(true);
  });

  it('but another plan’s publication, a plan merely named, or no plan at all is not this', () => {
    expect(announces('制定印发《南阳市“十四五”体育发展规划》', title)).toBe(false);
    expect(announces('深入实施《南阳市“十四五”公共卫生体系和全民健康规划》确定的任务，新建村卫生室104所', title)).toBe(false);
    expect(announces('制定印发《南阳市“十四五”公共卫生体系和全民健康规划》', null)).toBe(false);
  });

  it('keeps the announcement out of the links, but not what the rest of the sentence reports', () => {
    const words = (text: string) => contentTerms(text);
    const task = commitment('p:task', 'plan', words('编制南阳市公共卫生体系和全民健康规划'), { from: 2021, to: 2025 }, { plan: title });
    const hospitals = commitment('p:hospitals', 'plan', words('推进市级四所医院达标建设'), { from: 2021, to: 2025 }, { plan: title });
    const text = `制定印发《${title}》，实施市级四所医院达标建设`;
    const told = outcome('o:told', 'sum', words(text), 2022, { text });
    const links = computeLinks([R], [task, hospitals], [told]).evidence.map((e) => `${e.commitment} ${e.outcome}`);
    expect(links).toEqual(['p:hospitals o:told']);
  });
});

describe('verdicts from wording', () => {
  const annual = commitment('p:annual', 'plan', ['财税体制改革'], { plan: 2017, from: 2017, to: 2017 });
  const said = (text: string, year: number) => outcome('o', 'review', ['财税体制改革'], year, { text, progress: progressOf(text)?.value ?? null });

  it('a review of the year a task was due that states what was done is MET', () => {
    expect(verdictOf(annual, said('出台财税体制改革总体方案', 2017))).toBe('MET');
  });

  it('one that says the work went on (深化, 推进, 加快) is IN_PROGRESS, and one that says it is not done NOT_MET', () => {
    expect(verdictOf(annual, said('深化财税体制改革', 2017))).toBe('IN_PROGRESS');
    expect(verdictOf(annual, said('推进财税体制改革，预算绩效管理改革全面启动', 2017))).toBe('IN_PROGRESS');
    expect(verdictOf(annual, said('财税体制改革尚未到位', 2017))).toBe('NOT_MET');
  });

  it('done-words before the due year are progress on a longer task', () => {
    const longer = commitment('p:five', 'plan', ['财税体制改革'], { from: 2016, to: 2020 });
    expect(verdictOf(longer, said('出台财税体制改革总体方案', 2017))).toBe('IN_PROGRESS');
    expect(verdictOf(longer, said('已完成财税体制改革', 2017))).toBe('IN_PROGRESS');
  });

  it('reads a stronger progress word before a weaker one: 完成 wins over 推进, 尚未 over all', () => {
    expect(progressOf('推进改革，完成试点')?.value).toBe('COMPLETED');
    expect(progressOf('持续推进，尚未完成')?.value).toBe('NOT_DONE');
    expect(progressOf('不断深化')?.value).toBe('IN_PROGRESS');
    expect(progressOf('出台方案')).toBeNull();
  });
});

describe('continuation', () => {
  it('an annual plan continues the five-year task and the previous year’s report on the same work', () => {
    const from = result().continuations.filter((c) => c.from === 'p23:relocate').map((c) => c.to);
    expect(from).toEqual(expect.arrayContaining(['p5:relocate', 's22:relocate']));
  });

  it('says when the earlier report already meets the later target (81.76% reported, ≥80% planned)', () => {
    const c = result().continuations.find((x) => x.from === 'p23:clinic' && x.to === 's22:clinic');
    expect(c?.verdict).toBe('MET');
  });
});

describe('status', () => {
  it('with evidence, takes the verdict of the latest report', () => {
    expect(status('p5:relocate').status).toBe('IN_PROGRESS');
  });

  it('NOT_REPORTED: due in 2022, and the 2022 summary of its region says nothing about it', () => {
    expect(status('p5:cdc')).toMatchObject({ status: 'NOT_REPORTED' });
    expect(status('p5:cdc').reason).toContain('2022');
  });

  it('UNTRACKED: no summary of its region for its due year is in the corpus — never merged with NOT_REPORTED', () => {
    expect(status('p5:elder').status).toBe('UNTRACKED');
    expect(status('p23:relocate').status).toBe('UNTRACKED');
    expect(status('p23:relocate').reason).toBe('No summary of 南阳市 for 2023 is in the corpus.');
  });

  it('reports by year: each year in force is REPORTED, SILENT (a report of the year is there and says nothing) or NO_REPORT', () => {
    const states = (id: string) => status(id).reporting.map((r) => `${r.year} ${r.state}${r.verdict ? ` ${r.verdict}` : ''}${r.documents.length ? ` ${r.documents.join('+')}` : ''}`);
    expect(states('p5:relocate')).toEqual(['2021 NO_REPORT', '2022 REPORTED IN_PROGRESS sum22', '2023 NO_REPORT', '2024 NO_REPORT', '2025 NO_REPORT']);
    // Due in 2025, silent in 2022: unreported in 2022 though its overall status waits for 2025.
    expect(states('p5:elder')).toEqual(['2021 NO_REPORT', '2022 SILENT sum22', '2023 NO_REPORT', '2024 NO_REPORT', '2025 NO_REPORT']);
    expect(status('p5:elder').status).toBe('UNTRACKED');
    // The 2023 plan is in force in 2023 only, and no 2023 report is in the corpus.
    expect(states('p23:relocate')).toEqual(['2023 NO_REPORT']);
  });

  it('stores reporting as tokens a query can look for, and reads them back', () => {
    const reporting = status('p5:relocate').reporting;
    const stored = encodeReporting(reporting);
    expect(stored).toBe('2021:NO_REPORT 2022:REPORTED/IN_PROGRESS@sum22 2023:NO_REPORT 2024:NO_REPORT 2025:NO_REPORT');
    expect(decodeReporting(stored)).toEqual(reporting);
    expect(encodeReporting(status('p5:elder').reporting)).toContain(reportingToken(2022, 'SILENT'));
    expect(decodeReporting(null)).toEqual([]);
  });

  it('is deterministic: the same input gives the same links', () => {
    const again = computeLinks([R, 'region:410200'], [...plan2023, ...plan5].reverse(), [...elsewhere, ...summary2022].reverse());
    expect(again.evidence).toEqual(result().evidence);
    expect(again.continuations).toEqual(result().continuations);
  });
});

describe('compareToTarget', () => {
  it.each([
    [81.76, 80, 'GE', 'MET'],
    [42.1, 60, 'GE', 'NOT_YET'],
    [3.15, 4.2, 'LE', 'MET'],
    [5.1, 5.0, 'LE', 'NOT_YET'],
    [120, 100, 'EQ', 'EXCEEDED'],
    [27.5, 27, 'APPROX', 'MET'],
  ] as const)('%s against %s (%s) is %s', (actual, target, cmp, expected) => {
    expect(compareToTarget(actual, target, cmp)).toBe(expected);
  });
});

describe('a region of one very long plan', () => {
  it('gets a status for each of its 200,000 commitments, more than a call takes arguments (it once died with a stack overflow)', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => commitment(`big:${i}`, 'big', [], { plan: 2023, from: 2023, to: 2023 }));
    expect(computeLinks([R], many, []).statuses).toHaveLength(200_000);
  });
});
