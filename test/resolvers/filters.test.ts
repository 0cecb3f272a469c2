// Each commitment and outcome filter, through the API on the seeds, against
// the same filter applied by hand to every commitment: a filter that drops,
// flips or widens its condition answers a different set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/port.ts';
import { createApollo, executeIn } from '../../src/server/apollo.ts';
import { seededStore } from '../server/helpers.ts';

interface C {
  readonly id: string;
  readonly planYear: number | null;
  readonly periodFrom: number | null;
  readonly periodTo: number | null;
  readonly dueYear: number | null;
  readonly status: string;
  readonly region: string | null;
  readonly text: string;
  readonly document: { readonly id: string };
}
interface O {
  readonly id: string;
  readonly year: number | null;
  readonly region: string | null;
  readonly text: string;
  readonly document: { readonly id: string };
}

let store: GraphStore;
const apollo = createApollo();
let commitments: C[] = [];
let outcomes: O[] = [];

async function all<T>(field: 'commitments' | 'outcomes', where: Record<string, unknown>, fields: string): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const r = await executeIn(apollo, store, `query ($w: ${field === 'commitments' ? 'CommitmentWhere' : 'OutcomeWhere'}, $a: String) { ${field}(where: $w, first: 100, after: $a) { totalCount nodes { ${fields} } pageInfo { hasNextPage endCursor } } }`, { w: where, a: after });
    expect(r.errors).toBeUndefined();
    const page = (r.data as Record<string, { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number }>)[field]!;
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) {
      expect(out).toHaveLength(page.totalCount);
      return out;
    }
    after = page.pageInfo.endCursor;
  }
}

const C_FIELDS = 'id planYear periodFrom periodTo dueYear status region text document { id }';
const O_FIELDS = 'id year region text document { id }';
const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id).sort();

beforeAll(async () => {
  store = await seededStore();
  commitments = await all<C>('commitments', {}, C_FIELDS);
  outcomes = await all<O>('outcomes', {}, O_FIELDS);
});
afterAll(async () => {
  await store?.close();
});

describe('commitment filters answer what they say', () => {
  it('the seeds hold commitments of several due years and statuses (so each filter can be told from none)', () => {
    expect(new Set(commitments.map((c) => c.dueYear)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(commitments.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['dueBy 2022', { dueBy: 2022 }, (c: C) => c.dueYear !== null && c.dueYear <= 2022],
    ['dueBy 2024', { dueBy: 2024 }, (c: C) => c.dueYear !== null && c.dueYear <= 2024],
    ['activeIn 2023', { activeIn: 2023 }, (c: C) => c.periodFrom !== null && c.periodTo !== null && c.periodFrom <= 2023 && c.periodTo >= 2023],
    ['planYear 2023', { planYear: 2023 }, (c: C) => c.planYear === 2023],
    ['status IN_PROGRESS or MET', { status: ['IN_PROGRESS', 'MET'] }, (c: C) => c.status === 'IN_PROGRESS' || c.status === 'MET'],
    ['region 南阳市', { region: '南阳市' }, (c: C) => c.region === '南阳市'],
    ['text 疾控', { text: '疾控' }, (c: C) => c.text.includes('疾控')],
    ['dueBy and region together', { dueBy: 2023, region: '南阳市' }, (c: C) => c.region === '南阳市' && c.dueYear !== null && c.dueYear <= 2023],
  ] as const)('%s', async (_, where, keep) => {
    const expected = commitments.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(commitments.length);
    expect(ids(await all<C>('commitments', where, C_FIELDS))).toEqual(ids(expected));
  });

  it('documentId', async () => {
    const doc = commitments[0]!.document.id;
    expect(ids(await all<C>('commitments', { documentId: doc }, C_FIELDS))).toEqual(ids(commitments.filter((c) => c.document.id === doc)));
  });
});

describe('outcome filters answer what they say', () => {
  it.each([
    ['year 2022', { year: 2022 }, (o: O) => o.year === 2022],
    ['region 南阳市', { region: '南阳市' }, (o: O) => o.region === '南阳市'],
    ['text 医院', { text: '医院' }, (o: O) => o.text.includes('医院')],
  ] as const)('%s', async (_, where, keep) => {
    const expected = outcomes.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(outcomes.length);
    expect(ids(await all<O>('outcomes', where, O_FIELDS))).toEqual(ids(expected));
  });
});
