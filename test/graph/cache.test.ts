import { describe, expect, it } from 'vitest';
import { withReadCache } from '../../src/graph/cache.ts';
import type { GraphStore, Query } from '../../src/graph/port.ts';

/** A store whose reads count, answer with the current version, and can be held open. */
function fakeStore() {
  let version = 1;
  let reads = 0;
  let release: (() => void) | null = null;
  const store: GraphStore = {
    engine: 'ladybug',
    read: async () => {
      reads++;
      const seen = version;
      if (release === null) return [{ version: seen }];
      await new Promise<void>((r) => (release = r));
      return [{ version: seen }];
    },
    replaceDocuments: async () => void version++,
    replaceLinks: async () => void version++,
    checkpoint: async () => undefined,
    removeDocument: async () => void version++,
    recordReviews: async () => void version++,
    reset: async () => void version++,
    counts: async () => ({ nodes: {}, relationships: {} }) as never,
    close: async () => undefined,
  };
  return {
    store,
    reads: () => reads,
    hold: () => (release = () => undefined),
    let: () => {
      const r = release;
      release = null;
      r?.();
    },
  };
}

const q: Query = { name: 'q', text: 'MATCH (d:Document) RETURN d.id AS id', params: { a: 1 } };

describe('the read cache', () => {
  it('answers a repeated read from memory and empties on every write', async () => {
    const f = fakeStore();
    const cached = withReadCache(f.store);
    expect(await cached.read(q)).toEqual([{ version: 1 }]);
    expect(await cached.read(q)).toEqual([{ version: 1 }]);
    expect(await cached.read({ ...q, params: { a: 2 } })).toEqual([{ version: 1 }]);
    expect(f.reads()).toBe(2);
    await cached.replaceDocuments([{ documentId: 'd', nodes: {}, shared: {}, rels: [] }]);
    expect(await cached.read(q)).toEqual([{ version: 2 }]);
    expect(f.reads()).toBe(3);
  });

  it('never keeps a result read while a write happened', async () => {
    const f = fakeStore();
    const cached = withReadCache(f.store);
    f.hold();
    const slow = cached.read(q);
    await new Promise((r) => setTimeout(r, 5));
    await cached.replaceLinks({ regionKeys: [], rels: [], updates: [] });
    f.let();
    expect(await slow).toEqual([{ version: 1 }]);
    expect(await cached.read(q)).toEqual([{ version: 2 }]);
  });

  it('bounds its size, dropping the least recently used', async () => {
    const f = fakeStore();
    const cached = withReadCache(f.store, { maxEntries: 2 });
    for (const a of [1, 2, 1, 3]) await cached.read({ ...q, params: { a } });
    const before = f.reads();
    await cached.read({ ...q, params: { a: 1 } });
    expect(f.reads()).toBe(before);
    await cached.read({ ...q, params: { a: 2 } });
    expect(f.reads()).toBe(before + 1);
  });
});

describe('the write generation', () => {
  it('changes with every write, so answers built before it are never reused after', async () => {
    const f = fakeStore();
    const cached = withReadCache(f.store);
    const g0 = cached.generation!();
    await cached.replaceDocuments([{ documentId: 'd', nodes: {}, shared: {}, rels: [] }]);
    expect(cached.generation!()).not.toBe(g0);
  });

  it('counts writes of documents apart: links and reviews change the generation, not the text generation', async () => {
    const f = fakeStore();
    const cached = withReadCache(f.store);
    const [g0, t0] = [cached.generation!(), cached.textGeneration!()];
    await cached.replaceLinks({ regionKeys: [], rels: [], updates: [] });
    expect(cached.generation!()).not.toBe(g0);
    expect(cached.textGeneration!()).toBe(t0);
    await cached.removeDocument('d');
    expect(cached.textGeneration!()).not.toBe(t0);
    const t1 = cached.textGeneration!();
    await cached.reset({});
    expect(cached.textGeneration!()).not.toBe(t1);
  });
});
