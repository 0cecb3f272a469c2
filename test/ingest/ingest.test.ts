import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { DocumentBatch, GraphStore } from '../../src/graph/port.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import { MissingPathsError, resolvePaths } from '../../src/ingest/read/paths.ts';
import { documentIdOf } from '../../src/ingest/pipeline.ts';

const dir = mkdtempSync(join(tmpdir(), 'plantrace-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A document's whole subgraph as reached from its Document node, for exact comparison. */
async function subgraph(store: GraphStore, doc: string) {
  const sections = await store.read({
    name: 'test.sections',
    text: 'MATCH (d:Document {id: $doc})-[:HAS_SECTION*1..8]->(s:Section) RETURN s.id AS id, s.heading AS heading ORDER BY id',
    params: { doc },
  });
  const statements = await store.read({
    name: 'test.statements',
    text: 'MATCH (d:Document {id: $doc})-[:HAS_SECTION*1..8]->(:Section)-[:STATES]->(t:Commitment|Outcome) RETURN t.id AS id, t.text AS text ORDER BY id',
    params: { doc },
  });
  const facts = await store.read({
    name: 'test.facts',
    text: `MATCH (d:Document {id: $doc})-[:HAS_SECTION*1..8]->(:Section)-[:STATES]->(t:Commitment|Outcome)
           OPTIONAL MATCH (t)-[:TARGETS|REPORTS]->(v:IndicatorValue)
           OPTIONAL MATCH (p:Project)-[:INCLUDES]->(t)
           RETURN count(DISTINCT v) AS values, count(DISTINCT p) AS projects`,
    params: { doc },
  });
  const owned = await store.read({
    name: 'test.owned',
    text: 'MATCH (n:Section|Commitment|Outcome|Project|IndicatorValue {doc: $doc}) RETURN count(n) AS c',
    params: { doc },
  });
  const [title] = await store.read({ name: 'test.title', text: 'MATCH (d:Document {id: $doc}) RETURN d.title AS title, d.sha256 AS sha', params: { doc } });
  return { title, sections, statements, values: facts[0]?.values, projects: facts[0]?.projects, owned: owned[0]?.c };
}

describe('ingesting the seeds', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openLadybugStore({ path: join(dir, 'seeds-store') });
  });
  afterAll(() => store.close());

  it('ingests all five seeds, and a second time changes no count', async () => {
    const files = await resolvePaths(['seeds']);
    expect(files).toHaveLength(5);
    const first = await ingestFiles(files, store);
    expect(first.failed).toEqual([]);
    expect(first.ingested).toHaveLength(5);
    const counts = await store.counts();
    expect(counts.nodes.Document).toBe(5);
    expect(counts.nodes.Commitment).toBeGreaterThan(100);
    expect(counts.nodes.Outcome).toBeGreaterThan(100);
    const again = await ingestFiles(files, store);
    expect(again.unchanged).toHaveLength(5);
    expect(await store.counts()).toEqual(counts);
  });

  it('hangs every statement from its own document, once (HAS_STATEMENT, the one-hop way to a document or region)', async () => {
    const counts = await store.counts();
    expect(counts.relationships.HAS_STATEMENT).toBe(counts.nodes.Commitment + counts.nodes.Outcome);
    const strays = await store.read({
      name: 'test.hasStatement',
      text: `MATCH (d:Document)-[:HAS_STATEMENT]->(t:Commitment|Outcome)
             WHERE t.doc <> d.id OR t.regionKey <> d.regionKey OR t.region <> d.region RETURN count(t) AS n`,
      params: {},
    });
    expect(strays).toEqual([{ n: 0 }]);
  });

  it('stops before writing anything when a named path does not exist', async () => {
    await expect(resolvePaths(['seeds', join(dir, 'no-such-file.txt')])).rejects.toThrow(MissingPathsError);
  });

  it('reports an unreadable file and still ingests the good ones', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const good = join(dir, 'good.txt');
    writeFileSync(good, readFileSync('seeds/004_80ecafe8e7002946.txt', 'utf8').replace('开封市', '洛阳市'));
    const before = await store.counts();
    const report = await ingestFiles([empty, good], store);
    expect(report.failed.map((f) => [f.file, f.code])).toEqual([[empty, 'EMPTY']]);
    expect(report.ingested.map((d) => d.name)).toEqual(['good.txt']);
    expect((await store.counts()).nodes.Document).toBe(before.nodes.Document + 1);
  });
});

describe('re-ingesting a changed seed', () => {
  it('ten versions in a row, one of them failing mid-write, leave exactly the latest good version', async () => {
    const store = await openLadybugStore({ path: join(dir, 'versions-store') });
    const seed = readFileSync('seeds/000_d0de7db37b98f3f9.txt', 'utf8');
    const file = join(dir, 'nanyang.txt');
    const doc = documentIdOf('nanyang.txt');
    const other = join(dir, 'kaifeng.txt');
    writeFileSync(other, readFileSync('seeds/004_80ecafe8e7002946.txt', 'utf8'));
    await ingestFiles([other], store);
    const otherShape = await subgraph(store, documentIdOf('kaifeng.txt'));

    // Each version drops a different paragraph and changes a number, so sections and statements differ.
    const paragraphs = seed.split('\n');
    const version = (v: number) =>
      paragraphs.filter((_, i) => i !== 7 + v).join('\n').replace('795个', `${795 + v}个`);
    let expected: Awaited<ReturnType<typeof subgraph>> | null = null;
    for (let v = 0; v < 10; v++) {
      writeFileSync(file, version(v));
      if (v === 6) {
        // Force a failure inside the store's transaction, after the old subgraph was deleted.
        const failing = failingStore(store);
        const report = await ingestFiles([file], failing);
        expect(report.failed).toHaveLength(1);
        expect(await subgraph(store, doc)).toEqual(expected);
        continue;
      }
      const report = await ingestFiles([file], store);
      expect(report.ingested).toHaveLength(1);
      expected = await subgraph(store, doc);
      expect(expected.statements.some((s) => String(s.text).includes(`${795 + v}个`))).toBe(true);
    }
    // Only the latest good version (9) is there: its statements, nothing of 0–8.
    const final = await subgraph(store, doc);
    const counted = final.statements.map((s) => /核酸检测点(\d+)个/.exec(String(s.text))?.[1]).filter(Boolean);
    expect(counted).toEqual(['804']);
    // Every node the document owns is reached from its Document node: nothing of an old version is left over.
    expect(final.owned).toBe(final.sections.length + final.statements.length + Number(final.values) + Number(final.projects));
    // The other document was never touched.
    expect(await subgraph(store, documentIdOf('kaifeng.txt'))).toEqual(otherShape);
    await store.close();
  });
});

/** The same store, but every document write gets a duplicate Section row: the transaction fails midway. */
function failingStore(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'replaceDocuments') {
        return (batches: readonly DocumentBatch[]) =>
          target.replaceDocuments(
            batches.map((batch) => {
              const sections = batch.nodes.Section ?? [];
              return { ...batch, nodes: { ...batch.nodes, Section: [...sections, sections[0]!] } };
            }),
          );
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('documents written in groups', () => {
  it('stores a group exactly as one-by-one writes would', async () => {
    const files = await resolvePaths(['seeds']);
    const grouped = await openLadybugStore({ path: ':memory:' });
    const single = await openLadybugStore({ path: ':memory:' });
    await ingestFiles(files, grouped);
    for (const file of files) await ingestFiles([file], single);
    for (const file of files) {
      const doc = documentIdOf(basename(file));
      const shape = await subgraph(grouped, doc);
      expect(shape.statements.length).toBeGreaterThan(50);
      expect(shape).toEqual(await subgraph(single, doc));
    }
    // Shared nodes (institutions, indicators, regions) once each, whichever way they came.
    const g = await grouped.counts();
    const s = await single.counts();
    expect(g.nodes).toEqual(s.nodes);
    expect(g.relationships).toEqual(s.relationships);
    await grouped.close();
    await single.close();
  });

  it('loses only the document that cannot be stored when its group fails', async () => {
    const store = await openLadybugStore({ path: ':memory:' });
    const files = await resolvePaths(['seeds']);
    const bad = documentIdOf(basename(files[2]!));
    let writes = 0;
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'replaceDocuments') {
          return (batches: readonly DocumentBatch[]) => {
            writes++;
            // The bad document's write carries a duplicate Section row, whatever group it is in.
            return target.replaceDocuments(
              batches.map((b) => (b.documentId === bad ? { ...b, nodes: { ...b.nodes, Section: [...b.nodes.Section!, b.nodes.Section![0]!] } } : b)),
            );
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const report = await ingestFiles(files, failing);
    // One group of five fails, then each document is written alone.
    expect(writes).toBe(1 + 5);
    expect(report.failed.map((f) => f.file)).toEqual([files[2]]);
    expect(report.failed[0]!.reason).toMatch(/^could not be stored: /);
    expect(report.failed[0]!.code).toBe('STORE_FAILED');
    expect(report.ingested.map((d) => d.id)).toEqual(files.filter((_, i) => i !== 2).map((f) => documentIdOf(basename(f))));
    expect((await store.counts()).nodes.Document).toBe(4);
    expect((await subgraph(store, bad)).title).toBeUndefined();
    await store.close();
  });
});

describe('two files of one name', () => {
  it('ingests the first and refuses the second with NAME_CLASH, instead of letting it replace the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plantrace-clash-'));
    const store = await openLadybugStore({ path: ':memory:' });
    try {
      const kaifeng = readFileSync('seeds/004_80ecafe8e7002946.txt', 'utf8');
      const luoyang = readFileSync('test/fixtures/corpus/luoyang-2023-plan.txt', 'utf8');
      for (const [sub, text] of [['a', kaifeng], ['b', luoyang]] as const) {
        rmSync(join(dir, sub), { recursive: true, force: true });
        (await import('node:fs')).mkdirSync(join(dir, sub));
        writeFileSync(join(dir, sub, '2022年工作计划.txt'), text);
      }
      const report = await ingestFiles(await resolvePaths([dir]), store);
      expect(report.ingested.map((d) => d.title)).toEqual(['开封市卫健委员会2022年工作计划']);
      expect(report.failed).toHaveLength(1);
      expect(report.failed[0]).toMatchObject({ file: join(dir, 'b', '2022年工作计划.txt'), code: 'NAME_CLASH' });
      expect(report.failed[0]!.reason).toContain(join(dir, 'a', '2022年工作计划.txt'));
      expect((await store.counts()).nodes.Document).toBe(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an ingest interrupted before its relink', () => {
  it('leaves its regions marked, and finishPendingLinks links them again (as serve does before answering)', async () => {
    const { finishPendingLinks } = await import('../../src/ingest/store/ingest.ts');
    const store = await openLadybugStore({ path: ':memory:' });
    try {
      await ingestFiles(await resolvePaths(['seeds']), store);
      const links = async () => Number((await store.read({ name: 't', text: 'MATCH ()-[r:EVIDENCED_BY]->() RETURN count(r) AS n', params: {} }))[0]!.n);
      const before = await links();
      expect(before).toBeGreaterThan(0);
      expect(await finishPendingLinks(store)).toBe(0);
      // What a crash between the writes and the relink leaves: the region's links gone, its mark pending.
      const key = 'region:411300';
      await store.replaceLinks({ regionKeys: [key], rels: [], updates: [{ label: 'Meta', props: ['value'], rows: [{ id: `relink:${key}`, value: 'pending' }] }] });
      expect(await links()).toBeLessThan(before);
      expect(await finishPendingLinks(store)).toBe(1);
      expect(await links()).toBe(before);
      expect(await finishPendingLinks(store)).toBe(0);
    } finally {
      await store.close();
    }
  });
});
