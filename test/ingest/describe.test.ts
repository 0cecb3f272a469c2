import { readFileSync, readdirSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { clean } from '../../src/ingest/clean.ts';
import { describe } from '../../src/ingest/describe/index.ts';
import type { Description } from '../../src/ingest/types.ts';

const seeds = new Map(readdirSync('seeds').map((name) => [name.slice(0, 3), readFileSync(`seeds/${name}`, 'utf8')]));
const seed = (id: string): string => seeds.get(id)!;
const describeText = (text: string): Description => describe(clean(text));

/** The region as `[place, parent, …]`, or its status. */
function region(d: Description): string[] | string {
  const r = d.region;
  return r.status === 'resolved' ? [r.place.name, ...r.parents.map((p) => p.name)] : r.status;
}

const rules = (d: Description): string[] => d.diagnostics.map((x) => x.rule);

/** What the description says, minus spans and diagnostics. */
function summary(d: Description): object {
  return { title: d.title, issuer: d.issuer, kind: d.kind, years: d.years, period: d.period, baselineYear: d.baselineYear, region: region(d) };
}

// A paragraph long enough to read as body text, not a title.
const BODY = '全系统坚持以人民健康为中心，深化医药卫生体制改革，推进优质医疗资源扩容和区域均衡布局，各项工作取得积极成效。';

group('describe: seeds', () => {
  it('000: issuer line + title line, summary of 2022 and plan for 2023, 南阳市', () => {
    const d = describeText(seed('000'));
    expect(summary(d)).toEqual({
      title: '南阳市卫生健康体育委员会2022年工作总结及2023年工作谋划',
      issuer: '南阳市卫生健康体育委员会',
      kind: 'SUMMARY_AND_PLAN',
      years: [2022, 2023],
      period: { from: 2023, to: 2023 },
      baselineYear: null,
      region: ['南阳市', '河南省'],
    });
    expect(d.region).toMatchObject({ evidence: '南阳市' });
    expect(d.diagnostics).toEqual([]);
  });

  it('001: masked district; the plan part comes from a heading; no guess from 赤湖', () => {
    const d = describeText(seed('001'));
    expect(summary(d)).toEqual({
      title: '区卫生健康委员会2022年卫生健康工作总结',
      issuer: '区卫生健康委员会',
      kind: 'SUMMARY_AND_PLAN',
      years: [2022, 2023],
      period: { from: 2023, to: 2023 },
      baselineYear: null,
      region: 'masked',
    });
    expect(d.region).toEqual({ status: 'masked', evidence: '健康**' });
    const masked = d.diagnostics.find((x) => x.rule === 'region-masked')!;
    expect(masked.severity).toBe('info');
    expect(seed('001').slice(masked.span!.start, masked.span!.end)).toBe('健康**');
  });

  it('002: two-line title, 十四五 plan 2021–2025 with baseline 2020, 南阳市', () => {
    const d = describeText(seed('002'));
    expect(summary(d)).toEqual({
      title: '南阳市“十四五”公共卫生体系和全民健康规划',
      issuer: null,
      kind: 'FIVE_YEAR_PLAN',
      years: [2021, 2022, 2023, 2024, 2025],
      period: { from: 2021, to: 2025 },
      baselineYear: 2020,
      region: ['南阳市', '河南省'],
    });
  });

  it('003: title names only 区; the region comes from 健康临川', () => {
    const d = describeText(seed('003'));
    expect(summary(d)).toEqual({
      title: '2023年区卫生健康工作总结及2024年工作计划',
      issuer: null,
      kind: 'SUMMARY_AND_PLAN',
      years: [2023, 2024],
      period: { from: 2024, to: 2024 },
      baselineYear: null,
      region: ['临川区', '抚州市', '江西省'],
    });
    expect(d.region).toMatchObject({ evidence: '健康临川', place: { code: '361002', level: 'district' } });
  });

  it('004: annual plan for 2022 by 开封市卫健委员会', () => {
    const d = describeText(seed('004'));
    expect(summary(d)).toEqual({
      title: '开封市卫健委员会2022年工作计划',
      issuer: '开封市卫健委员会',
      kind: 'ANNUAL_PLAN',
      years: [2022],
      period: { from: 2022, to: 2022 },
      baselineYear: null,
      region: ['开封市', '河南省'],
    });
  });

  it('gives title spans that cut the title back out of the original', () => {
    for (const [id, text] of seeds) {
      const d = describeText(text);
      const cut = text.slice(d.titleSpan.start, d.titleSpan.end);
      expect(cut.replace(/\s/g, ''), id).toBe(d.title);
    }
    const two = describeText(seed('002'));
    expect(seed('002').slice(two.titleSpan.start, two.titleSpan.end)).toBe('南阳市“十四五”公共卫生体系和\n全民健康规划');
    const issuerAndTitle = describeText(seed('000'));
    expect(seed('000').slice(issuerAndTitle.titleSpan.start, issuerAndTitle.titleSpan.end)).toBe(
      '南阳市卫生健康体育委员会\n2022年工作总结及2023年工作谋划',
    );
  });

  it('keeps a masked document masked when its name is replaced, and never reads one from incidental names', () => {
    // 003 with its slogan hidden: 上顿渡 and 抚州 still occur, yet no guess.
    const hidden = describeText(seed('003').replaceAll('健康临川', '健康**'));
    expect(hidden.region).toEqual({ status: 'masked', evidence: '健康**' });
    // 001 with real place names sprinkled in stays masked.
    const sprinkled = describeText(seed('001').replace('一、聚焦一条主线', '一、聚焦一条主线\n九江市柴桑区赤湖、九江市、九江市卫生健康委员会来我区调研。'));
    expect(sprinkled.region.status).toBe('masked');
  });
});

group('describe: synthetic documents', () => {
  it('an issuer line over a 2021 summary from 抚州市', () => {
    const d = describeText(`抚州市卫生健康委员会\n2021年工作总结\n\n2021年，${BODY}全力推进健康抚州建设。\n一、主要成效\n${BODY}\n`);
    expect(summary(d)).toEqual({
      title: '抚州市卫生健康委员会2021年工作总结',
      issuer: '抚州市卫生健康委员会',
      kind: 'ANNUAL_SUMMARY',
      years: [2021],
      period: { from: 2021, to: 2021 },
      baselineYear: null,
      region: ['抚州市', '江西省'],
    });
  });

  it('a 2024 工作要点 of 郑州市金水区: the chain of names picks the district', () => {
    const d = describeText(`郑州市金水区卫生健康委员会2024年工作要点\n\n${BODY}\n（一）深化医改。${BODY}\n`);
    expect(summary(d)).toEqual({
      title: '郑州市金水区卫生健康委员会2024年工作要点',
      issuer: '郑州市金水区卫生健康委员会',
      kind: 'ANNUAL_PLAN',
      years: [2024],
      period: { from: 2024, to: 2024 },
      baselineYear: null,
      region: ['金水区', '郑州市', '河南省'],
    });
    expect(d.region).toMatchObject({ evidence: '郑州市金水区' });
  });

  it('a county summary whose title says only 县: year from the title, region from “健康西峡” and 我县', () => {
    const d = describeText(
      `2023年县卫生健康工作总结\n2023年，在县委、县政府的正确领导下，我县坚持以“健康西峡”建设为统领，${BODY}\n一、主要做法\n我县${BODY}\n二、存在问题\n${BODY}\n`,
    );
    expect(summary(d)).toEqual({
      title: '2023年县卫生健康工作总结',
      issuer: null,
      kind: 'ANNUAL_SUMMARY',
      years: [2023],
      period: { from: 2023, to: 2023 },
      baselineYear: null,
      region: ['西峡县', '南阳市', '河南省'],
    });
  });

  it('a 十五五 plan: 2026–2030, baseline 2025 from the 十四五 review, signature as issuer', () => {
    const d = describeText(
      `信阳市“十五五”卫生健康\n事业发展规划\n\n一、规划背景\n“十四五”期间，${BODY}\n2025\n二、发展目标\n到2030年，${BODY}\n\n信阳市卫生健康委员会\n2026年3月\n`,
    );
    expect(summary(d)).toEqual({
      title: '信阳市“十五五”卫生健康事业发展规划',
      issuer: '信阳市卫生健康委员会',
      kind: 'FIVE_YEAR_PLAN',
      years: [2026, 2027, 2028, 2029, 2030],
      period: { from: 2026, to: 2030 },
      baselineYear: 2025,
      region: ['信阳市', '河南省'],
    });
  });

  it('a five-year plan known by its year range, without baseline evidence', () => {
    const d = describeText(`洛阳市卫生健康事业发展规划（2021—2025年）\n\n${BODY}\n`);
    expect(d.kind).toBe('FIVE_YEAR_PLAN');
    expect(d.period).toEqual({ from: 2021, to: 2025 });
    expect(d.baselineYear).toBeNull();
    expect(region(d)).toEqual(['洛阳市', '河南省']);
  });

  it('an ambiguous 鼓楼区 stays unknown with a diagnostic, unless a parent is named', () => {
    const bare = describeText(`鼓楼区卫生健康局2022年工作总结\n\n2022年，${BODY}\n`);
    expect(bare.region).toEqual({ status: 'unknown' });
    const diag = bare.diagnostics.find((x) => x.rule === 'region-ambiguous')!;
    expect(diag.message).toContain('开封市鼓楼区');
    expect(diag.message).toContain('南京市鼓楼区');
    const named = describeText(`鼓楼区卫生健康局2022年工作总结\n\n2022年，${BODY}全力支持开封宋都古城保护。\n`);
    expect(region(named)).toEqual(['鼓楼区', '开封市', '河南省']);
    expect(rules(named)).not.toContain('region-ambiguous');
  });

  it('an ambiguous slogan (健康朝阳 in a 区 document) is not guessed', () => {
    const d = describeText(`区卫生健康委员会2022年工作总结\n\n2022年，我区深入推进健康朝阳建设，${BODY}\n`);
    expect(d.region).toEqual({ status: 'unknown' });
    expect(rules(d)).toContain('region-ambiguous');
    const beijing = describeText(`区卫生健康委员会2022年工作总结\n\n2022年，我区深入推进健康朝阳建设，服务北京市民，${BODY}\n`);
    expect(region(beijing)).toEqual(['朝阳区', '北京市']);
  });

  it('a masked **县 plan is masked even though real places are named', () => {
    const d = describeText(`**县卫生健康局2023年工作计划\n\n${BODY}南阳市、南阳市、南阳市中心医院专家来我县义诊。\n`);
    expect(summary(d)).toMatchObject({ issuer: '**县卫生健康局', kind: 'ANNUAL_PLAN', years: [2023], region: 'masked' });
    expect(d.region).toEqual({ status: 'masked', evidence: '**县' });
    expect(rules(d)).toContain('region-masked');
  });

  it('falls back to how often a place and its sub-places are named', () => {
    const d = describeText(
      `2022年卫生健康工作总结\n\n2022年，${BODY}新乡市人民医院、新乡市中心医院与长垣市、获嘉县医共体建设成效明显，新乡市获评示范城市，河南省卫健委予以通报。\n`,
    );
    expect(region(d)).toEqual(['新乡市', '河南省']);
    expect(rules(d)).toContain('region-by-frequency');
  });

  it('nothing to go by: unknown, no diagnostic about the region', () => {
    const d = describeText(`2024年卫生健康工作要点\n\n${BODY}\n`);
    expect(d.region).toEqual({ status: 'unknown' });
    expect(d.kind).toBe('ANNUAL_PLAN');
    expect(d.years).toEqual([2024]);
    expect(d.issuer).toBeNull();
  });

  it('reads years written in Chinese numerals, and reports impossible ones', () => {
    const cn = describeText(`二〇二四年全市卫生健康工作要点\n\n${BODY}\n`);
    expect(cn.years).toEqual([2024]);
    const typo = describeText(`20222年工作总结\n\n${BODY}\n`);
    expect(rules(typo)).toContain('year-format');
    expect(typo.years).toEqual([]);
    expect(rules(typo)).toContain('year-missing');
  });

  it('reports a missing title when the text opens with body', () => {
    const d = describeText(`${BODY}\n${BODY}\n`);
    expect(d.title).toBe('');
    expect(d.titleSpan).toEqual({ start: 0, end: 0 });
    expect(rules(d)).toContain('title-missing');
    expect(d.kind).toBe('OTHER');
  });

  it('a plan with a dated review heading holds both parts', () => {
    const d = describeText(`周口市卫生健康委员会2022年工作计划\n一、2021年工作完成情况\n${BODY}\n二、2022年工作计划\n${BODY}\n`);
    expect(d.kind).toBe('SUMMARY_AND_PLAN');
    expect(d.years).toEqual([2021, 2022]);
    expect(d.period).toEqual({ from: 2022, to: 2022 });
  });
});
