// Load test on loopback: the API (started in this process over an embedded
// store, as `plantrace serve` does) under 50 connections of mixed queries
// while an ingest writes documents into the same store. Reports status codes,
// error codes, latency and memory; the fault suite runs a 10 s version.
//   node bin/run.js scripts/load-test.ts [--seconds 60] [--connections 50] [--workers N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { writeCorpus } from './generate-corpus.ts';
import { withReadCache } from '../src/graph/cache.ts';
import { openLadybugStore } from '../src/graph/ladybug/store.ts';
import { ingestFiles, startWorkers } from '../src/ingest/store/ingest.ts';
import { loadConfig } from '../src/config.ts';
import { resolvePaths } from '../src/ingest/read/paths.ts';
import { examples } from '../src/server/examples.ts';
import { startApi } from '../src/server/listen.ts';

const SEEDS = new URL('../seeds/', import.meta.url).pathname;

export interface LoadOptions {
  readonly seconds: number;
  readonly connections: number;
  /** The first share of the run is warm-up: memory floors just after it are compared with those at the end of the run. */
  readonly warmupShare?: number;
  /** Worker threads for the ingest, as `plantrace serve` has them (PLANTRACE_WORKERS; 0: on the API's own thread). */
  readonly workers?: number;
  readonly log?: (line: string) => void;
}

export interface LoadReport {
  readonly requests: number;
  readonly perSecond: number;
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly status: Readonly<Record<string, number>>;
  /** GraphQL error codes seen in answers, with counts; limit errors are expected (one query exceeds the cost limit). */
  readonly errorCodes: Readonly<Record<string, number>>;
  /** Errors that are not a limit's refusal: must be none. */
  readonly unexpected: readonly string[];
  readonly connectionErrors: number;
  readonly timeouts: number;
  readonly ingested: number;
  readonly memory: { readonly warmRss: number; readonly endRss: number; readonly warmHeap: number; readonly endHeap: number };
}

interface Mixed {
  readonly name: string;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>> | undefined;
  /** Answers to this one are refused by a limit, on purpose. */
  readonly overLimit?: boolean;
}

/**
 * One query over the cost limit, the researcher questions the GraphiQL page
 * opens with, and a few plain lists. Each connection sends them in this order
 * and starts again: the refusal comes first, so a run on a slow machine (a
 * dozen requests per connection) still sends it.
 */
function mix(): Mixed[] {
  return [
    {
      name: 'tooCostly',
      overLimit: true,
      query: '{ commitments(first: 200) { nodes { text document { title sections { heading children { heading children { heading } } } } } } }',
    },
    ...examples.map((e) => ({ name: e.name, query: e.query, variables: e.variables })),
    { name: 'documents', query: '{ documents { id title kind region years } }' },
    { name: 'commitments', query: '{ commitments(first: 20) { totalCount nodes { id text status region } } }' },
    { name: 'outcomes', query: '{ outcomes(first: 20, where: { year: 2022 }) { nodes { id text progress } } }' },
  ];
}

// Refusals a limit gives (the cost limit, armor's depth/alias rules, the parser's token
// limit): expected under load, and the only errors allowed.
const LIMIT_CODES = new Set(['COST_LIMIT', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
const LIMIT_MESSAGE = /limit|exceed|cost|depth|alias|directive|token/i;

export async function runLoadTest(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'plantrace-load-'));
  const raw = await openLadybugStore({ path: join(dir, 'store') });
  // As `plantrace serve` opens the embedded engine: behind the read cache.
  const store = withReadCache(raw);
  const workers = startWorkers(options.workers ?? loadConfig({}).workers, { eager: true });
  try {
    const seeded = await ingestFiles(await resolvePaths([SEEDS]), store);
    const base = join(dir, 'base');
    writeCorpus(base, 6, 21);
    await ingestFiles(await resolvePaths([base]), store);
    const incoming = join(dir, 'incoming');
    writeCorpus(incoming, 60, 22);
    const files = await resolvePaths([incoming]);
    log(`load: ${seeded.ingested.length + 30} documents stored; ${files.length} more arrive during the run, ingested on ${workers.threads === 0 ? 'the API’s own thread' : `${workers.threads} worker thread(s)`}`);

    const api = await startApi({ store, host: '127.0.0.1', port: 0, introspection: false });
    const errorCodes: Record<string, number> = {};
    const unexpected: string[] = [];
    const note = (what: string) => {
      if (unexpected.length < 20) unexpected.push(what);
    };
    const requests = mix().map((m) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: m.query, ...(m.variables ? { variables: m.variables } : {}) }),
      onResponse: (status: number, body: string) => {
        let errors: Array<{ message?: string; extensions?: { code?: string } }> = [];
        try {
          errors = (JSON.parse(body) as { errors?: typeof errors }).errors ?? [];
        } catch {
          note(`${m.name}: HTTP ${status}, not JSON: ${body.slice(0, 120)}`);
        }
        for (const e of errors) {
          const code = e.extensions?.code ?? 'NO_CODE';
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
          const limit = LIMIT_CODES.has(code) && LIMIT_MESSAGE.test(e.message ?? '');
          if (!limit || !m.overLimit) note(`${m.name}: HTTP ${status} ${code}: ${e.message}`);
        }
        if (m.overLimit && errors.length === 0) note(`${m.name}: answered, though over the cost limit`);
        if (status >= 500) note(`${m.name}: HTTP ${status}`);
      },
    }));

    // Memory: sampled through the run; compared between the end of warm-up and the end.
    const samples: Array<{ t: number; rss: number; heap: number }> = [];
    const started = Date.now();
    const sampler = setInterval(() => samples.push({ t: Date.now() - started, rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed }), 250);

    // The ingest: one document at a time (each relinks its region), as the ingestDocument mutation would.
    let loading = true;
    let ingested = 0;
    const ingest = (async () => {
      for (const file of files) {
        if (!loading) break;
        const r = await ingestFiles([file], store, { workers });
        ingested += r.ingested.length;
      }
    })();

    const result = await autocannon({ url: api.url, connections: options.connections, duration: options.seconds, requests, timeout: 30 });
    loading = false;
    await ingest;
    clearInterval(sampler);
    await api.close();

    // Floors, not single readings: the least memory seen over a window tracks
    // what is live after collections; a leak raises the floor, GC timing does not.
    const warmAt = options.seconds * 1000 * (options.warmupShare ?? 0.25);
    const after = samples.filter((s) => s.t >= warmAt);
    const third = Math.max(1, Math.floor(after.length / 3));
    const floor = (window: typeof samples) => ({ rss: Math.min(...window.map((s) => s.rss)), heap: Math.min(...window.map((s) => s.heap)) });
    const warm = floor(after.length ? after.slice(0, third) : samples);
    const end = floor(after.length ? after.slice(-third) : samples);
    const status: Record<string, number> = {};
    for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) status[code] = s.count ?? 0;
    const report: LoadReport = {
      requests: result.requests.total,
      perSecond: result.requests.average,
      latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      status,
      errorCodes,
      unexpected,
      connectionErrors: result.errors,
      timeouts: result.timeouts,
      ingested,
      memory: { warmRss: warm.rss, endRss: end.rss, warmHeap: warm.heap, endHeap: end.heap },
    };
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    log(
      `load: ${options.connections} connections for ${options.seconds}s on 127.0.0.1: ${report.requests} requests (${report.perSecond.toFixed(0)}/s), ` +
        `latency p50 ${report.latency.p50} ms, p99 ${report.latency.p99} ms, max ${report.latency.max} ms; status ${JSON.stringify(status)}; ` +
        `GraphQL error codes ${JSON.stringify(errorCodes)}; ${unexpected.length} unexpected; ${report.connectionErrors} connection errors, ${report.timeouts} timeouts; ` +
        `${ingested} documents ingested meanwhile; RSS ${mib(report.memory.warmRss)} after warm-up → ${mib(report.memory.endRss)} at the end, heap ${mib(report.memory.warmHeap)} → ${mib(report.memory.endHeap)}`,
    );
    for (const u of unexpected) log(`  unexpected: ${u}`);
    return report;
  } finally {
    await workers.close();
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const num = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const report = await runLoadTest({ seconds: num('seconds', 60), connections: num('connections', 50), workers: num('workers', loadConfig({}).workers) });
  const fiveXX = Object.entries(report.status).filter(([c]) => c.startsWith('5')).reduce((n, [, v]) => n + v, 0);
  process.exitCode = fiveXX || report.unexpected.length || report.connectionErrors ? 1 : 0;
}
