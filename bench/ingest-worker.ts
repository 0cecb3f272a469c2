// One scale of the ingest bench, in a process of its own so that its peak
// memory (the kernel's max RSS) is this scale's alone. Called by bench/ingest.ts:
//   node bin/run.js bench/ingest-worker.ts --dir <corpus> --label 100x [--queries 50] [--with-seeds] [--workers 2]
// Prints one JSON line (WorkerResult) last on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLadybugStore } from '../src/graph/ladybug/store.ts';
import type { GraphStore } from '../src/graph/port.ts';
import { createApollo, executeIn } from '../src/server/apollo.ts';
import { examples } from '../src/server/examples.ts';
import { ingestFiles, startWorkers, type IngestStage } from '../src/ingest/store/ingest.ts';
import { resolvePaths } from '../src/ingest/read/paths.ts';
import { understand, UNDERSTAND_STAGES, type UnderstandStage } from '../src/ingest/pipeline.ts';
import { rawInsertRate, rawSegmentationRate } from './references.ts';
import { unchanging } from './unchanging.ts';

export type { UnderstandStage };

export interface QueryTiming {
  readonly name: string;
  readonly p50: number;
  readonly p99: number;
  /** The answer's length in characters of JSON. */
  readonly size: number;
}

export interface WorkerResult {
  readonly label: string;
  /** Worker threads that understood the documents and computed the links (PLANTRACE_WORKERS); 0: the main thread. */
  readonly workers: number;
  readonly documents: number;
  readonly failed: number;
  readonly bytes: number;
  readonly wallMs: number;
  readonly stages: Readonly<Record<IngestStage, number>>;
  /** The understand stage split into its parts, measured on the same texts after the ingest. */
  readonly understand: Readonly<Record<UnderstandStage, number>>;
  /** Nodes and relationships the documents wrote (links excluded), for the write rate. */
  readonly rowsWritten: number;
  readonly links: number;
  readonly peakRssBytes: number;
  readonly queries: readonly QueryTiming[];
  readonly reference: { readonly jiebaMBps: number; readonly insertRowsPerSec: number; readonly insertRows: number };
}

const SEEDS = fileURLToPath(new URL('../seeds', import.meta.url));

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

async function main(): Promise<void> {
  const dir = arg('dir');
  const label = arg('label');
  const queryRuns = Number(arg('queries', '50'));
  const threads = Number(arg('workers', '0'));
  const data = mkdtempSync(join(tmpdir(), 'plantrace-bench-'));
  const store = await openLadybugStore({ path: join(data, 'store') });
  try {
    // With --with-seeds the seeds go in too, so the example questions (which name the seeds' places and ids) ask the same things.
    const files = await resolvePaths(process.argv.includes('--with-seeds') ? [dir, SEEDS] : [dir]);
    const stages: Record<IngestStage, number> = { read: 0, understand: 0, batch: 0, write: 0, link: 0 };
    // Started, and their modules loaded, within the timed ingest: a CLI ingest pays for that too.
    const started = performance.now();
    const workers = startWorkers(threads);
    const report = await ingestFiles(files, store, { onStage: (stage, ms) => (stages[stage] += ms), workers });
    await workers.close();
    const wallMs = performance.now() - started;
    // The kernel's high-water mark so far: the ingest's peak (this process did nothing bigger before it).
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    const counts = await store.counts();
    const links = counts.relationships.EVIDENCED_BY + counts.relationships.CONTINUES;
    const rowsWritten = Object.values(counts.nodes).reduce((a, b) => a + b, 0) + Object.values(counts.relationships).reduce((a, b) => a + b, 0) - links;

    const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const parts = understandParts(files, texts);
    const queries = await timeExamples(unchanging(store), queryRuns);
    const jiebaMBps = rawSegmentationRate(texts);
    const insert = await rawInsertRate(texts, join(data, 'raw'));
    const result: WorkerResult = {
      label,
      workers: threads,
      documents: report.ingested.length,
      failed: report.failed.length,
      bytes,
      wallMs,
      stages,
      understand: parts.stages,
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
 * The understand stage's parts, timed by the pipeline's own hook on (up to
 * 1,000 of) the same texts, scaled to the whole corpus.
 */
function understandParts(files: readonly string[], texts: readonly string[]) {
  const t = Object.fromEntries(UNDERSTAND_STAGES.map((stage) => [stage, 0])) as Record<UnderstandStage, number>;
  const step = Math.max(1, Math.floor(texts.length / 1000));
  let sampled = 0;
  for (let i = 0; i < texts.length; i += step) {
    sampled++;
    understand({ name: files[i]!, format: 'txt', encoding: 'UTF-8', text: texts[i]! }, { onStage: (stage, ms) => (t[stage] += ms) });
  }
  const scale = texts.length / sampled;
  for (const k of UNDERSTAND_STAGES) t[k] *= scale;
  return { stages: t };
}

/**
 * The GraphiQL example questions, answered through Apollo and the resolvers
 * straight from the store (no answer or read cache: what the store and the
 * resolvers cost; search's index is held, built in the warm-up), p50/p99 after a warm-up. `size` is the answer's length in
 * JSON, to show which answers grow with the corpus.
 */
async function timeExamples(store: GraphStore, runs: number): Promise<QueryTiming[]> {
  const apollo = createApollo();
  await apollo.start();
  const out: QueryTiming[] = [];
  try {
    for (const example of examples) {
      const ask = async () => {
        const result = await executeIn(apollo, store, example.query);
        if (result.errors) throw new Error(`${example.name} failed: ${JSON.stringify(result.errors)}`);
        return JSON.stringify(result.data).length;
      };
      let size = 0;
      for (let i = 0; i < 3; i++) size = await ask();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        await ask();
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
      out.push({ name: example.name, p50: at(0.5), p99: at(0.99), size });
    }
  } finally {
    await apollo.stop();
  }
  return out;
}

await main();
