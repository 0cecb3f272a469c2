// One scale of the ingest bench, in a process of its own so that its peak
// memory (the kernel's max RSS) is this scale's alone. Called by bench/ingest.ts:
//   node bin/run.js bench/ingest-worker.ts --dir <corpus> --label 100x [--queries 200]
// Prints one JSON line (WorkerResult) last on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLadybugStore } from '../src/graph/ladybug/store.ts';
import type { GraphStore, Query } from '../src/graph/port.ts';
import { documentQueries, sectionQueries, statementQueries } from '../src/graph/queries/index.ts';
import { findBoxes } from '../src/ingest/boxes.ts';
import { clean } from '../src/ingest/clean.ts';
import { describe } from '../src/ingest/describe.ts';
import { ingestFiles, resolvePaths, type IngestStage } from '../src/ingest/ingest.ts';
import { outline } from '../src/ingest/outline.ts';
import { understand } from '../src/ingest/pipeline.ts';
import { statements } from '../src/ingest/statements.ts';
import { findIndicatorTables } from '../src/ingest/tables.ts';
import { rawInsertRate, rawSegmentationRate } from './references.ts';

export type UnderstandStage = 'clean' | 'describe' | 'outline' | 'statements' | 'facts';

export interface QueryTiming {
  readonly name: string;
  readonly p50: number;
  readonly p99: number;
  readonly rows: number;
}

export interface WorkerResult {
  readonly label: string;
  readonly documents: number;
  readonly failed: number;
  readonly bytes: number;
  readonly wallMs: number;
  readonly stages: Readonly<Record<IngestStage, number>>;
  /** The understand stage split into its parts, measured on the same texts after the ingest. */
  readonly understand: Readonly<Record<UnderstandStage, number>>;
  readonly hasFacts: boolean;
  /** Nodes and relationships the documents wrote (links excluded), for the write rate. */
  readonly rowsWritten: number;
  readonly links: number;
  readonly peakRssBytes: number;
  readonly queries: readonly QueryTiming[];
  readonly reference: { readonly jiebaMBps: number; readonly insertRowsPerSec: number; readonly insertRows: number };
}

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

async function main(): Promise<void> {
  const dir = arg('dir');
  const label = arg('label');
  const queryRuns = Number(arg('queries', '200'));
  const data = mkdtempSync(join(tmpdir(), 'plantrace-bench-'));
  const store = await openLadybugStore({ path: join(data, 'store') });
  try {
    const files = await resolvePaths([dir]);
    const stages: Record<IngestStage, number> = { read: 0, understand: 0, batch: 0, write: 0, link: 0 };
    const started = performance.now();
    const report = await ingestFiles(files, store, { onStage: (stage, ms) => (stages[stage] += ms) });
    const wallMs = performance.now() - started;
    // The kernel's high-water mark so far: the ingest's peak (this process did nothing bigger before it).
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    const counts = await store.counts();
    const links = counts.relationships.EVIDENCED_BY + counts.relationships.CONTINUES;
    const rowsWritten = Object.values(counts.nodes).reduce((a, b) => a + b, 0) + Object.values(counts.relationships).reduce((a, b) => a + b, 0) - links;

    const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const parts = understandParts(files, texts);
    const queries = await timeQueries(store, queryRuns);
    const jiebaMBps = rawSegmentationRate(texts);
    const insert = await rawInsertRate(texts, join(data, 'raw'));
    const result: WorkerResult = {
      label,
      documents: report.ingested.length,
      failed: report.failed.length,
      bytes,
      wallMs,
      stages,
      understand: parts.stages,
      hasFacts: parts.hasFacts,
      rowsWritten,
      links,
      peakRssBytes,
      queries,
      reference: { jiebaMBps, insertRowsPerSec: insert.rowsPerSec, insertRows: insert.rows },
    };
    console.log(JSON.stringify(result));
  } finally {
    await store.close();
    rmSync(data, { recursive: true, force: true });
  }
}

/**
 * The understand stage's parts, timed one by one on (up to 1,000 of) the same
 * texts. Facts, when the pipeline has them, are what understand() costs on
 * top of the parts measured here; scaled to the whole corpus.
 */
function understandParts(files: readonly string[], texts: readonly string[]) {
  const t: Record<UnderstandStage, number> = { clean: 0, describe: 0, outline: 0, statements: 0, facts: 0 };
  const step = Math.max(1, Math.floor(texts.length / 1000));
  let whole = 0;
  let sampled = 0;
  let hasFacts = false;
  const time = <T>(stage: UnderstandStage, work: () => T): T => {
    const s = performance.now();
    const r = work();
    t[stage] += performance.now() - s;
    return r;
  };
  for (let i = 0; i < texts.length; i += step) {
    sampled++;
    const documentId = `doc-${i}`;
    const c = time('clean', () => clean(texts[i]!));
    const d = time('describe', () => describe(c));
    const tree = time('outline', () => {
      const skip = [...findIndicatorTables(c).blocks, ...findBoxes(c).blocks];
      return { skip, ...outline(c, d, { documentId, skip }) };
    });
    time('statements', () => statements(c, tree.sections, { documentId, skip: tree.skip }));
    const s = performance.now();
    const u = understand({ name: files[i]!, format: 'txt', encoding: 'UTF-8', text: texts[i]! });
    whole += performance.now() - s;
    hasFacts ||= 'facts' in u;
  }
  const parts = t.clean + t.describe + t.outline + t.statements;
  if (hasFacts) t.facts = Math.max(0, whole - parts);
  const scale = texts.length / sampled;
  for (const k of Object.keys(t) as UnderstandStage[]) t[k] *= scale;
  return { stages: t, hasFacts };
}

/** A few read queries the API sends, straight through store.read: p50/p99 after a warm-up. */
async function timeQueries(store: GraphStore, runs: number): Promise<QueryTiming[]> {
  const docs = await store.read(documentQueries.list({}));
  const region = String(docs.find((d) => d.region)?.region ?? '');
  const ids = docs.slice(0, 20).map((d) => String(d.id));
  const year = Number((docs[0]?.years as number[] | undefined)?.[0] ?? 2022);
  const page = { skip: 0, limit: 20 };
  const queries: Query[] = [
    documentQueries.list({ region }),
    sectionQueries.topLevel(ids.slice(0, 1)),
    statementQueries.commitments({ region }, page),
    statementQueries.commitmentCount({ region }),
    statementQueries.outcomes({ year }, page),
    statementQueries.countsByDocument(ids),
  ];
  const out: QueryTiming[] = [];
  for (const q of queries) {
    let rows = 0;
    for (let i = 0; i < 5; i++) rows = (await store.read(q)).length;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await store.read(q);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    out.push({ name: q.name, p50: at(0.5), p99: at(0.99), rows });
  }
  return out;
}

await main();
