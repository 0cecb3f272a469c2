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
