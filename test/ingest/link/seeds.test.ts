import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../../src/graph/ladybug/store.ts';
import type { GraphStore } from '../../../src/graph/port.ts';
import { ingestFiles } from '../../../src/ingest/store/ingest.ts';
import { resolvePaths } from '../../../src/ingest/read/paths.ts';
import { relink } from '../../../src/ingest/store/relink.ts';
import { documentIdOf } from '../../../src/ingest/pipeline.ts';

let store: GraphStore;
beforeAll(async () => {
  store = await openLadybugStore({ path: ':memory:' });
  await ingestFiles(await resolvePaths(['seeds']), store);
});
afterAll(() => store.close());

const NANYANG_2022 = documentIdOf('000_d0de7db37b98f3f9.txt');
const MASKED = documentIdOf('001_e1634718f3e3e389.txt');
const NANYANG_PLAN = documentIdOf('002_bf6091a721eff7e0.txt');
const LINCHUAN = documentIdOf('003_d499b532073839b7.txt');
const KAIFENG = documentIdOf('004_80ecafe8e7002946.txt');

async function statuses(doc: string) {
  const rows = await store.read({ name: 't', text: 'MATCH (c:Commitment {doc: $doc}) RETURN c.status AS status, count(c) AS n ORDER BY status', params: { doc } });
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('status on the seeds', () => {
  it('commitments of plans whose region has no later summary in the corpus are UNTRACKED, never NOT_REPORTED', async () => {
    for (const doc of [KAIFENG, LINCHUAN, MASKED, NANYANG_2022]) {
      expect(Object.keys(await statuses(doc)), doc).toEqual(['UNTRACKED']);
    }
  });

  it('five-year-plan commitments due by 2022 that the Nanyang 2022 summary does not report on are NOT_REPORTED', async () => {
    const rows = await store.read({
      name: 't',
      text: `MATCH (c:Commitment {doc: $doc}) WHERE c.dueYear = 2022 AND NOT EXISTS { MATCH (c)-[:EVIDENCED_BY]->(:Outcome) }
             RETURN c.status AS status, c.statusReason AS reason, c.text AS text`,
      params: { doc: NANYANG_PLAN },
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.status).toBe('NOT_REPORTED');
      expect(r.reason).toContain('2022 summary of 南阳市');
    }
  });

  it('links the 市中心医院 relocation (新区医院) across the five-year plan, the 2022 report and the 2023 plan', async () => {
    const chain = await store.read({
      name: 't',
      text: `MATCH (p:Commitment {doc: $plan})-[:EVIDENCED_BY]->(o:Outcome {doc: $summary})
             MATCH (n:Commitment {doc: $summary})-[:CONTINUES]->(p)
             WHERE p.text CONTAINS '新区医院' AND o.text CONTAINS '新区医院' AND n.text CONTAINS '市中心医院迁建'
             RETURN p.status AS status, count(*) AS n`,
      params: { plan: NANYANG_PLAN, summary: NANYANG_2022 },
    });
    expect(chain).toEqual([{ status: 'IN_PROGRESS', n: 1 }]);
  });

  it('relinking an unchanged corpus gives the same links', async () => {
    const snapshot = () =>
      store.read({ name: 't', text: 'MATCH (c:Commitment)-[r:EVIDENCED_BY|CONTINUES]->(x) RETURN c.id AS fromId, x.id AS toId, r.score AS s, r.verdict AS v ORDER BY fromId, toId', params: {} });
    const before = await snapshot();
    await relink(store);
    expect(await snapshot()).toEqual(before);
  });
});
