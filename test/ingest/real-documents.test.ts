// Real-looking documents go in whole: the 25 reports of ../shared/corpus (as
// their .txt and original .docx), and 36 small documents in the shapes real
// ones come in — copied from web pages and newspapers, with and without a
// title, by-lines, mastheads, metadata — none of which may fail to store.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import { resolvePaths } from '../../src/ingest/read/paths.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import { corpusDir } from '../gold/corpus/schema.ts';

const present = existsSync(corpusDir());
if (!present) console.warn(`  !! corpus ingest SKIPPED: ${corpusDir()} is absent`);

describe('real documents', () => {
  it.runIf(present)('every report of the corpus ingests and is linked, none failing', async () => {
    const store = await openLadybugStore({ path: ':memory:' });
    try {
      const files = await resolvePaths([corpusDir()]);
      expect(files.length).toBeGreaterThanOrEqual(25);
      const report = await ingestFiles(files, store);
      expect(report.failed).toEqual([]);
      expect(report.ingested).toHaveLength(files.length);
      // The national reports share one region and link across the years.
      const national = await store.read({ name: 't', text: "MATCH (d:Document) WHERE d.region = '全国' RETURN count(d) AS n", params: {} });
      expect(national[0]!.n).toBe(10);
      expect(report.links.evidence).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 180_000);

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
