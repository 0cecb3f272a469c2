// Ingest's CPU-bound steps on worker threads (PLANTRACE_WORKERS): the same
// batches, links, failures and store as on the calling thread, written in the
// order given, dropped when aborted before their write, and the event loop
// free while a large document is understood.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../../src/graph/ladybug/store.ts';
import type { DocumentBatch, GraphStore } from '../../../src/graph/port.ts';
import { linkQueries } from '../../../src/graph/queries/links.ts';
import { resolvePaths } from '../../../src/ingest/read/paths.ts';
import { Intake } from '../../../src/ingest/store/intake.ts';
import { ingestBytes, ingestFiles, ON_THIS_THREAD, startWorkers, type Workers } from '../../../src/ingest/store/ingest.ts';
import { linkPart, type LinkPartTask } from '../../../src/ingest/store/link-part.ts';
import { prepareDocument, type PrepareTask } from '../../../src/ingest/store/prepare.ts';
import { recordDecision } from '../../../src/ingest/store/reviews.ts';
import { inOrder } from '../../../src/ingest/store/workers/ahead.ts';
import { largeDocument } from '../../../scripts/large-document.ts';
import { bomb, deflated, docxParts, documentXml, DOCUMENT_HEAD, DOCUMENT_TAIL, zip } from '../zips.ts';

const dir = mkdtempSync(join(tmpdir(), 'plantrace-workers-'));
const AT = new Date('2026-01-02T03:04:05.000Z');
let workers: Workers;

beforeAll(() => {
  workers = startWorkers(2);
});
afterAll(async () => {
  await workers?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What crosses between threads as a Buffer arrives as a plain Uint8Array: compared as bytes. */
const asBytes = <T>(outcome: T): T => JSON.parse(JSON.stringify(outcome, (_, v) => (v instanceof Uint8Array ? { bytes: Buffer.from(v).toString('base64') } : v?.type === 'Buffer' ? { bytes: Buffer.from(v.data).toString('base64') } : v)));

const task = (path: string, storedHash: string | null = null): PrepareTask => ({ label: path, from: { path }, at: AT.toISOString(), storedHash });

describe('a document prepared on a worker thread', () => {
  it('gives exactly the batch and document this thread gives, for every seed', async () => {
    for (const file of await resolvePaths(['seeds'])) {
      const here = await prepareDocument(task(file));
      const there = await workers.prepare(task(file));
      expect(there.outcome.kind, file).toBe('prepared');
      expect(asBytes(there.outcome), file).toEqual(asBytes(here.outcome));
    }
  });

  it('is unchanged when the store holds its text, as on this thread', async () => {
    const [file] = await resolvePaths(['seeds']);
    const prepared = await prepareDocument(task(file!));
    if (prepared.outcome.kind !== 'prepared') throw new Error('expected a batch');
    const sha = String(prepared.outcome.batch.nodes.Document![0]!.sha256);
    expect((await workers.prepare(task(file!, sha))).outcome).toEqual({ kind: 'unchanged', documentId: prepared.outcome.document.id });
  });

  it('fails with the code and the message it fails with on this thread (empty, binary, damaged, too deep, a bomb, no structure)', async () => {
    const bad = join(dir, 'bad');
    const files: Record<string, Uint8Array | string> = {
      'empty.txt': '',
      'binary.txt': Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
      'truncated.docx': zip(docxParts(deflated('word/document.xml', documentXml(['一、总体要求', '加快推进医院建设。'])))).subarray(0, 200),
      'deep.docx': zip(docxParts(deflated('word/document.xml', `${DOCUMENT_HEAD}${'<w:sdt>'.repeat(600)}${'</w:sdt>'.repeat(600)}${DOCUMENT_TAIL}`))),
      'bomb.docx': zip(docxParts(bomb('word/document.xml', { head: DOCUMENT_HEAD, body: '<w:p><w:r><w:t>推进建设。</w:t></w:r></w:p>'.repeat(20_000), times: 40, tail: DOCUMENT_TAIL }))),
      'numbers.txt': '12345\n67890\n',
    };
    const paths = Object.entries(files).map(([name, content]) => {
      const path = join(`${bad}-${name}`);
      writeFileSync(path, content);
      return path;
    });
    // From a file the worker reads, and from bytes sent to it (the API's way).
    const tasks = paths.flatMap((p) => [task(p), { ...task(p), label: p.split('/').pop()!, from: { name: p.split('/').pop()!, bytes: readFileSync(p) } }]);
    const there = await Promise.all(tasks.map((t) => workers.prepare(t)));
    const here = await Promise.all(tasks.map((t) => prepareDocument(t)));
    expect(there.map((r) => r.outcome)).toEqual(here.map((r) => r.outcome));
    const codes = there.map((r) => (r.outcome.kind === 'failed' ? r.outcome.failure.code : r.outcome.kind));
    expect(codes).toEqual(['EMPTY', 'BINARY', 'CORRUPT', 'TOO_DEEP', 'TOO_LARGE', 'NO_STRUCTURE'].flatMap((code) => [code, code]));
  });

  it('keeps the event loop turning while a large document is understood', async () => {
    const one = startWorkers(1);
    try {
      // Warm the thread (loading the modules and jieba is not what is measured).
      await one.prepare(task(join('seeds', '004_80ecafe8e7002946.txt')));
      const bytes = Buffer.from(largeDocument(2 * 2 ** 20));
      let ticks = 0;
      let longest = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        ticks++;
      }, 10);
      const started = performance.now();
      const result = await one.prepare({ label: 'big.txt', from: { name: 'big.txt', bytes }, at: AT.toISOString(), storedHash: null });
      const took = performance.now() - started;
      clearInterval(timer);
      expect(result.outcome.kind).toBe('prepared');
      // On this thread the timer could not fire at all until the document was
      // understood (seconds); off it, only handing the batch over holds the
      // loop up. Bounds generous enough for two busy shared cores.
      expect(ticks, `${ticks} ticks in ${took.toFixed(0)} ms, longest gap ${longest.toFixed(0)} ms`).toBeGreaterThan(Math.min(20, took / 100));
      expect(longest, `${ticks} ticks in ${took.toFixed(0)} ms`).toBeLessThan(Math.max(1_500, took / 3));
    } finally {
      await one.close();
    }
  }, 120_000);
});

describe('ingest with workers', () => {
  /** Everything the ingest and the relink wrote that a reader sees, ordered. */
  async function contents(store: GraphStore) {
    const q = (name: string, text: string) => store.read({ name, text, params: {} });
    return {
      counts: await store.counts(),
      documents: await q('t.docs', 'MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.sha256 AS sha, d.ingestedAt AS at ORDER BY id'),
      commitments: await q('t.c', 'MATCH (c:Commitment) RETURN c.id AS id, c.text AS text, c.status AS status, c.statusReason AS reason, c.reporting AS reporting ORDER BY id'),
      outcomes: await q('t.o', 'MATCH (o:Outcome) RETURN o.id AS id, o.text AS text ORDER BY id'),
      evidence: await q('t.e', 'MATCH (c:Commitment)-[r:EVIDENCED_BY]->(o:Outcome) RETURN c.id AS a, o.id AS b, r.score AS score, r.verdict AS verdict, r.terms AS terms, r.review AS review ORDER BY a, b'),
      continuations: await q('t.k', 'MATCH (c:Commitment)-[r:CONTINUES]->(x) RETURN c.id AS a, x.id AS b, r.score AS score, r.verdict AS verdict, r.review AS review ORDER BY a, b'),
    };
  }

  it('stores and links exactly what an ingest on this thread does, reviewers’ decisions obeyed', async () => {
    const files = await resolvePaths(['seeds', 'test/fixtures/corpus/luoyang-2023-plan.txt', 'test/fixtures/corpus/luoyang-2023-summary.txt']);
    const stores = await Promise.all(['here', 'there'].map((name) => openLadybugStore({ path: join(dir, `same-${name}`) })));
    const [here, there] = stores as [GraphStore, GraphStore];
    try {
      const a = await ingestFiles(files, here, { now: () => AT });
      const b = await ingestFiles(files, there, { now: () => AT, workers });
      expect(b).toEqual(a);
      expect(b.links.evidence).toBeGreaterThan(50);
      // A reviewer rejects one machine link and confirms one the rules did not make: the relink on a worker obeys both.
      const [link] = await here.read({ name: 't.link', text: 'MATCH (c:Commitment)-[:EVIDENCED_BY]->(o:Outcome) RETURN c.id AS cid, o.id AS oid ORDER BY cid, oid LIMIT 1', params: {} });
      const before = await contents(here);
      const linked = new Set(before.evidence.map((e) => `${e.a} ${e.b}`));
      const regionOf = new Map((await here.read({ name: 't.regions', text: 'MATCH (n:Commitment|Outcome) RETURN n.id AS id, n.regionKey AS key', params: {} })).map((r) => [String(r.id), String(r.key)]));
      const outcomeIds = before.outcomes.map((o) => String(o.id));
      const unlinked = before.commitments
        .map((c) => ({ c: String(c.id), o: outcomeIds.find((o) => regionOf.get(o) === regionOf.get(String(c.id)) && !linked.has(`${c.id} ${o}`)) }))
        .find((pair) => pair.o !== undefined);
      for (const [c, o, decision] of [[link!.cid, link!.oid, 'REJECT'], [unlinked!.c, unlinked!.o, 'CONFIRM']] as const) {
        const request = { kind: 'EVIDENCE', from: String(c), to: String(o), decision, note: null, reviewer: '审核员' } as const;
        expect(await recordDecision(here, request, { now: AT })).toMatchObject({ status: 'RECORDED' });
        expect(await recordDecision(there, request, { now: AT, workers })).toMatchObject({ status: 'RECORDED' });
      }
      const [mine, theirs] = await Promise.all([contents(here), contents(there)]);
      expect(theirs).toEqual(mine);
      expect(theirs.evidence.find((e) => e.a === link!.cid && e.b === link!.oid)).toBeUndefined();
      expect(theirs.evidence.find((e) => e.a === unlinked!.c && e.b === unlinked!.o)).toMatchObject({ review: expect.stringMatching(/^review-/) });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 120_000);

  it('computes a part’s links on a worker exactly as on this thread, from the same rows', async () => {
    const store = await openLadybugStore({ path: ':memory:' });
    try {
      await ingestFiles(await resolvePaths(['seeds']), store, { now: () => AT });
      const keys = (await store.read(linkQueries.regionKeys())).map((r) => String(r.key));
      const read = (q: ReturnType<typeof linkQueries.commitments>) => store.read(q);
      const part: LinkPartTask = {
        regionKeys: keys,
        rows: {
          commitments: await read(linkQueries.commitments(keys)),
          outcomes: await read(linkQueries.outcomes(keys)),
          institutions: await read(linkQueries.institutions(keys)),
          commitmentIndicators: await read(linkQueries.commitmentIndicators(keys)),
          outcomeIndicators: await read(linkQueries.outcomeIndicators(keys)),
        },
        decisions: [],
      };
      const there = await workers.link(part);
      expect(there).toEqual(linkPart(part));
      expect(there.evidence).toBeGreaterThan(50);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('writes and acknowledges documents in the order given, though a large first one is understood last', async () => {
    const big = join(dir, 'big-first.txt');
    writeFileSync(big, largeDocument(2 ** 20));
    const files = [big, ...(await resolvePaths(['seeds']))];
    const store = await openLadybugStore({ path: ':memory:' });
    const written: string[] = [];
    const recording = new Proxy(store, {
      get: (target, key) =>
        key === 'replaceDocuments'
          ? (batches: readonly DocumentBatch[]) => (written.push(...batches.map((b) => b.documentId)), target.replaceDocuments(batches))
          : Reflect.get(target, key),
    });
    const finished: string[] = [];
    const watching: Workers = { ...workers, threads: workers.threads, prepare: async (t, s) => { const r = await workers.prepare(t, s); finished.push(t.label); return r; }, link: (t) => workers.link(t), close: async () => {} };
    try {
      const report = await ingestFiles(files, recording, { workers: watching, writeGroup: 1 });
      expect(report.failed).toEqual([]);
      expect(report.ingested.map((d) => d.name)).toEqual(files.map((f) => f.split('/').pop()));
      expect(written).toEqual(report.ingested.map((d) => d.id));
      // The point of the test: the threads did finish out of order.
      expect(finished[0]).not.toBe(big);
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('an ingest aborted before its write (its request timed out)', () => {
  it('is dropped while a worker understands it: nothing stored or journaled, and the threads go on', async () => {
    const store = await openLadybugStore({ path: join(dir, 'aborted') });
    try {
      const bytes = Buffer.from(largeDocument(2 * 2 ** 20));
      const timedOut = new AbortController();
      const reason = new Error('timed out');
      setTimeout(() => timedOut.abort(reason), 200);
      await expect(ingestBytes(store, { name: 'big.txt', bytes }, { workers, signal: timedOut.signal })).rejects.toBe(reason);
      expect((await store.counts()).nodes.Document).toBe(0);
      expect(Intake.open(join(dir, 'aborted')).pending()).toEqual([]);
      const seed = readFileSync(join('seeds', '004_80ecafe8e7002946.txt'));
      expect(await ingestBytes(store, { name: '004.txt', bytes: seed }, { workers })).toMatchObject({ status: 'INGESTED' });
      expect(Intake.open(join(dir, 'aborted')).pending()).toHaveLength(1);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('is dropped when the abort comes as its understanding ends, before the journal and the write', async () => {
    const store = await openLadybugStore({ path: join(dir, 'aborted-late') });
    try {
      const timedOut = new AbortController();
      const late: Workers = { ...ON_THIS_THREAD, prepare: async (t) => { const r = await prepareDocument(t); timedOut.abort(new Error('late')); return r; } };
      const seed = readFileSync(join('seeds', '004_80ecafe8e7002946.txt'));
      await expect(ingestBytes(store, { name: '004.txt', bytes: seed }, { workers: late, signal: timedOut.signal })).rejects.toThrow('late');
      expect((await store.counts()).nodes.Document).toBe(0);
      expect(Intake.open(join(dir, 'aborted-late')).pending()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('inOrder', () => {
  it('gives results in the items’ order, with at most `ahead` started beyond the one consumed', async () => {
    const started: number[] = [];
    const delays = [50, 1, 30, 1, 10];
    const got: number[] = [];
    for await (const n of inOrder(delays.map((_, i) => i), (i) => (started.push(i), new Promise<number>((r) => setTimeout(() => r(i), delays[i]))), 2)) {
      got.push(n);
      // When item n is handed over, items up to n + 2 have been started, and no more.
      expect(started.length).toBe(Math.min(delays.length, n + 3));
    }
    expect(got).toEqual([0, 1, 2, 3, 4]);
  });
});
