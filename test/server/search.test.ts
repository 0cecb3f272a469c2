import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withReadCache } from '../../src/graph/cache.ts';
import type { GraphStore, Query } from '../../src/graph/port.ts';
import { documentQueries } from '../../src/graph/queries/documents.ts';
import { ingestBytes } from '../../src/ingest/store/ingest.ts';
import { readEntries } from '../../src/search/source.ts';
import { termsOf } from '../../src/search/terms.ts';
import { createApollo, executeIn } from '../../src/server/apollo.ts';
import { seededStore, stub } from './helpers.ts';

// Search as a researcher asks it, through Apollo, on the seeds.

const apollo = createApollo();
let store: GraphStore;

beforeAll(async () => {
  store = await seededStore();
}, 60_000);
afterAll(async () => store?.close());

async function ask(query: string, variables: Record<string, unknown> = {}, on: GraphStore = store) {
  const result = await executeIn(apollo, on, query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as Record<string, any>;
}

const HITS = `query ($text: String!, $where: SearchWhere, $first: Int, $after: String) {
  search(text: $text, where: $where, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { kind id name text highlighted score region source { documentId quote start end } document { id region } }
  }
}`;
const search = async (text: string, more: Record<string, unknown> = {}, on: GraphStore = store) => (await ask(HITS, { text, ...more }, on)).search;

describe('search over the seeds', () => {
  it('gives every hit its source: document and offsets into that document’s original text', async () => {
    const { nodes } = await search('疾控中心', { first: 20 });
    expect(nodes.length).toBeGreaterThan(5);
    for (const hit of nodes) {
      const text = String((await store.read(documentQueries.text(hit.source.documentId)))[0]!.text);
      expect(text.slice(hit.source.start, hit.source.end)).toBe(hit.source.quote);
      expect(hit.source.documentId).toBe(hit.document.id);
    }
  });

  it('shows a 专栏 project with its name and its text as written, never null', async () => {
    const { nodes, totalCount } = await search('疾病预防控制体系', { where: { kind: ['PROJECT'] } });
    expect(totalCount).toBeGreaterThan(0);
    expect(nodes.every((h: any) => h.kind === 'PROJECT')).toBe(true);
    const hit = nodes.find((h: any) => h.name === '现代化疾病预防控制体系建设');
    expect(hit.text).toMatch(/^现代化疾病预防控制体系建设：实施市疾控中心迁建项目/);
    expect(hit.text).toBe(hit.source.quote);
    expect(nodes.every((h: any) => h.text && !h.text.includes('null'))).toBe(true);
  });

  it('finds the full form by its short one and the short by its full one', async () => {
    const short = await search('疾控', { first: 200 });
    expect(short.nodes.some((h: any) => h.text.includes('疾病预防控制') && !h.text.includes('疾控'))).toBe(true);
    const full = await search('疾病预防控制中心', { first: 200 });
    expect(full.nodes.some((h: any) => h.text.includes('疾控中心') && !h.text.includes('疾病预防控制'))).toBe(true);
  });

  it('separates the top hits and orders equal scores by id', async () => {
    const { nodes } = await search('公有产权村卫生室', { first: 50 });
    expect(nodes[0].highlighted).toContain('【公有产权村卫生室】');
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1], nodes[i]];
      expect(a.score > b.score || (a.score === b.score && a.id < b.id), `${a.id} before ${b.id}`).toBe(true);
    }
    // Those holding the phrase are a clear step above the rest.
    const phrase = nodes.filter((h: any) => h.text.includes('公有产权村卫生室'));
    const rest = nodes.filter((h: any) => !h.text.includes('公有产权村卫生室'));
    expect(phrase.length).toBeGreaterThan(1);
    expect(rest.length).toBeGreaterThan(0);
    expect(Math.min(...phrase.map((h: any) => h.score))).toBeGreaterThan(Math.max(...rest.map((h: any) => h.score)) + 0.5);
  });

  it('filters by region, year, kind and document, together', async () => {
    const all = await search('医院', { first: 200 });
    const nanyang = await search('医院', { first: 200, where: { region: '南阳市' } });
    expect(nanyang.totalCount).toBeGreaterThan(0);
    expect(nanyang.totalCount).toBeLessThan(all.totalCount);
    expect(nanyang.nodes.every((h: any) => h.region === '南阳市' && h.document.region === '南阳市')).toBe(true);
    const outcomes2022 = await search('医院', { first: 200, where: { year: 2022, kind: ['OUTCOME'] } });
    expect(outcomes2022.totalCount).toBeGreaterThan(0);
    const years = await ask('{ outcomes(first: 200, where: { year: 2022 }) { nodes { id } } }');
    const of2022 = new Set(years.outcomes.nodes.map((o: any) => o.id));
    expect(outcomes2022.nodes.every((h: any) => h.kind === 'OUTCOME' && of2022.has(h.id))).toBe(true);
    const doc = nanyang.nodes[0].document.id;
    const one = await search('医院', { first: 200, where: { documentId: doc, region: '南阳市' } });
    expect(one.nodes.every((h: any) => h.document.id === doc)).toBe(true);
    expect(one.totalCount).toBe(all.nodes.filter((h: any) => h.document.id === doc).length);
  });

  it('pages with cursors: the pages put together are the list', async () => {
    const whole = await search('卫生院', { first: 9 });
    expect(whole.totalCount).toBeGreaterThan(9);
    const first = await search('卫生院', { first: 4 });
    const second = await search('卫生院', { first: 5, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((h: any) => h.id)).toEqual(whole.nodes.map((h: any) => h.id));
    expect(second.pageInfo.hasNextPage).toBe(true);
    expect(second.totalCount).toBe(whole.totalCount);
  });

  it('refuses a cursor it did not give out, and names every bad argument at once', async () => {
    const bad = await executeIn(apollo, store, HITS, { text: '医院', after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: 'after' });
    const many = await executeIn(apollo, store, HITS, { text: ' ', first: 500, where: { year: 1800 } });
    expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((many.errors?.[0]?.extensions?.issues as Array<{ path: string }>).map((i) => i.path).sort()).toEqual(['first', 'text', 'where.year']);
  });
});

describe('the index and the store', () => {
  it('indexes a statement by the words ingest stored for it, which are the words segmenting it gives', async () => {
    const entries = await readEntries(store);
    const statements = entries.filter((e) => e.kind !== 'PROJECT');
    expect(statements.length).toBeGreaterThan(900);
    expect(statements.every((e) => e.words !== undefined)).toBe(true);
    for (const e of statements) expect(termsOf(e.text, e.words), e.id).toEqual(termsOf(e.text));
  });

  it('is built once while the store is not written, and again after a write', async () => {
    const reads: string[] = [];
    const inner = await seededStore();
    const cached = withReadCache(stub(inner, (q: Query) => (reads.push(q.name), inner.read(q))));
    try {
      const builds = () => reads.filter((n) => n === 'search.commitments').length;
      const before = (await search('鹦鹉螺化石馆建设', {}, cached)) as any;
      await search('公有产权', {}, cached);
      await search('疾控', {}, cached);
      expect(builds()).toBe(1);
      expect(before.totalCount).toBe(0);
      const text = '某市卫生健康委员会2023年工作计划\n一、重点任务\n（一）全面开展鹦鹉螺化石馆建设，2023年底前完成全市筛查。\n';
      await ingestBytes(cached, { name: 'yingwuluo.txt', bytes: Buffer.from(text) });
      const after = (await search('鹦鹉螺化石馆建设', {}, cached)) as any;
      expect(builds()).toBe(2);
      expect(after.totalCount).toBeGreaterThan(0);
      expect(after.nodes[0].text).toContain('鹦鹉螺化石馆建设');
      // A relink writes links and statuses only, none of which the index holds: no rebuild.
      await cached.replaceLinks({ regionKeys: [], rels: [], updates: [] });
      await search('鹦鹉螺化石馆建设', {}, cached);
      expect(builds()).toBe(2);
    } finally {
      await cached.close();
    }
  }, 60_000);
});
