// One contract for every engine behind the GraphStore port. Each engine's
// test file runs it; a known gap would be listed there, not hidden here.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODES, type NodeRow } from '../../src/graph/model.ts';
import type { DocumentBatch, GraphStore } from '../../src/graph/port.ts';
import { labelBatches } from '../../src/export/read.ts';
import { EXPORTED_LABELS } from '../../src/export/tables.ts';
import { node, rel } from './rows.ts';

/** A small document subgraph: sections, commitments, shared institutions, indicator values. */
export function sampleBatch(doc: string, version: number, sections = 3): DocumentBatch {
  const secs = Array.from({ length: sections }, (_, i) => node('Section', {
    id: `${doc}/s${i}`,
    doc,
    ord: i,
    level: 1,
    style: 'cn',
    number: `${i + 1}`,
    heading: `第${i + 1}节 v${version}`,
    path: `第${i + 1}节`,
    role: 'PLAN',
    kind: 'PLAN',
    year: 2022,
    spanStart: i * 10,
    spanEnd: i * 10 + 9,
    quote: `quote ${i} v${version}`,
  }));
  const commitments = secs.map((s, i) => node('Commitment', { id: `${s.id}/c`, doc, ord: i, text: `承诺${i} v${version}`, spanStart: s.spanStart, spanEnd: s.spanEnd, quote: s.quote, planYear: 2022, regionKey: 'region:test', terms: ['承诺'] }));
  const values = secs.map((s, i) => node('IndicatorValue', { id: `${s.id}/v`, doc, kind: 'TARGET', year: 2025, value: i % 2 ? 2 : 81.76, text: "x", spanStart: 0, spanEnd: 1, quote: 'q' }));
  return {
    documentId: doc,
    nodes: {
      Document: [node('Document', { id: doc, doc, name: `${doc}.txt`, title: `标题 v${version}`, kind: 'ANNUAL_PLAN', years: [2022], sha256: `v${version}`, regionKey: 'region:test' })],
      Section: secs,
      Commitment: commitments,
      IndicatorValue: values,
    },
    shared: {
      Institution: [node('Institution', { id: `inst:${doc}:${version % 2}`, name: `医院${version % 2}`, type: 'HOSPITAL' }), node('Institution', { id: 'inst:shared', name: '市疾控中心', type: 'CDC' })],
      Indicator: [node('Indicator', { id: 'ind:beds', name: '床位数', unit: '张' })],
    },
    rels: [
      { type: 'HAS_SECTION', from: 'Document', to: 'Section', rows: secs.map((s) => ({ a: doc, b: s.id })) },
      { type: 'STATES', from: 'Section', to: 'Commitment', rows: commitments.map((c, i) => ({ a: secs[i]!.id, b: c.id })) },
      { type: 'HAS_STATEMENT', from: 'Document', to: 'Commitment', rows: commitments.map((c) => ({ a: doc, b: c.id })) },
      { type: 'INVOLVES', from: 'Commitment', to: 'Institution', rows: [{ a: commitments[0]!.id, b: `inst:${doc}:${version % 2}`, alias: '医院' }, { a: commitments[0]!.id, b: 'inst:shared', alias: null }] },
      { type: 'TARGETS', from: 'Commitment', to: 'IndicatorValue', rows: values.map((v, i) => ({ a: commitments[i]!.id, b: v.id })) },
      { type: 'OF', from: 'IndicatorValue', to: 'Indicator', rows: values.map((v) => ({ a: v.id, b: 'ind:beds' })) },
    ],
  };
}

/** What one document looks like through traversals from its Document node (not bare counts). */
export async function documentShape(store: GraphStore, doc: string) {
  const rows = await store.read({
    name: 'test.shape',
    text: `MATCH (d:Document {id: $doc})-[:HAS_SECTION]->(s:Section)-[:STATES]->(c:Commitment)
           OPTIONAL MATCH (c)-[:TARGETS]->(v:IndicatorValue)-[:OF]->(i:Indicator)
           RETURN d.title AS title, s.heading AS heading, c.text AS text, v.value AS value, i.id AS indicator
           ORDER BY heading`,
    params: { doc },
  });
  const involved = await store.read({
    name: 'test.involves',
    text: `MATCH (d:Document {id: $doc})-[:HAS_SECTION]->(:Section)-[:STATES]->(:Commitment)-[r:INVOLVES]->(i:Institution) RETURN i.id AS id, r.alias AS alias ORDER BY id`,
    params: { doc },
  });
  const owned = await store.read({
    name: 'test.owned',
    text: `MATCH (n:Section|Commitment|IndicatorValue {doc: $doc}) RETURN count(n) AS c`,
    params: { doc },
  });
  return { rows, involved, owned: owned[0]?.c };
}

export function storeContract(engine: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${engine}`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open();
      await store.reset();
    });
    afterAll(async () => store?.close());

    it('writes a document subgraph that traversals read back, with plain JS values', async () => {
      await store.replaceDocuments([sampleBatch('doc:a', 1)]);
      const shape = await documentShape(store, 'doc:a');
      expect(shape.rows).toHaveLength(3);
      expect(shape.rows[0]).toEqual({ title: '标题 v1', heading: '第1节 v1', text: '承诺0 v1', value: 81.76, indicator: 'ind:beds' });
      // A batch mixing whole and decimal numbers keeps both exactly.
      expect(shape.rows.map((r) => r.value)).toEqual([81.76, 2, 81.76]);
      expect(shape.involved).toEqual([{ id: 'inst:doc:a:1', alias: '医院' }, { id: 'inst:shared', alias: null }]);
      const [sum] = await store.read({ name: 'test.sum', text: 'MATCH (s:Section {doc: $doc}) RETURN sum(s.ord) AS total, count(s) AS n', params: { doc: 'doc:a' } });
      expect(sum).toEqual({ total: 3, n: 3 });
    });

    it('round-trips any row exactly: empty strings, nulls, separators, line breaks, any Unicode (property test)', async () => {
      // Strings drawn to hit what packing could confuse: empty, the packing characters, breaks, astral characters.
      const tricky = fc.oneof(
        fc.constant(''),
        fc.constantFrom('\u0002', '\u0003', '\u0004', '\u001e', '\u001f', '\n', '\r\n', '\t', ' ', '𠮷', '“”', '\\', "'"),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', '\u001f', '', '卫', '\n'), maxLength: 6 }),
      );
      const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
      const commitment = (doc: string, i: number) =>
        fc.record({
          text: tricky,
          quote: nullable(tricky),
          sectionPath: nullable(tricky),
          role: nullable(tricky),
          region: nullable(tricky),
          deadline: nullable(tricky),
          terms: nullable(fc.array(tricky, { maxLength: 4 })),
          broad: nullable(fc.boolean()),
          planYear: nullable(fc.integer({ min: 1949, max: 2100 })),
          spanStart: nullable(fc.nat()),
          ord: fc.constant(i),
        }).map((r): NodeRow<'Commitment'> => ({ ...Object.fromEntries(Object.keys(NODES.Commitment.props).map((k) => [k, null])), ...r, id: `${doc}/c${i}`, doc } as NodeRow<'Commitment'>));
      const document = (doc: string) =>
        fc.record({ title: tricky, years: nullable(fc.array(fc.integer({ min: 1949, max: 2100 }), { maxLength: 3 })), chars: nullable(fc.nat()) })
          .map((r): NodeRow<'Document'> => ({ ...Object.fromEntries(Object.keys(NODES.Document.props).map((k) => [k, null])), ...r, id: doc, doc } as NodeRow<'Document'>));
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 6 }).chain((size) => {
            const doc = `doc:prop${n++}`;
            return fc.tuple(fc.constant(doc), document(doc), fc.tuple(...Array.from({ length: size }, (_, i) => commitment(doc, i))));
          }),
          async ([doc, d, cs]) => {
            await store.replaceDocuments([{ documentId: doc, nodes: { Document: [d], Commitment: cs }, shared: {}, rels: [] }]);
            const [gotDoc] = await store.read({ name: 'test.prop.doc', text: 'MATCH (d:Document {id: $doc}) RETURN d.title AS title, d.years AS years, d.chars AS chars', params: { doc } });
            expect(gotDoc).toEqual({ title: d.title, years: d.years, chars: d.chars });
            const got = await store.read({
              name: 'test.prop.rows',
              text: 'MATCH (c:Commitment {doc: $doc}) RETURN c.text AS text, c.quote AS quote, c.sectionPath AS sectionPath, c.role AS role, c.region AS region, c.deadline AS deadline, c.terms AS terms, c.broad AS broad, c.planYear AS planYear, c.spanStart AS spanStart ORDER BY c.ord',
              params: { doc },
            });
            expect(got).toEqual(cs.map((c) => ({ text: c.text, quote: c.quote, sectionPath: c.sectionPath, role: c.role, region: c.region, deadline: c.deadline, terms: c.terms, broad: c.broad, planYear: c.planYear, spanStart: c.spanStart })));
          },
        ),
        { numRuns: 60, seed: 20261204 },
      );
    });

    it('keeps every kind of value exactly, with and without the characters LadybugDB rows are packed with', async () => {
      // Values a packed row could confuse: nulls, empty and one-item lists, booleans, whole and decimal
      // numbers; then the same with the separator characters inside a string, which go as objects instead.
      for (const [doc, odd] of [['doc:v1', ''], ['doc:v2', 'a\u001fb\u001ec\u0002\u0003']] as const) {
        const row = (i: number) => node('Commitment', {
          id: `${doc}/c${i}`, doc, ord: i, text: `承诺${odd}${i}`, spanStart: i, spanEnd: i + 1, quote: `引${odd}`,
          terms: i === 0 ? [] : i === 1 ? ['床位'] : ['床位', `数${odd}`], broad: i % 2 === 0, planYear: i === 2 ? null : 2022, deadline: null,
        });
        const years = { Document: [node('Document', { id: doc, doc, title: `标题${odd}`, years: [2022, 2023] })] };
        await store.replaceDocuments([{ documentId: doc, nodes: { ...years, Commitment: [row(0), row(1), row(2)] }, shared: {}, rels: [] }]);
        const rows = await store.read({
          name: 'test.values',
          text: 'MATCH (c:Commitment {doc: $doc}) RETURN c.text AS text, c.quote AS quote, c.terms AS terms, c.broad AS broad, c.planYear AS planYear, c.deadline AS deadline ORDER BY c.ord',
          params: { doc },
        });
        expect(rows).toEqual([0, 1, 2].map((i) => {
          const r = row(i);
          return { text: r.text, quote: r.quote, terms: r.terms, broad: r.broad, planYear: r.planYear, deadline: null };
        }));
        const [d] = await store.read({ name: 'test.doc', text: 'MATCH (d:Document {id: $doc}) RETURN d.title AS title, d.years AS years', params: { doc } });
        expect(d).toEqual({ title: `标题${odd}`, years: [2022, 2023] });
        await store.removeDocument(doc);
      }
    });

    it('re-writing the same document changes no count', async () => {
      const before = await store.counts();
      await store.replaceDocuments([sampleBatch('doc:a', 1)]);
      expect(await store.counts()).toEqual(before);
    });

    it('a changed version replaces the old one entirely and prunes orphaned shared nodes', async () => {
      await store.replaceDocuments([sampleBatch('doc:b', 1)]);
      await store.replaceDocuments([sampleBatch('doc:a', 2, 2)]);
      const a = await documentShape(store, 'doc:a');
      expect(a.rows.map((r) => r.heading)).toEqual(['第1节 v2', '第2节 v2']);
      expect(a.owned).toBe(6);
      expect(a.involved.map((r) => r.id)).toEqual(['inst:doc:a:0', 'inst:shared']);
      const insts = await store.read({ name: 'test.insts', text: 'MATCH (i:Institution) RETURN i.id AS id ORDER BY id', params: {} });
      expect(insts.map((r) => r.id)).toEqual(['inst:doc:a:0', 'inst:doc:b:1', 'inst:shared']);
      expect((await documentShape(store, 'doc:b')).rows).toHaveLength(3);
    });

    it('a write that fails midway leaves the store exactly as it was, and the store keeps working', async () => {
      const before = await documentShape(store, 'doc:a');
      const counts = await store.counts();
      const good = sampleBatch('doc:a', 3);
      // The second Section row repeats an id: the uniqueness check fails after
      // the old subgraph was already deleted inside the transaction.
      const bad: typeof good = { ...good, nodes: { ...good.nodes, Section: [...good.nodes.Section!, good.nodes.Section![0]!] } };
      await expect(store.replaceDocuments([bad])).rejects.toThrow();
      expect(await documentShape(store, 'doc:a')).toEqual(before);
      expect(await store.counts()).toEqual(counts);
      await store.replaceDocuments([good]);
      expect((await documentShape(store, 'doc:a')).rows.map((r) => r.heading)).toEqual(['第1节 v3', '第2节 v3', '第3节 v3']);
    });

    it('queues concurrent writers instead of failing the second', async () => {
      await Promise.all([1, 2, 3, 4].map((v) => store.replaceDocuments([sampleBatch(`doc:c${v}`, v)])));
      for (const v of [1, 2, 3, 4]) expect((await documentShape(store, `doc:c${v}`)).rows).toHaveLength(3);
    });

    // The export reads through the port like this on every engine: pages keyed on `id > $after` (string
    // order is the engine's own), relationships by their start node's id range. Catches: a page edge skipped
    // or repeated, a label or type whose query the engine refuses.
    it('gives up every node and relationship a small page at a time, as the export reads them', async () => {
      const counts = await store.counts();
      const nodes: Record<string, number> = {};
      const rels: Record<string, number> = {};
      const seen = new Set<string>();
      for (const label of EXPORTED_LABELS) {
        for await (const batch of labelBatches(store, label, { nodes: 2, documents: 1 })) {
          const into = batch.kind === 'nodes' ? nodes : rels;
          const key = batch.kind === 'nodes' ? label : batch.type;
          into[key] = (into[key] ?? 0) + batch.rows.length;
          if (batch.kind === 'nodes') for (const r of batch.rows) seen.add(`${label} ${String(r.id)}`);
        }
      }
      const stored = (m: Readonly<Record<string, number>>) => Object.fromEntries(Object.entries(m).filter(([, n]) => n > 0));
      expect(nodes).toEqual(stored(counts.nodes));
      expect(rels).toEqual(stored(counts.relationships));
      expect(seen.size).toBe(Object.values(nodes).reduce((a, b) => a + b, 0));
      expect(nodes.Section).toBeGreaterThan(2);
    });

    it('replaces corpus-wide links and node properties in one go', async () => {
      const link = (score: number) => ({
        regionKeys: ['region:test'],
        rels: [{ type: 'CONTINUES' as const, from: 'Commitment' as const, to: 'Commitment' as const, rows: [rel('CONTINUES', { a: 'doc:b/s0/c', b: 'doc:a/s0/c', score, terms: '床位\n护理' })] }],
        updates: [{ label: 'Commitment' as const, props: ['status', 'statusReason'], rows: [{ id: 'doc:a/s0/c', status: 'UNTRACKED', statusReason: `no summary (${score})` }] }],
      });
      await store.replaceLinks(link(0.5));
      await store.replaceLinks(link(1));
      const rows = await store.read({
        name: 'test.links',
        text: 'MATCH (a:Commitment)-[r:CONTINUES]->(b:Commitment) RETURN a.id AS a, b.id AS b, r.score AS score, r.terms AS terms, b.status AS status, b.statusReason AS reason',
        params: {},
      });
      expect(rows).toEqual([{ a: 'doc:b/s0/c', b: 'doc:a/s0/c', score: 1, terms: '床位\n护理', status: 'UNTRACKED', reason: 'no summary (1)' }]);
      // A region whose links are recomputed to none loses its old ones.
      await store.replaceLinks({ regionKeys: ['region:test'], rels: [], updates: [] });
      expect(await store.read({ name: 'test.links', text: 'MATCH (:Commitment)-[r:CONTINUES]->() RETURN count(r) AS n', params: {} })).toEqual([{ n: 0 }]);
    });

    it('removes a document and resets', async () => {
      await store.removeDocument('doc:b');
      expect((await documentShape(store, 'doc:b')).rows).toHaveLength(0);
      await store.reset();
      const counts = await store.counts();
      expect(Object.values(counts.nodes).every((n) => n === 0)).toBe(true);
    });

    it('records reviewers’ decisions: merged by id, the latest on each link current, kept through replaces and resets unless asked', async () => {
      const review = (id: string, at: string, decision: string, toId = 'doc:r/o1') =>
        node('Review', { id, kind: 'EVIDENCE', fromId: 'doc:r/s0/c', toId, decision, note: '不是同一项工作', reviewer: '李', at, fromText: '承诺0 v1', toText: '结果', current: false });
      const reviews = () => store.read({ name: 'test.reviews', text: 'MATCH (r:Review) RETURN r.id AS id, r.current AS current, r.decision AS decision, r.note AS note ORDER BY id', params: {} });
      await store.replaceDocuments([sampleBatch('doc:r', 1)]);
      // The newer decision first, the older after: time decides which is current, not the order of writing.
      await store.recordReviews([review('rv:2', '2024-01-02T00:00:00.000Z', 'REJECT')]);
      await store.recordReviews([review('rv:1', '2024-01-01T00:00:00.000Z', 'CONFIRM'), review('rv:3', '2024-01-01T00:00:00.000Z', 'CONFIRM', 'doc:r/o2')]);
      await store.recordReviews([review('rv:1', '2024-01-01T00:00:00.000Z', 'CONFIRM')]);
      const expected = [
        { id: 'rv:1', current: false, decision: 'CONFIRM', note: '不是同一项工作' },
        { id: 'rv:2', current: true, decision: 'REJECT', note: '不是同一项工作' },
        { id: 'rv:3', current: true, decision: 'CONFIRM', note: '不是同一项工作' },
      ];
      expect(await reviews()).toEqual(expected);
      // No document owns them: replacing or removing the document leaves them.
      await store.replaceDocuments([sampleBatch('doc:r', 2)]);
      await store.removeDocument('doc:r');
      await store.reset();
      expect(await reviews()).toEqual(expected);
      expect((await store.counts()).nodes.Review).toBe(3);
      await store.reset({ reviews: true });
      expect(await reviews()).toEqual([]);
    });
  });
}
