import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import { resolvePaths } from '../../src/ingest/read/paths.ts';
import { documentIdOf } from '../../src/ingest/pipeline.ts';
import type { ApiContext } from '../../src/resolvers/index.ts';
import { createApollo, executeIn } from '../../src/server/apollo.ts';

// The researcher questions of the README, asked through the API on the seeds.
let store: GraphStore;
let apollo: ApolloServer<ApiContext>;

async function ask(query: string, variables: Record<string, unknown> = {}) {
  const result = await executeIn(apollo, store, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

beforeAll(async () => {
  store = await openLadybugStore({ path: ':memory:' });
  await ingestFiles(await resolvePaths(['seeds']), store);
  apollo = createApollo();
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await store.close();
});

describe('which commitments of 2022 have no reported result?', () => {
  it('lists NOT_REPORTED and UNTRACKED apart, each with its reason and source quote', async () => {
    const d = await ask(`{ unreported(year: 2022) {
      notReported(first: 100) { totalCount nodes { status region document { name } reporting { year state reason } source { quote } } }
      untracked(first: 100) { totalCount nodes { region reporting { year state } } } } }`);
    const { notReported, untracked } = d.unreported;
    const in2022 = (c: any) => c.reporting.find((r: any) => r.year === 2022);
    // The five-year plan's tasks the 2022 summary says nothing about are NOT_REPORTED in 2022, though due in 2025.
    expect(notReported.totalCount).toBeGreaterThan(100);
    expect(notReported.nodes.some((c: any) => c.document.name === '002_bf6091a721eff7e0.txt' && c.status === 'UNTRACKED')).toBe(true);
    for (const c of notReported.nodes) {
      expect(c.region).toBe('南阳市');
      expect(in2022(c).state).toBe('SILENT');
      expect(in2022(c).reason).toBe('The 2022 report of 南阳市 is in the corpus and says nothing about it.');
      expect(c.source.quote.length).toBeGreaterThan(5);
    }
    // The Kaifeng 2022 plan has no Kaifeng summary in the corpus: its tasks are UNTRACKED in 2022, none NOT_REPORTED.
    expect(untracked.nodes.some((c: any) => c.region === '开封市')).toBe(true);
    expect(notReported.nodes.some((c: any) => c.region === '开封市')).toBe(false);
    for (const c of untracked.nodes) expect(in2022(c).state).toBe('NO_REPORT');
    const kaifeng = await ask('{ commitments(where: { region: "开封市", reporting: { year: 2022, state: NO_REPORT } }) { totalCount } all: commitments(where: { region: "开封市" }) { totalCount } }');
    expect(kaifeng.commitments.totalCount).toBe(kaifeng.all.totalCount);
    // The report looked in, and that it holds no evidence for the task.
    const one = await ask('{ unreported(year: 2022) { notReported(first: 1) { nodes { reporting { year documents { name } evidence { score } } } } } }');
    expect(one.unreported.notReported.nodes[0].reporting.find((r: any) => r.year === 2022)).toEqual({ year: 2022, documents: [{ name: '000_d0de7db37b98f3f9.txt' }], evidence: [] });
  });

  it('a task the 2022 summary reports on is neither: REPORTED in 2022 with that year’s evidence', async () => {
    const d = await ask(`{ commitment(id: "doc-7884afb05359:t16258") { reporting { year state verdict evidence { outcome { text } } } } }`);
    const y2022 = d.commitment.reporting.find((r: any) => r.year === 2022);
    expect(y2022).toMatchObject({ state: 'REPORTED', verdict: 'IN_PROGRESS' });
    expect(y2022.evidence.some((e: any) => e.outcome.text.includes('市中心医院新区医院'))).toBe(true);
    expect(d.commitment.reporting.map((r: any) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});

describe('what happened to this commitment across the years?', () => {
  it('traces the 市中心医院 relocation from the five-year plan through the 2022 report to the 2023 plan, in year order', async () => {
    const found = await ask('{ commitments(where: { text: "市中心医院迁建（新区医院）", region: "南阳市" }) { nodes { id } } }');
    const id = found.commitments.nodes[0].id;
    const d = await ask(`query ($id: ID!) { trace(commitmentId: $id) { commitment { id } steps { year kind document { name }
      commitment { text } outcome { text } links { type verdict score terms } } } }`, { id });
    const steps = d.trace.steps;
    expect(steps.map((s: any) => s.year)).toEqual([...steps.map((s: any) => s.year)].sort());
    expect(steps[0]).toMatchObject({ year: 2021, kind: 'COMMITMENT', document: { name: '002_bf6091a721eff7e0.txt' } });
    const report = steps.find((s: any) => s.kind === 'OUTCOME' && s.outcome.text.includes('市中心医院新区医院'));
    expect(report.year).toBe(2022);
    expect(report.links.some((l: any) => l.type === 'EVIDENCED_BY' && l.verdict === 'IN_PROGRESS' && l.terms.length > 0)).toBe(true);
    const next = steps.find((s: any) => s.kind === 'COMMITMENT' && s.year === 2023);
    expect(next.commitment.text).toContain('加快推进市中心医院迁建');
    expect(next.links.some((l: any) => l.type === 'CONTINUES')).toBe(true);
  });

  it('says NOT_FOUND for an unknown commitment', async () => {
    const result = await executeIn(apollo, store, '{ trace(commitmentId: "nope") { steps { year } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('a plan’s scorecard, indicators and search', () => {
  it('counts one plan’s commitments by status', async () => {
    const d = await ask('query ($id: ID!) { scorecard(documentId: $id) { total byStatus { status count } } }', { id: documentIdOf('004_80ecafe8e7002946.txt') });
    expect(d.scorecard.byStatus).toEqual([{ status: 'UNTRACKED', count: d.scorecard.total }]);
  });

  it('gives an indicator’s series with baseline and target years from the 十四五 table, each with its source', async () => {
    const d = await ask('{ indicators(where: { name: "婴儿死亡率" }) { name unit series { kind year value text comparator source { quote } } progress { verdict explanation } } }');
    const i = d.indicators[0];
    expect(i.unit).toBe('‰');
    expect(i.series).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'BASELINE', year: 2020, value: 3.15, source: { quote: '3.15' } }),
        expect.objectContaining({ kind: 'TARGET', year: 2025, value: 4.2, comparator: 'LE', text: '≤4.2' }),
      ]),
    );
    // The background part reports 3.77‰ (2015) → 3.15‰ (2020): the 2025 target ≤4.2‰ is already met.
    expect(i.series).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'BASELINE', year: 2015, value: 3.77 })]));
    // 3.15 (2020) is the plan's own baseline restated: not progress towards 2025 until a later value is reported.
    expect(i.progress).toEqual({
      verdict: 'INSUFFICIENT_DATA',
      explanation: 'Needs a target and a reported value after the baseline; has baseline 3.77 (2015), actual 3.15 (2020), baseline 3.15 (2020), target 4.2 (2025).',
    });
  });

  it('finds 公有产权村卫生室 across documents, ranked, with the match marked', async () => {
    const d = await ask('{ search(text: "公有产权村卫生室", first: 5) { totalCount nodes { kind highlighted document { name } } } }');
    expect(d.search.nodes.length).toBeGreaterThan(2);
    expect(d.search.nodes.every((h: any) => h.highlighted.includes('【'))).toBe(true);
    expect(new Set(d.search.nodes.map((h: any) => h.document.name)).size).toBeGreaterThan(1);
  });
});
