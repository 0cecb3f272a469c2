import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/port.ts';
import type { RunningApi } from '../../src/server/listen.ts';
import { post, seededStore, serve } from './helpers.ts';

// Cursors come from clients, so anything may arrive as one. A cursor the API
// could not have given out is a BAD_USER_INPUT naming `after`; a real offset
// past the end of the list is an empty page. Before this was so, an offset
// near 2^31 (or a few thousand past the end) crashed the whole process inside
// LadybugDB, and one of 2^32 or more wrapped round to the first page.

let store: GraphStore;
let api: RunningApi;

const cursor = (inside: string): string => Buffer.from(inside).toString('base64url');
const PAGE = 'query ($after: String) { commitments(first: 3, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
const page = (after: string) => post(api, PAGE, { variables: { after } });

beforeAll(async () => {
  store = await seededStore();
  api = await serve(store);
});
afterAll(async () => {
  await api?.close();
  await store?.close();
});

describe('cursors a client can send', () => {
  it('refuses an offset of 2^31 - 1 (what an attacker sent) as out of range, and the server stays up', async () => {
    expect(cursor('o:2147483647')).toBe('bzoyMTQ3NDgzNjQ3');
    const r = await page('bzoyMTQ3NDgzNjQ3');
    expect(r.body.data).toBeNull();
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: 'after' });
    expect(r.body.errors?.[0]?.message).toMatch(/^after: this cursor points past any list/);
    expect((await post(api, '{ documents { id } }')).body.data?.documents).toHaveLength(5);
  });

  it('refuses offsets of 2^32 and beyond instead of wrapping round to the first page', async () => {
    for (const offset of ['4294967296', '4294967297', '9007199254740991']) {
      const r = await page(cursor(`o:${offset}`));
      expect(r.body.errors?.[0]?.extensions?.code, offset).toBe('BAD_USER_INPUT');
      expect(r.body.errors?.[0]?.message, offset).toMatch(/^after: this cursor points past any list/);
      expect(r.body.data, offset).toBeNull();
    }
  });

  it('refuses garbage, base64 of something else, and non-canonical encodings as not a cursor', async () => {
    // Buffer's decoder skips what it does not know: "!!bzoy!!" decodes to "o:2", a real offset.
    const cases = ['bogus', '!!bzoy!!', 'bzoy==', cursor('o:007'), cursor('o:2 '), cursor('o:'), cursor('x:2'), cursor('o:1e3'), 'A'.repeat(4096), ''];
    for (const after of cases) {
      const r = await page(after);
      expect(r.body.errors?.[0]?.extensions, after.slice(0, 20)).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: 'after' });
      expect(r.body.errors?.[0]?.message, after.slice(0, 20)).toMatch(/^after: not a cursor this API gave out/);
    }
  });

  it('refuses a negative offset', async () => {
    for (const offset of ['-1', '-2', '-2147483648']) {
      const r = await page(cursor(`o:${offset}`));
      expect(r.body.errors?.[0]?.extensions, offset).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: 'after' });
      expect(r.body.errors?.[0]?.message, offset).toMatch(/^after: not a cursor/);
    }
  });

  it('answers an offset past the end with an empty page, even far past it, for every paged list', async () => {
    const last = await page(cursor('o:0'));
    const total = last.body.data?.commitments.totalCount as number;
    expect(total).toBeGreaterThan(100);
    // Up to 2^31 - 2 is an offset the API could give out (totalCount is an Int); a million past the end crashed the engine.
    for (const offset of [total - 1, total, total + 20_000, 1_000_000, 2 ** 31 - 2]) {
      const r = await page(cursor(`o:${offset}`));
      expect(r.body.errors, String(offset)).toBeUndefined();
      expect(r.body.data?.commitments, String(offset)).toEqual({ totalCount: total, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    }
    const far = cursor('o:1000000');
    const others = await post(
      api,
      'query ($a: String) { outcomes(after: $a) { totalCount nodes { id } } institutions(after: $a) { totalCount nodes { id } } unreported(year: 2022) { untracked(after: $a) { totalCount nodes { id } } } }',
      { variables: { a: far } },
    );
    expect(others.body.errors).toBeUndefined();
    expect(others.body.data?.outcomes.nodes).toEqual([]);
    expect(others.body.data?.outcomes.totalCount).toBeGreaterThan(0);
    expect(others.body.data?.institutions.nodes).toEqual([]);
    expect(others.body.data?.unreported.untracked.nodes).toEqual([]);
  });

  it('still pages to the last node and stops there', async () => {
    const first = (await page(cursor('o:0'))).body.data?.commitments;
    const total = first.totalCount as number;
    const tail = (await page(cursor(`o:${total - 3}`))).body.data?.commitments;
    expect(tail.nodes).toHaveLength(2);
    expect(tail.pageInfo).toEqual({ hasNextPage: false, endCursor: cursor(`o:${total - 1}`) });
  });
});
