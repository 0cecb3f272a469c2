import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import { resolvePaths } from '../../src/ingest/read/paths.ts';
import type { Context } from '../../src/resolvers/index.ts';
import { createApollo, executeIn } from '../../src/server/apollo.ts';

let store: GraphStore;
let apollo: ApolloServer<Context>;
let calls = 0;

const run = (query: string, variables: Record<string, unknown> = {}) => executeIn(apollo, store, query, variables);

beforeAll(async () => {
  store = await openLadybugStore({ path: ':memory:', onStatement: () => void calls++ });
  await ingestFiles(await resolvePaths(['seeds']), store);
  apollo = createApollo();
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await store.close();
});

describe('the GraphQL API on the seeds', () => {
  it('lists the five documents with kind, region and years', async () => {
    const r = await run('{ documents { name title kind region regionStatus regionPath years } }');
    expect(r.errors).toBeUndefined();
    const docs = (r.data?.documents as Array<Record<string, unknown>>).map(({ name, kind, region, regionStatus, years }) => ({ name, kind, region, regionStatus, years }));
    expect(docs).toEqual([
      { name: '000_d0de7db37b98f3f9.txt', kind: 'SUMMARY_AND_PLAN', region: '南阳市', regionStatus: 'RESOLVED', years: [2022, 2023] },
      { name: '001_e1634718f3e3e389.txt', kind: 'SUMMARY_AND_PLAN', region: null, regionStatus: 'MASKED', years: [2022, 2023] },
      { name: '002_bf6091a721eff7e0.txt', kind: 'FIVE_YEAR_PLAN', region: '南阳市', regionStatus: 'RESOLVED', years: [2021, 2022, 2023, 2024, 2025] },
      { name: '003_d499b532073839b7.txt', kind: 'SUMMARY_AND_PLAN', region: '临川区', regionStatus: 'RESOLVED', years: [2023, 2024] },
      { name: '004_80ecafe8e7002946.txt', kind: 'ANNUAL_PLAN', region: '开封市', regionStatus: 'RESOLVED', years: [2022] },
    ]);
    const linchuan = (r.data?.documents as Array<Record<string, unknown>>)[3]!;
    expect(linchuan.regionPath).toEqual(['临川区', '抚州市', '江西省']);
  });

  it('answers a Kaifeng 2022 commitment with its section path, deadline and exact source quote', async () => {
    const r = await run(
      `query ($text: String) { commitments(where: { region: "开封市", planYear: 2022, text: $text }) {
        totalCount nodes { text sectionPath planYear dueYear document { title } source { documentId quote start end } } } }`,
      { text: '公有产权村卫生室' },
    );
    expect(r.errors).toBeUndefined();
    const conn = r.data?.commitments as { totalCount: number; nodes: Array<Record<string, any>> };
    expect(conn.totalCount).toBe(1);
    const c = conn.nodes[0]!;
    expect(c.text).toContain('完成1812个公有产权村卫生室建设');
    expect(c.sectionPath).toBe("（三）着力提升医疗服务质量");
    expect(c.planYear).toBe(2022);
    const [doc] = await store.read({ name: 't', text: 'MATCH (d:Document {id: $id}) RETURN d.text AS text', params: { id: c.source.documentId } });
    expect(String(doc!.text).slice(c.source.start, c.source.end)).toBe(c.source.quote);
    expect(c.source.quote).toBe(c.text);
  });

  it('pages with cursors and counts without fetching every node', async () => {
    const first = await run('{ commitments(first: 3) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }');
    const page1 = first.data?.commitments as any;
    expect(page1.nodes).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await run('query ($after: String) { commitments(first: 3, after: $after) { nodes { id } } }', { after: page1.pageInfo.endCursor });
    const ids2 = (second.data?.commitments as any).nodes.map((n: any) => n.id);
    expect(ids2).toHaveLength(3);
    expect(ids2.some((id: string) => page1.nodes.some((n: any) => n.id === id))).toBe(false);
  });

  it('loads nested lists with one query per level, not one per parent', async () => {
    calls = 0;
    const r = await run('{ documents { sections { heading children { heading children { heading } } } commitmentCount } }');
    expect(r.errors).toBeUndefined();
    // documents + top sections + 2 levels of children + counts: one store call each.
    expect(calls).toBeLessThanOrEqual(5);
  });

  it('rejects bad input with BAD_USER_INPUT naming the argument', async () => {
    // 201, not 5000: a huge `first` (written in or from a variable) is stopped earlier, by the cost limit (protection.test.ts).
    const r = await run('{ commitments(first: 201) { totalCount } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/^first: /);
    const y = await run('{ commitments(where: { planYear: 20222 }) { totalCount } }');
    expect(y.errors?.[0]?.message).toMatch(/^where\.planYear: /);
    const c = await run('{ commitments(after: "bogus") { totalCount } }');
    expect(c.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('names every bad argument in one BAD_USER_INPUT, each with its path and message, not the first only', async () => {
    const r = await run('{ commitments(where: { planYear: 20222, text: "" }, first: 201, after: "bogus") { totalCount } }');
    expect(r.errors).toHaveLength(1);
    const { code, argumentPath, issues } = r.errors![0]!.extensions as { code: string; argumentPath: string; issues: Array<{ path: string; message: string }> };
    expect(code).toBe('BAD_USER_INPUT');
    expect(issues.map((i) => i.path)).toEqual(['where.planYear', 'where.text', 'first', 'after']);
    expect(argumentPath).toBe('where.planYear');
    expect(issues.find((i) => i.path === 'first')?.message).toBe('at most 200 per page');
    expect(r.errors![0]!.message).toBe(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  });
});
