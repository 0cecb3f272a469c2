// The dashboard reads through the API on the seeds, against the same
// grouping done by hand over every commitment (and every indicator value)
// fetched page by page: a count that drops a group, merges two or miscounts
// a state answers differently.
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/port.ts';
import { COUNT_KEYS } from '../../src/graph/queries/dashboards.ts';
import { createApollo, executeIn } from '../../src/server/apollo.ts';
import { DOCUMENT_KINDS, REPORTING_STATES, STATUSES } from '../../src/vocabulary.ts';
import { seededStore } from '../server/helpers.ts';

interface C {
  readonly id: string;
  readonly region: string | null;
  readonly dueYear: number | null;
  readonly status: string | null;
  readonly document: { readonly id: string; readonly kind: string };
  readonly reporting: ReadonlyArray<{ readonly year: number; readonly state: string }>;
}

interface V {
  readonly id: string;
  readonly indicator: string;
  readonly region: string | null;
  readonly year: number | null;
  readonly kind: string;
  readonly value: number | null;
  readonly unit: string | null;
  readonly comparator: string | null;
  readonly document: { readonly id: string };
  readonly source: { readonly documentId: string; readonly start: number; readonly end: number; readonly quote: string };
}

let store: GraphStore;
const apollo = createApollo();
let commitments: C[] = [];
let values: V[] = [];

async function run(query: string, variables: Record<string, unknown> = {}) {
  const r = await executeIn(apollo, store, query, variables);
  return r as { data?: Record<string, any> | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, any> }> };
}

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const r = await run(query, variables);
  expect(r.errors, query).toBeUndefined();
  return r.data!;
}

async function pages<T>(field: string, whereType: string, where: Record<string, unknown>, fields: string): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await ok(`query ($w: ${whereType}, $a: String) { ${field}(where: $w, first: 200, after: $a) { totalCount nodes { ${fields} } pageInfo { hasNextPage endCursor } } }`, { w: where, a: after });
    const page = data[field] as { nodes: T[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } };
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) {
      expect(out).toHaveLength(page.totalCount);
      return out;
    }
    after = page.pageInfo.endCursor;
  }
}

const KEY_OF: Record<string, (c: C) => unknown> = {
  REGION: (c) => c.region,
  YEAR: (c) => c.dueYear,
  DOCUMENT: (c) => c.document.id,
  KIND: (c) => c.document.kind,
  STATUS: (c) => c.status ?? 'UNTRACKED',
};
const FIELD: Record<string, string> = { REGION: 'region', YEAR: 'year', DOCUMENT: 'documentId', KIND: 'kind', STATUS: 'status' };
const ROW_FIELDS = 'region year documentId kind status count';

/** Every subset of the keys, in the enum's order and reversed (the order asked decides the rows' order). */
function subsets<K>(keys: readonly K[]): K[][] {
  return Array.from({ length: 2 ** keys.length }, (_, mask) => keys.filter((_, i) => mask & (1 << i)));
}

/** Rows as a comparable set: each group's key values (null where not grouped) and its count. */
function byHand(items: ReadonlyArray<{ c: C; extra?: Record<string, unknown> }>, keys: readonly string[]): string[] {
  const groups = new Map<string, number>();
  for (const { c, extra } of items) {
    const row: Record<string, unknown> = { region: null, year: null, documentId: null, kind: null, status: null, ...extra };
    for (const k of keys) row[FIELD[k]!] = KEY_OF[k]!(c);
    const key = JSON.stringify(row, Object.keys(row).sort());
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([k, n]) => `${k} ${n}`).sort();
}

function asServed(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  return rows.map(({ count, ...row }) => `${JSON.stringify(row, Object.keys(row).sort())} ${count}`).sort();
}

beforeAll(async () => {
  store = await seededStore();
  commitments = await pages<C>('commitments', 'CommitmentWhere', {}, 'id region dueYear status document { id kind } reporting { year state }');
  values = await pages<V>('indicatorValues', 'IndicatorValueWhere', {}, 'id indicator region year kind value unit comparator document { id } source { documentId start end quote }');
}, 60_000);
afterAll(async () => {
  await store?.close();
});

describe('statusCounts', () => {
  it('the schema offers exactly the keys the store groups on', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    expect((schema.getType('CountKey') as GraphQLEnumType).getValues().map((v) => v.name)).toEqual([...COUNT_KEYS]);
  });

  it('the seeds have several regions, years, documents, kinds and statuses to group (and a masked region)', () => {
    for (const k of COUNT_KEYS) expect(new Set(commitments.map(KEY_OF[k]!)).size, k).toBeGreaterThanOrEqual(3);
    expect(commitments.some((c) => c.region === null)).toBe(true);
  });

  it.each(subsets(COUNT_KEYS).map((keys) => [keys.join('+') || '(none)', keys] as const))('grouped by %s: the groups and counts of grouping every commitment by hand', async (_, keys) => {
    const data = await ok(`query ($k: [CountKey!]!) { statusCounts(groupBy: $k) { ${ROW_FIELDS} } }`, { k: keys });
    expect(asServed(data.statusCounts)).toEqual(byHand(commitments.map((c) => ({ c })), keys));
    expect(data.statusCounts.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(commitments.length);
  });

  it.each([
    ['region', { region: '南阳市' }, (c: C) => c.region === '南阳市'],
    ['status and dueBy', { status: ['IN_PROGRESS', 'NOT_REPORTED'], dueBy: 2025 }, (c: C) => ['IN_PROGRESS', 'NOT_REPORTED'].includes(c.status!) && c.dueYear! <= 2025],
    ['silent in 2022', { reporting: { year: 2022, state: 'SILENT' } }, (c: C) => c.reporting.some((r) => r.year === 2022 && r.state === 'SILENT')],
    ['a document', { documentId: 'doc-7884afb05359' }, (c: C) => c.document.id === 'doc-7884afb05359'],
  ] as const)('filtered by %s, as the same filter by hand', async (_, where, keep) => {
    const kept = commitments.filter(keep);
    expect(kept.length).toBeGreaterThan(0);
    const data = await ok(`query ($w: CommitmentWhere) { statusCounts(groupBy: [REGION, YEAR, STATUS], where: $w) { ${ROW_FIELDS} } }`, { w: where });
    expect(asServed(data.statusCounts)).toEqual(byHand(kept.map((c) => ({ c })), ['REGION', 'YEAR', 'STATUS']));
  });

  it('sorts rows by the keys in the order asked, enums in their order, unknown values last', async () => {
    const data = await ok('{ statusCounts(groupBy: [STATUS, REGION]) { status region count } }');
    const rows = data.statusCounts as Array<{ status: string; region: string | null }>;
    const rank = (r: { status: string; region: string | null }) => [STATUSES.indexOf(r.status as never), r.region === null ? '\uffff' : r.region] as const;
    const sorted = [...rows].sort((a, b) => rank(a)[0] - rank(b)[0] || (rank(a)[1] < rank(b)[1] ? -1 : rank(a)[1] > rank(b)[1] ? 1 : 0));
    expect(rows).toEqual(sorted);
    expect(rows.at(-1)).toMatchObject({ status: 'UNTRACKED', region: null });
    const kinds = (await ok('{ statusCounts(groupBy: [KIND]) { kind } }')).statusCounts.map((r: { kind: string }) => r.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => DOCUMENT_KINDS.indexOf(a as never) - DOCUMENT_KINDS.indexOf(b as never)));
  });

  it('a key asked twice groups once; a row grouped by document brings its document', async () => {
    const twice = await ok('{ statusCounts(groupBy: [DOCUMENT, DOCUMENT]) { documentId count document { id title } } }');
    const once = await ok('{ statusCounts(groupBy: [DOCUMENT]) { documentId count document { id title } } }');
    expect(twice).toEqual(once);
    for (const r of once.statusCounts) expect(r.document.id).toBe(r.documentId);
    expect((await ok('{ statusCounts { document { id } count } }')).statusCounts).toEqual([{ document: null, count: commitments.length }]);
  });
});

describe('reportingCounts', () => {
  const years = [2021, 2022, 2023, 2024, 2025];

  it('the seeds have every state in some year', () => {
    const states = new Set(commitments.flatMap((c) => c.reporting.map((r) => r.state)));
    expect([...states].sort()).toEqual([...REPORTING_STATES].sort());
  });

  it.each(subsets(['REGION', 'DOCUMENT', 'KIND', 'STATUS']).map((keys) => [keys.join('+') || '(none)', keys] as const))(
    'by year and state, grouped by %s: each commitment counted once in each year it is in force, with that year’s state',
    async (_, keys) => {
      const data = await ok(`query ($y: [Int!]!, $k: [ReportingCountKey!]!) { reportingCounts(years: $y, groupBy: $k) { year state ${ROW_FIELDS} } }`, { y: years, k: keys });
      const items = commitments.flatMap((c) => c.reporting.filter((r) => years.includes(r.year)).map((r) => ({ c, extra: { year: r.year, state: r.state } })));
      // The row's year is the year reported on (no YEAR key here), set by `extra`.
      expect(asServed(data.reportingCounts)).toEqual(byHand(items, keys));
    },
  );

  it('in 2022, SILENT and NO_REPORT are the sizes of the two lists of unreported(2022), region by region too', async () => {
    for (const region of [null, '南阳市', '开封市']) {
      const where = region ? { region } : {};
      const counts = (await ok('query ($w: CommitmentWhere) { reportingCounts(years: [2022], where: $w) { state count } }', { w: where })).reportingCounts as Array<{ state: string; count: number }>;
      const lists = (await ok('query ($r: String) { unreported(year: 2022, region: $r) { notReported { totalCount } untracked { totalCount } } }', { r: region })).unreported;
      const of = (state: string) => counts.find((c) => c.state === state)?.count ?? 0;
      expect({ silent: of('SILENT'), noReport: of('NO_REPORT') }, String(region)).toEqual({ silent: lists.notReported.totalCount, noReport: lists.untracked.totalCount });
    }
  });

  it('sorts by year, then the keys, then the state in its enum’s order', async () => {
    const rows = (await ok('{ reportingCounts(years: [2023, 2022], groupBy: [REGION]) { year region state } }')).reportingCounts as Array<{ year: number; region: string | null; state: string }>;
    const key = (r: (typeof rows)[number]) => `${r.year}|${r.region ?? '\uffff'}|${REPORTING_STATES.indexOf(r.state as never)}`;
    expect(rows.map(key)).toEqual(rows.map(key).sort());
    expect(rows[0]!.year).toBe(2022);
  });
});

describe('indicatorValues', () => {
  it('is every value of every indicator, once, each with its indicator’s name and source', async () => {
    const data = await ok('{ indicators { name series { id } } }');
    const byIndicator = (data.indicators as Array<{ name: string; series: Array<{ id: string }> }>).flatMap((i) => i.series.map((v) => `${v.id} ${i.name}`));
    expect(values.map((v) => `${v.id} ${v.indicator}`).sort()).toEqual(byIndicator.sort());
    for (const v of values) {
      expect(v.source.documentId).toBe(v.document.id);
      expect(v.source.end).toBeGreaterThan(v.source.start);
    }
  });

  it('is ordered by indicator, region (unknown first), year (unknown first), kind and id, across pages', () => {
    const key = (v: V) => [v.indicator, v.region ?? '', String(v.year ?? 0).padStart(4, '0'), v.kind, v.id];
    const sorted = [...values].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    });
    expect(values.map((v) => v.id)).toEqual(sorted.map((v) => v.id));
  });

  it.each([
    ['indicator 死亡率', { indicator: '死亡率' }, (v: V) => v.indicator.includes('死亡率')],
    ['region 南阳市', { region: '南阳市' }, (v: V) => v.region === '南阳市'],
    ['year 2025', { year: 2025 }, (v: V) => v.year === 2025],
    ['kind ACTUAL', { kind: 'ACTUAL' }, (v: V) => v.kind === 'ACTUAL'],
    ['a document', { documentId: 'doc-7884afb05359' }, (v: V) => v.document.id === 'doc-7884afb05359'],
    ['region and kind', { region: '南阳市', kind: 'TARGET' }, (v: V) => v.region === '南阳市' && v.kind === 'TARGET'],
  ] as const)('%s: the values the same filter keeps by hand, in the same order', async (_, where, keep) => {
    const expected = values.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(values.length);
    expect((await pages<V>('indicatorValues', 'IndicatorValueWhere', where, 'id')).map((v) => v.id)).toEqual(expected.map((v) => v.id));
  });
});

describe('bad input', () => {
  it('names every bad argument at once', async () => {
    const r = await run('{ reportingCounts(years: [], where: { planYear: 20222, dueBy: 1 }) { count } }');
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (r.errors?.[0]?.extensions?.issues as Array<{ path: string }>).map((i) => i.path);
    expect(paths).toEqual(['years', 'where.planYear', 'where.dueBy']);
    expect(r.errors?.[0]?.message).toMatch(/^years: give at least one year; where\.planYear: .+; where\.dueBy: .+$/);
  });

  it('refuses more than ten years', async () => {
    const r = await run('{ reportingCounts(years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]) { count } }');
    expect(r.errors?.[0]?.message).toBe('years: at most 10 years per request');
  });
});
