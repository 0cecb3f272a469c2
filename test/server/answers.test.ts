import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withReadCache } from '../../src/graph/cache.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import type { RunningApi } from '../../src/server/listen.ts';
import { post, seededStore, serve } from './helpers.ts';

const TOKEN = 'answers-token-0123456789abcdef';
let store: GraphStore;
let api: RunningApi;

beforeAll(async () => {
  store = withReadCache(await seededStore());
  api = await serve(store, { token: TOKEN });
});
afterAll(async () => {
  await api?.close();
  await store?.close();
});

describe('answers reused until the graph changes', () => {
  it('answers a repeated query the same, and never reuses an answer after a write', async () => {
    const count = async () => ((await post(api, '{ documents { id } }')).body.data?.documents as unknown[]).length;
    expect(await count()).toBe(5);
    expect(await count()).toBe(5);
    const text = await readFile('test/fixtures/corpus/luoyang-2023-plan.txt', 'utf8');
    const r = await post(api, 'mutation ($t: String) { ingestDocument(name: "luoyang.txt", text: $t) { status } }', {
      variables: { t: text },
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(r.body.data?.ingestDocument).toEqual({ status: 'INGESTED' });
    expect(await count()).toBe(6);
  });
});

/** A store that counts the reads that reach it. */
function counted(inner: GraphStore): GraphStore & { reads: number } {
  const out: GraphStore & { reads: number } = {
    reads: 0,
    engine: inner.engine,
    read: (q) => {
      out.reads++;
      return inner.read(q);
    },
    replaceDocuments: (b) => inner.replaceDocuments(b),
    checkpoint: () => inner.checkpoint(),
    replaceLinks: (l) => inner.replaceLinks(l),
    removeDocument: (id) => inner.removeDocument(id),
    recordReviews: (r) => inner.recordReviews(r),
    counts: () => inner.counts(),
    reset: () => inner.reset(),
    close: () => inner.close(),
    ...(inner.generation ? { generation: inner.generation } : {}),
  };
  return out;
}

describe('the two caches, each seen doing its job', () => {
  let seeded: GraphStore;
  let inner: GraphStore & { reads: number };
  let outer: GraphStore & { reads: number };
  let served: RunningApi;
  beforeAll(async () => {
    seeded = await seededStore();
    inner = counted(seeded);
    outer = counted(withReadCache(inner));
    served = await serve(outer, { token: TOKEN });
  });
  afterAll(async () => {
    await served?.close();
    await seeded?.close();
  });

  const QUERY = '{ commitments(where: { region: "开封市" }, first: 3) { totalCount nodes { id text } } }';

  let first: Awaited<ReturnType<typeof post>>;

  it('answers a repeated request without running it again (the HTTP answer cache)', async () => {
    first = await post(served, QUERY);
    expect(first.body.data?.commitments.totalCount).toBeGreaterThan(0);
    const before = outer.reads;
    expect(before).toBeGreaterThan(0);
    const again = await post(served, QUERY);
    expect(again.body).toEqual(first.body);
    expect(outer.reads - before).toBe(0);
  });

  it('answers the same reads of another request from memory (the read cache)', async () => {
    const before = inner.reads;
    // Another operation text, so the answer cache misses, asking the store the same queries.
    const other = await post(served, QUERY.replace('first: 3', 'first:3'));
    expect(other.body.data?.commitments.nodes).toHaveLength(3);
    expect(inner.reads - before).toBe(0);
  });

  it('after a write, runs the request again and answers what the graph now holds', async () => {
    const text = await readFile('test/fixtures/corpus/luoyang-2023-plan.txt', 'utf8');
    const ingest = await post(served, 'mutation ($t: String) { ingestDocument(name: "开封2023.txt", text: $t) { status } }', {
      variables: { t: text.replaceAll('洛阳', '开封') },
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ingest.body.data?.ingestDocument).toEqual({ status: 'INGESTED' });
    const before = { outer: outer.reads, inner: inner.reads };
    const after = await post(served, QUERY);
    expect(outer.reads - before.outer).toBeGreaterThan(0);
    expect(inner.reads - before.inner).toBeGreaterThan(0);
    expect(after.body.data?.commitments.totalCount).toBeGreaterThan(first.body.data?.commitments.totalCount);
  });
});
