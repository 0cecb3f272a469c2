// Does the server keep answering while it ingests a large document? A real
// `plantrace serve` (a child process, on an empty store in a temporary
// folder) is sent one document of about 0.95 MiB (the 十四五 plan's body
// repeated, scripts/large-document.ts: the largest the API's 1 MiB request
// takes; after two seeds, which warm the threads) through ingestDocument,
// while this process asks it `{ __typename }`
// one request after another (10 ms apart) until the mutation answers. Once
// with worker threads, once with PLANTRACE_WORKERS=0 (understanding on the
// event loop, as before).
//   node bin/run.js bench/responsive.ts [--workers 2,0] [--mib 0.95] [--rounds 1]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { largeDocument } from '../scripts/large-document.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'bench-token-0123456789abcdef';
/** No step of a round may take longer: a hung server fails the bench instead of holding it. */
const STEP_MS = 180_000;
const WARM_UP = ['004_80ecafe8e7002946.txt', '003_d499b532073839b7.txt'];
const INGEST = 'mutation ($name: String!, $text: String) { ingestDocument(name: $name, text: $text) { status statements failure { code reason } } }';

export interface ResponsiveRow {
  readonly workers: number;
  readonly round: number;
  /** The mutation's wall time, from sending it to its answer. */
  readonly ingestMs: number;
  readonly status: string;
  readonly statements: number | null;
  /** `{ __typename }` answered while the mutation ran, and their latencies. */
  readonly queries: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface ResponsiveOptions {
  readonly workers?: readonly number[];
  readonly mib?: number;
  readonly rounds?: number;
  readonly log?: (line: string) => void;
}

export async function benchResponsive(options: ResponsiveOptions = {}): Promise<ResponsiveRow[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const settings = options.workers ?? [availableParallelism(), 0];
  const mib = options.mib ?? 0.95;
  const text = largeDocument(mib * 2 ** 20);
  log(`responsiveness: one document of ${(Buffer.byteLength(text) / 2 ** 20).toFixed(2)} MiB through ingestDocument, { __typename } asked meanwhile; PLANTRACE_WORKERS ${settings.join(', ')}`);
  const rows: ResponsiveRow[] = [];
  for (let round = 1; round <= (options.rounds ?? 1); round++) {
    for (const workers of settings) {
      const row = await once(workers, round, text);
      log(`  workers ${workers}, round ${round}: ${row.status} in ${row.ingestMs.toFixed(0)} ms; ${row.queries} queries meanwhile, p50 ${row.p50.toFixed(0)} ms, p99 ${row.p99.toFixed(0)} ms, max ${row.max.toFixed(0)} ms`);
      rows.push(row);
    }
  }
  return rows;
}

async function once(workers: number, round: number, text: string): Promise<ResponsiveRow> {
  const data = mkdtempSync(join(tmpdir(), 'plantrace-responsive-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/plantrace.js', 'serve', '--data', join(data, 'store'), '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, PLANTRACE_TOKEN: TOKEN, PLANTRACE_WORKERS: String(workers), PLANTRACE_REQUEST_TIMEOUT_MS: '600000', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await serving(child);
    const url = `http://127.0.0.1:${port}/graphql`;
    const post = (body: unknown, auth = false) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(STEP_MS),
      });
    // Warm: the first answers pay for compiling the server's code paths, and the
    // first document for loading jieba (on each thread that reads one): a
    // server that has run a while has paid both. Measured: the next document.
    for (let i = 0; i < 20; i++) await (await post({ query: '{ __typename }' })).text();
    // Two at once, so that each thread gets one.
    await Promise.all(WARM_UP.map(async (seed) => (await post({ query: INGEST, variables: { name: seed, text: readFileSync(join(ROOT, 'seeds', seed), 'utf8') } }, true)).text()));
    let done = false;
    const latencies: number[] = [];
    const asking = (async () => {
      while (!done) {
        const started = performance.now();
        await (await post({ query: '{ __typename }' })).text();
        if (!done) latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    // Awaited once the mutation has answered; a failure before then must not go unhandled.
    asking.catch(() => undefined);
    const started = performance.now();
    const answer = (await (await post({ query: INGEST, variables: { name: `large-${round}.txt`, text } }, true)).json()) as {
      data?: { ingestDocument?: { status: string; statements: number | null; failure: { code: string } | null } };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const ingestMs = performance.now() - started;
    done = true;
    await asking;
    const result = answer.data?.ingestDocument;
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    return {
      workers,
      round,
      ingestMs,
      status: result?.status ?? answer.errors?.[0]?.extensions?.code ?? 'no answer',
      statements: result?.statements ?? null,
      queries: latencies.length,
      p50: at(0.5),
      p99: at(0.99),
      max: sorted[sorted.length - 1] ?? NaN,
    };
  } finally {
    await stop(child);
    rmSync(data, { recursive: true, force: true });
  }
}

/** SIGTERM, as an operator stops it; a server that has not exited a minute later is killed, and that is an error. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const late = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(late);
  if (child.signalCode === 'SIGKILL') throw new Error('the server did not stop within a minute of SIGTERM');
}

/** Resolves once the server says it is serving. */
function serving(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`the server did not start within ${STEP_MS} ms`)), STEP_MS).unref();
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('plantrace serving GraphQL')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before serving:\n${out}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function formatResponsive(rows: readonly ResponsiveRow[]): string[] {
  const out = ['', '{ __typename } while ingestDocument takes one large document (ms)', '| PLANTRACE_WORKERS | round | ingest ms | status | statements | queries | p50 | p99 | max |', '|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    out.push(`| ${r.workers} | ${r.round} | ${r.ingestMs.toFixed(0)} | ${r.status} | ${r.statements ?? '—'} | ${r.queries} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} |`);
  }
  return out;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const workers = arg('workers')?.split(',').map(Number);
  if (workers?.some((w) => !Number.isInteger(w) || w < 0)) throw new Error(`--workers wants whole numbers ≥ 0, like 2,0 (got ${arg('workers')})`);
  const rows = await benchResponsive({
    ...(workers ? { workers } : {}),
    ...(arg('mib') ? { mib: Number(arg('mib')) } : {}),
    ...(arg('rounds') ? { rounds: Number(arg('rounds')) } : {}),
  });
  for (const line of formatResponsive(rows)) console.log(line);
}
