// The ingest bench: synthetic corpora at 10×/100×/1000× the seeds, each
// ingested into a fresh on-disk store in a process of its own, with stage
// times, peak memory, read-query latencies, and the same run's reference
// rates (raw jieba segmentation, raw batched insert) to divide by.
//   node bin/run.js bench/ingest.ts [--scales 10,100,1000] [--workers 2,0] [--seed 1] [--queries 50]   (default 10,100)
// Each scale is ingested once per PLANTRACE_WORKERS setting (default: one
// thread per core, then 0); the tables and goals are of the first setting,
// and a last table compares the settings.
// or from the bench runner: `await benchIngest({ scales })`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { writeCorpus } from '../scripts/generate-corpus.ts';
import type { QueryTiming, WorkerResult } from './ingest-worker.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = join(ROOT, 'seeds');

/**
 * 10× and 100× take about a minute together; 1000× (5,000 documents,
 * 137 MiB) about 9 minutes on two cores, so it runs only when asked for.
 */
export const DEFAULT_SCALES: readonly number[] = [10, 100];

export interface IngestBenchOptions {
  readonly scales?: readonly number[];
  readonly seed?: number;
  /** Timed runs per example question (after 3 warm-up runs). */
  readonly queries?: number;
  /** Worker threads per run (PLANTRACE_WORKERS); every scale runs with each, the first giving the main tables. */
  readonly workers?: readonly number[];
  readonly log?: (line: string) => void;
}

export interface Goal {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | null;
}

export interface IngestBenchReport {
  readonly seeds: WorkerResult;
  readonly scales: ReadonlyArray<{ readonly scale: number; readonly result: WorkerResult }>;
  /** Every scale with every workers setting, the first setting's runs included. */
  readonly byWorkers: ReadonlyArray<{ readonly scale: number; readonly result: WorkerResult }>;
  readonly goals: readonly Goal[];
}

/** `--workers 2,0` from an argv; one thread per core, then none, when absent. */
export function workersFrom(argv: readonly string[]): number[] {
  const i = argv.indexOf('--workers');
  if (i < 0) return [availableParallelism(), 0];
  const workers = (argv[i + 1] ?? '').split(',').map(Number);
  if (!workers.length || workers.some((w) => !Number.isInteger(w) || w < 0)) throw new Error(`--workers wants whole numbers ≥ 0, like 2,0 (got ${argv[i + 1]})`);
  return workers;
}

/** `--scales 10,100` from an argv; the defaults when absent. */
export function scalesFrom(argv: readonly string[]): number[] {
  const i = argv.indexOf('--scales');
  if (i < 0) return [...DEFAULT_SCALES];
  const scales = (argv[i + 1] ?? '').split(',').map(Number);
  if (!scales.length || scales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--scales wants whole numbers ≥ 1, like 10,100 (got ${argv[i + 1]})`);
  return scales;
}

export async function benchIngest(options: IngestBenchOptions = {}): Promise<IngestBenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const scales = options.scales ?? DEFAULT_SCALES;
  const seed = options.seed ?? 1;
  const queries = options.queries ?? 50;
  const [main = availableParallelism(), ...others] = options.workers ?? [availableParallelism(), 0];
  log(`ingest bench: seeds + scales ${scales.map((s) => `${s}×`).join(', ')}, seed ${seed}, PLANTRACE_WORKERS ${[main, ...others].join(', ')}; Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  const seedsResult = await runWorker(SEEDS, 'seeds', queries, main);
  const results: Array<{ scale: number; result: WorkerResult }> = [];
  const byWorkers: Array<{ scale: number; result: WorkerResult }> = [];
  for (const scale of scales) {
    const dir = mkdtempSync(join(tmpdir(), `plantrace-corpus-${scale}x-`));
    try {
      const written = writeCorpus(dir, scale, seed);
      log(`  ${scale}×: ${written.documents.length} documents, ${mib(written.bytes)} MiB generated; ingesting with ${main} worker thread(s)…`);
      const result = await runWorker(dir, `${scale}×`, queries, main, true);
      results.push({ scale, result });
      byWorkers.push({ scale, result });
      for (const workers of others) {
        log(`  ${scale}×: again with ${workers} worker thread(s)…`);
        // The example questions are the first run's to time: the store is the same.
        byWorkers.push({ scale, result: await runWorker(dir, `${scale}×`, 1, workers, true) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // The tables are the caller's to print (format): bench/index.ts prints them with the API's.
  return { seeds: seedsResult, scales: results, byWorkers, goals: goals(seedsResult, results) };
}

async function runWorker(dir: string, label: string, queries: number, workers: number, withSeeds = false): Promise<WorkerResult> {
  const args = [join(ROOT, 'bin/run.js'), join(ROOT, 'bench/ingest-worker.ts'), '--dir', dir, '--label', label, '--queries', String(queries), '--workers', String(workers), ...(withSeeds ? ['--with-seeds'] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 2 ** 20, env: { ...process.env, CI: '1' } });
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as WorkerResult;
}

// ---------------------------------------------------------------- figures

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const s = (ms: number) => (ms / 1000).toFixed(1);
const perDoc = (r: WorkerResult) => r.wallMs / Math.max(1, r.documents);
const mbps = (r: WorkerResult) => r.bytes / 2 ** 20 / (r.wallMs / 1000);
const writeRate = (r: WorkerResult) => r.rowsWritten / (r.stages.write / 1000);

function goals(seeds: WorkerResult, results: ReadonlyArray<{ scale: number; result: WorkerResult }>): Goal[] {
  const by = (scale: number) => results.find((r) => r.scale === scale)?.result;
  const small = by(10);
  const big = by(1000);
  const largest = results[results.length - 1]?.result;
  const out: Goal[] = [];
  if (small && big) {
    const ratio = perDoc(big) / perDoc(small);
    out.push({ name: 'near-linear ingest cost', target: '1000× per doc ≤ 1.3 × 10× per doc', measured: `${ratio.toFixed(2)}×`, met: ratio <= 1.3 });
  } else out.push({ name: 'near-linear ingest cost', target: '1000× per doc ≤ 1.3 × 10× per doc', measured: 'needs 10 and 1000 in --scales', met: null });
  if (largest) {
    const share = mbps(largest) / largest.reference.jiebaMBps;
    out.push({
      name: 'throughput vs raw segmentation',
      target: '≥ 30% of jieba cut MB/s',
      measured: `${(share * 100).toFixed(0)}% (${mbps(largest).toFixed(2)} of ${largest.reference.jiebaMBps.toFixed(2)} MB/s, ${largest.label})`,
      met: share >= 0.3,
    });
  }
  if (big) {
    out.push({ name: 'peak memory at 1000×', target: '< 4 GiB', measured: `${mib(big.peakRssBytes)} MiB`, met: big.peakRssBytes < 4 * 2 ** 30 });
    const compared = big.queries
      .map((q) => ({ q, base: seeds.queries.find((b) => b.name === q.name) }))
      .map(({ q, base }) => ({ name: q.name, ratio: base ? q.p99 / base.p99 : Infinity, grows: base ? answerGrows(base, q) : true }))
      .sort((a, b) => b.ratio - a.ratio);
    const worst = compared.find((c) => !c.grows);
    if (worst) {
      out.push({ name: 'query p99 at 1000× vs seeds', target: '≤ 2× for each question whose answer is the same', measured: `worst ${worst.name} ${worst.ratio.toFixed(1)}×`, met: worst.ratio <= 2 });
    }
    const growing = compared.filter((c) => c.grows);
    if (growing.length) {
      out.push({
        name: 'questions whose answer grows with the corpus',
        target: '(not comparable)',
        measured: growing.map((c) => `${c.name} ${c.ratio.toFixed(0)}×`).join(', '),
        met: null,
      });
    }
  } else {
    out.push({ name: 'peak memory and query p99 at 1000×', target: '< 4 GiB; ≤ 2× seeds', measured: 'needs 1000 in --scales', met: null });
  }
  return out;
}

/** An answer more than 1.5 times as long as on the seeds is not the same answer: it holds the corpus's copies. */
const answerGrows = (seeds: QueryTiming, scaled: QueryTiming) => scaled.size > 1.5 * seeds.size;

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

export function format(report: IngestBenchReport): string[] {
  const all = [{ scale: 0, result: report.seeds }, ...report.scales];
  const base = report.scales.find((r) => r.scale === 10)?.result ?? report.scales[0]?.result;
  const out: string[] = ['', 'Ingest (wall seconds per stage, summed over documents; understand = clean+describe+outline+statements+facts)'];
  out.push(
    ...table(
      ['corpus', 'docs', 'MiB', 'wall s', 'docs/s', 'MB/s', 'ms/doc', 'vs 10×', 'read', 'clean', 'describe', 'outline', 'stmts', 'facts', 'batch', 'write', 'link', 'peak RSS MiB'],
      all.map(({ result: r }) => [
        r.label,
        String(r.documents),
        mib(r.bytes),
        s(r.wallMs),
        (r.documents / (r.wallMs / 1000)).toFixed(1),
        mbps(r).toFixed(2),
        perDoc(r).toFixed(1),
        base ? `${(perDoc(r) / perDoc(base)).toFixed(2)}×` : '—',
        s(r.stages.read),
        s(r.understand.clean),
        s(r.understand.describe),
        s(r.understand.outline),
        s(r.understand.statements),
        s(r.understand.facts),
        s(r.stages.batch),
        s(r.stages.write),
        s(r.stages.link),
        mib(r.peakRssBytes),
      ]),
    ),
  );
  out.push('', 'Against references measured in the same run on the same texts');
  out.push(
    ...table(
      ['corpus', 'jieba cut MB/s', 'pipeline MB/s', 'share', 'raw insert rows/s', 'write rows/s', 'share', 'links', 'links/doc', 'link ms/link'],
      all.map(({ result: r }) => [
        r.label,
        r.reference.jiebaMBps.toFixed(2),
        mbps(r).toFixed(2),
        `${((mbps(r) / r.reference.jiebaMBps) * 100).toFixed(0)}%`,
        r.reference.insertRowsPerSec.toFixed(0),
        writeRate(r).toFixed(0),
        `${((writeRate(r) / r.reference.insertRowsPerSec) * 100).toFixed(0)}%`,
        String(r.links),
        // The generator reuses ~300 cities, so larger corpora hold more documents per region and link
        // work (within a region) grows faster than the documents: these two say how much.
        (r.links / Math.max(1, r.documents)).toFixed(1),
        (r.stages.link / Math.max(1, r.links)).toFixed(2),
      ]),
    ),
  );
  const largest = report.scales[report.scales.length - 1];
  if (largest) {
    out.push('', `The GraphiQL example questions through Apollo, straight from the store (no cache), ms: the seeds alone against ${largest.result.label} + the seeds`);
    out.push(
      ...table(
        ['question', 'seeds p50', 'seeds p99', `${largest.result.label} p50`, `${largest.result.label} p99`, 'p99 ratio', 'answer size ratio'],
        largest.result.queries.map((q) => {
          const b = report.seeds.queries.find((x) => x.name === q.name);
          return [q.name, b?.p50.toFixed(1) ?? '—', b?.p99.toFixed(1) ?? '—', q.p50.toFixed(1), q.p99.toFixed(1), b ? `${(q.p99 / b.p99).toFixed(1)}×` : '—', b ? `${(q.size / b.size).toFixed(1)}×` : '—'];
        }),
      ),
    );
  }
  if (report.byWorkers.length > report.scales.length) {
    out.push('', 'By PLANTRACE_WORKERS (worker threads understanding documents and computing links; 0: the main thread). Stage times are summed over threads');
    out.push(
      ...table(
        ['corpus', 'workers', 'docs', 'wall s', 'ms/doc', 'docs/s', 'read+understand+batch s', 'write s', 'link s', 'peak RSS MiB'],
        report.byWorkers.map(({ result: r }) => [
          r.label,
          String(r.workers),
          String(r.documents),
          s(r.wallMs),
          perDoc(r).toFixed(1),
          (r.documents / (r.wallMs / 1000)).toFixed(1),
          s(r.stages.read + r.stages.understand + r.stages.batch),
          s(r.stages.write),
          s(r.stages.link),
          mib(r.peakRssBytes),
        ]),
      ),
    );
  }
  out.push('', 'Goals');
  out.push(...table(['goal', 'target', 'measured', 'met'], report.goals.map((g) => [g.name, g.target, g.measured, g.met === null ? 'n/a' : g.met ? 'yes' : 'NO'])));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const num = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const report = await benchIngest({ scales: scalesFrom(argv), workers: workersFrom(argv), seed: num('seed') ?? 1, queries: num('queries') ?? 50 });
  for (const line of format(report)) console.log(line);
}
