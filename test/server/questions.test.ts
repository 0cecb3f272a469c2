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
  apollo = createApollo({ production: false });
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await store.close();
});

describe('which commitments of 2022 have no reported result?', () => {
  it('lists NOT_REPORTED and UNTRACKED apart, each with its reason and source quote', async () => {
    const d = await ask(`{ unreported(year: 2022) {
      notReported { totalCount nodes { status statusReason region source { documentId quote start end } } }
      untracked(first: 100) { totalCount nodes { status region document { name } } } } }`);
    const { notReported, untracked } = d.unreported;
    expect(notReported.totalCount).toBeGreaterThan(0);
    for (const c of notReported.nodes) {
      expect(c.status).toBe('NOT_REPORTED');
      expect(c.region).toBe('南阳市');
      expect(c.statusReason).toContain('2022 summary of 南阳市');
      expect(c.source.quote.length).toBeGreaterThan(5);
    }
    expect(untracked.nodes.every((c: any) => c.status === 'UNTRACKED')).toBe(true);
    // The Kaifeng 2022 plan has no Kaifeng summary in the corpus: all UNTRACKED.
    expect(untracked.nodes.some((c: any) => c.region === '开封市')).toBe(true);
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
    expect(i.progress).toEqual({ verdict: 'TARGET_MET', explanation: '3.15 reported for 2020 meets the 2025 target 4.2.' });
  });

  it('finds 公有产权村卫生室 across documents, ranked, with the match marked', async () => {
    const d = await ask('{ search(text: "公有产权村卫生室", first: 5) { kind highlighted document { name } } }');
    expect(d.search.length).toBeGreaterThan(2);
    expect(d.search.every((h: any) => h.highlighted.includes('【'))).toBe(true);
    expect(new Set(d.search.map((h: any) => h.document.name)).size).toBeGreaterThan(1);
  });
});
