// GET /export/<table>.csv: a table of the graph as a spreadsheet opens it, behind the server's limits.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Counts, GraphStore } from '../../src/graph/port.ts';
import { nodeColumns } from '../../src/graph/queries/export.ts';
import { EXPORT_TABLES } from '../../src/server/export.ts';
import type { RunningApi } from '../../src/server/listen.ts';
import { seededStore, serve } from './helpers.ts';

let store: GraphStore;
let api: RunningApi;
let counts: Counts;

beforeAll(async () => {
  store = await seededStore();
  counts = await store.counts();
  api = await serve(store);
}, 60_000);

afterAll(async () => {
  await api?.close();
  await store?.close();
});

const get = (path: string, init: RequestInit = {}) => fetch(`${api.url}${path}`, init);
const rowsOf = async (res: Response) => parse(Buffer.from(await res.arrayBuffer()), { bom: true, columns: true }) as Array<Record<string, string>>;

describe('GET /export/<table>.csv', () => {
  it('names a table for every exported label', () => {
    expect(EXPORT_TABLES).toEqual(['regions', 'documents', 'sections', 'commitments', 'outcomes', 'projects', 'institutions', 'indicators', 'indicator-values', 'reviews']);
  });

  // Catches: a page lost or repeated, columns other than the CLI export's, a download a browser would show inline.
  it('answers the whole table as CSV with the export’s columns, as a download', async () => {
    const res = await get('/export/commitments.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="commitments.csv"; filename*=UTF-8''commitments.csv`);
    const rows = await rowsOf(res);
    expect(rows).toHaveLength(counts.nodes.Commitment);
    expect(Object.keys(rows[0]!)).toEqual(nodeColumns('Commitment'));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const values = await rowsOf(await get('/export/indicator-values.csv'));
    expect(values).toHaveLength(counts.nodes.IndicatorValue);
  });

  // Catches: the filter ignored, or applied to the wrong documents.
  it("keeps a region's rows only, ?region= naming it as the API does", async () => {
    const docs = await store.read({ name: 'test.docs', text: 'MATCH (d:Document) WHERE d.region = $r RETURN d.id AS id', params: { r: '南阳市' } });
    const expected = await store.read({
      name: 'test.outcomes',
      text: 'MATCH (d:Document)-[:HAS_STATEMENT]->(o:Outcome) WHERE d.region = $r RETURN o.id AS id ORDER BY id',
      params: { r: '南阳市' },
    });
    expect(docs.length).toBeGreaterThan(0);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(counts.nodes.Outcome);
    const res = await get(`/export/outcomes.csv?region=${encodeURIComponent('南阳市')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''outcomes-${encodeURIComponent('南阳市')}.csv`);
    expect((await rowsOf(res)).map((r) => r.id)).toEqual(expected.map((r) => r.id));
    // A region with no documents: the header alone.
    const none = await get(`/export/outcomes.csv?region=${encodeURIComponent('火星')}`);
    expect(none.status).toBe(200);
    expect(await rowsOf(none)).toEqual([]);
  });

  it('refuses what it cannot answer, each with its code', async () => {
    const refused = async (path: string, init: RequestInit = {}) => {
      const res = await get(path, init);
      return { status: res.status, code: ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code };
    };
    expect(await refused('/export/secrets.csv')).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await refused('/export/commitments.csv?regoin=x')).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refused('/export/institutions.csv?region=x')).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refused('/export/commitments.csv', { method: 'POST' })).toEqual({ status: 405, code: 'BAD_REQUEST' });
  });

  // Catches: a table sent whole past the server's response limit (it is held in memory to be sent).
  it('refuses a table over the response limit, saying how to get it', async () => {
    const small = await serve(store, { maxResponseBytes: 64 * 1024 });
    try {
      const res = await fetch(`${small.url}/export/commitments.csv`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.errors[0]!.extensions).toEqual({ code: 'RESPONSE_TOO_LARGE', maxBytes: 64 * 1024 });
      expect(body.errors[0]!.message).toContain('plantrace export --format csv');
      // A smaller table still fits.
      expect((await fetch(`${small.url}/export/regions.csv`)).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
