// Real-looking documents go in whole: the 25 reports of ../shared/corpus (as
// their .txt and original .docx), and 36 small documents in the shapes real
// ones come in — copied from web pages and newspapers, with and without a
// title, by-lines, mastheads, metadata — none of which may fail to store.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import { resolvePaths } from '../../src/ingest/read/paths.ts';
import { ingestFiles, type IngestReport } from '../../src/ingest/store/ingest.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import { withoutAnnouncement } from '../../src/ingest/link/evidence.ts';
import { splitLinkTerms } from '../../src/graph/model.ts';
import { decodeReporting } from '../../src/ingest/link/status.ts';
import { corpusDir } from '../gold/corpus/schema.ts';

const present = existsSync(corpusDir());
if (!present) console.warn(`  !! corpus ingest SKIPPED: ${corpusDir()} is absent`);

// The corpus is ingested once, with the seeds and the 洛阳 pair: the rules of
// time are checked on every link of all of them.
const SEEDS_AND_OWN = ['seeds', 'test/fixtures/corpus/luoyang-2023-plan.txt', 'test/fixtures/corpus/luoyang-2023-summary.txt'];
let store: GraphStore;
let ingested: { files: number; report: IngestReport };
beforeAll(async () => {
  store = await openLadybugStore({ path: ':memory:' });
  const files = await resolvePaths(present ? [corpusDir(), ...SEEDS_AND_OWN] : SEEDS_AND_OWN);
  ingested = { files: files.length, report: await ingestFiles(files, store) };
}, 240_000);
afterAll(() => store?.close());

describe('real documents', () => {
  it.runIf(present)('every report of the corpus ingests and is linked, none failing', async () => {
    expect(ingested.files).toBeGreaterThanOrEqual(25 + 7);
    expect(ingested.report.failed).toEqual([]);
    expect(ingested.report.ingested).toHaveLength(ingested.files);
    // The national reports share one region and link across the years.
    const national = await store.read({ name: 't', text: "MATCH (d:Document) WHERE d.region = '全国' RETURN count(d) AS n", params: {} });
    expect(national[0]!.n).toBe(10);
    expect(ingested.report.links.evidence).toBeGreaterThan(0);
  });

  it('36 small documents in the shapes real ones come in all ingest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plantrace-real-'));
    const store = await openLadybugStore({ path: ':memory:' });
    try {
      const files = smallDocuments();
      expect(files).toHaveLength(36);
      for (const [name, text] of files) writeFileSync(join(dir, name), text);
      const report = await ingestFiles(await resolvePaths([dir]), store);
      expect(report.failed).toEqual([]);
      expect(report.ingested).toHaveLength(36);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the rules of time, on every link of the seeds, the 洛阳 pair and the corpus', () => {
  const read = (text: string) => store.read({ name: 'rules-of-time', text, params: {} });

  it('evidence comes from a review of its own region, of a year the commitment is in force, never from its own document or its plan’s publication', async () => {
    const rows = await read(`MATCH (c:Commitment)-[l:EVIDENCED_BY]->(o:Outcome) MATCH (d:Document {id: c.doc}) MATCH (e:Document {id: o.doc}) MATCH (s:Section)-[:STATES]->(o)
RETURN c.id AS c, c.doc AS cdoc, c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.dueYear AS dueYear, d.title AS plan, d.regionKey AS cregion,
  o.id AS o, o.doc AS odoc, o.year AS year, o.text AS text, e.regionKey AS oregion, s.role AS role, l.terms AS terms`);
    expect(rows.length).toBeGreaterThan(present ? 1500 : 100);
    const broken = rows.flatMap((r) => {
      const why: string[] = [];
      const year = r.year as number | null;
      const from = (r.periodFrom ?? r.planYear) as number | null;
      const to = Math.max(Number(r.dueYear ?? -Infinity), Number(r.periodTo ?? -Infinity), Number(r.planYear ?? -Infinity));
      if (year === null || from === null || year < from || year > to) why.push(`year ${year} outside ${from}–${to}`);
      if (r.planYear !== null && year !== null && year < Number(r.planYear)) why.push('before the plan');
      if (r.cdoc === r.odoc) why.push('its own document');
      if (r.cregion !== r.oregion) why.push('another region');
      if (r.role !== 'RESULTS') why.push(`a ${String(r.role)} section is not a review`);
      // A sentence announcing the plan's publication may evidence its tasks only by what the rest of it says.
      const rest = withoutAnnouncement(String(r.text), r.plan as string | null);
      if (rest !== null && splitLinkTerms(r.terms).some((t) => !t.includes(':') && !rest.includes(t))) why.push('its plan’s publication');
      return why.length ? [`${String(r.c)} ⇐ ${String(r.o)}: ${why.join(', ')}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('a year is REPORTED or SILENT only where a review of that year of the region is in the corpus, and a national plan is reported on in the next year’s report', async () => {
    const reviews = new Map<string, Set<number>>();
    for (const r of await read('MATCH (d:Document)-[:HAS_STATEMENT]->(o:Outcome) RETURN DISTINCT d.id AS doc, d.regionKey AS region, o.year AS year')) {
      if (r.year === null) continue;
      const key = `${String(r.doc)} ${String(r.region)}`;
      reviews.set(key, (reviews.get(key) ?? new Set()).add(Number(r.year)));
    }
    const names = new Map((await read('MATCH (d:Document) RETURN d.id AS id, d.name AS name')).map((r) => [String(r.id), String(r.name)]));
    const commitments = await read(`MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE c.reporting IS NOT NULL AND c.reporting <> ''
RETURN c.id AS id, d.regionKey AS region, d.name AS name, c.planYear AS planYear, c.periodFrom AS periodFrom, c.reporting AS reporting`);
    let tokens = 0;
    let nationalAnnual = 0;
    const broken: string[] = [];
    for (const c of commitments) {
      for (const r of decodeReporting(c.reporting)) {
        if (r.state === 'NO_REPORT') continue;
        tokens++;
        if (r.documents.length === 0) broken.push(`${String(c.id)} ${r.year} ${r.state} names no report`);
        for (const doc of r.documents) {
          if (!reviews.get(`${doc} ${String(c.region)}`)?.has(r.year)) broken.push(`${String(c.id)} ${r.year} ${r.state}: ${names.get(doc) ?? doc} has no review of ${r.year} of its region`);
        }
        // The State Council's plan for year Y (an annual plan part: its period is the one year) is reviewed in the report of Y+1.
        const annual = c.periodFrom === c.planYear && String(c.name).endsWith('年国务院政府工作报告.txt');
        if (annual && r.year === c.planYear) {
          nationalAnnual++;
          for (const doc of r.documents) if (names.get(doc) !== `${r.year + 1}年国务院政府工作报告.txt`) broken.push(`${String(c.id)} ${r.year} looked in ${names.get(doc)}`);
        }
      }
    }
    expect(tokens).toBeGreaterThan(present ? 3000 : 300);
    if (present) expect(nationalAnnual).toBeGreaterThan(500);
    expect(broken.slice(0, 20)).toEqual([]);
  });
});

const PLACES = ['番禺区', '湖州市', '临川区', '开封市', '南阳市', '黄埔区'];
const ISSUERS = (p: string) => [`${p}卫生健康局`, `${p}卫生健康委员会`, `${p}人民政府`];

/** 36 documents: 6 places × 6 shapes, each with some front matter real pages carry, some with no title at all. */
function smallDocuments(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  PLACES.forEach((place, i) => {
    const issuer = ISSUERS(place)[i % 3]!;
    const year = 2021 + (i % 4);
    const results = `一、${year}年工作完成情况\n（一）基层医疗服务能力持续提升。全年新建标准化村卫生室${12 + i}所，家庭医生签约服务覆盖率达到${60 + i}%。\n（二）公共卫生体系不断完善。${place}疾控中心实验室改造完成，核酸检测能力提升至每日${2 + i}万管。`;
    const plan = `二、${year + 1}年工作打算\n（一）推进紧密型县域医共体建设。到${year + 1}年底，县域内就诊率达到90%以上。\n（二）加强${place}人民医院重点专科建设，力争新增省级重点专科2个。`;
    const shapes: Array<[string, string]> = [
      [`${place}-网页.txt`, `当前位置：首页 > 政务公开 > 计划总结\n索引号：11440113MB2C96${i}\n发布机构：${issuer}\n成文日期：${year + 1}-01-10\n${issuer}${year}年工作总结和${year + 1}年工作计划\n${results}\n${plan}\n【字体：大 中 小】 打印本页 关闭窗口`],
      [`${place}-无标题.txt`, `${year}年，全市卫生健康系统坚持以人民健康为中心，现就${year}年工作总结如下，并提出${year + 1}年工作要点。\n${results}\n${plan}`],
      [`${place}-报纸.txt`, `第A04版：要闻\n来源：${place.slice(0, 2)}日报\n（记者 王某 通讯员 李某）\n${place}${year + 1}年卫生健康工作要点\n${plan.replace(/^二、/, '一、')}`],
      [`${place}-报告.txt`, `${year + 1}年${place}政府工作报告\n——${year + 1}年1月12日在${place}第十七届人民代表大会第四次会议上\n${place.slice(0, 2)}区长 张某某\n各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n一、${year}年工作回顾\n${results.split('\n').slice(1).join('\n')}\n二、${year + 1}年重点工作\n${plan.split('\n').slice(1).join('\n')}`],
      [`${place}-三年行动.txt`, `${place}卫生健康事业发展三年行动计划（${year}—${year + 2}年）\n一、总体目标\n到${year + 2}年，${place}每千人口床位数达到7.5张，人均预期寿命达到80岁。\n二、重点任务\n（一）推进${place}中医院迁建项目。\n（二）实施基层卫生人才工程，每年培训乡村医生200名。`],
      [`${place}-空标题行.txt`, `\n\n　　\n${issuer}关于${year}年卫生健康工作情况的报告\n${results}\n三、存在的问题\n基层人才短缺，服务能力不足。\n${plan.replace(/^二、/, '四、')}`],
    ];
    out.push(...shapes);
  });
  return out;
}
