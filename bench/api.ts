// Throughput and latency of the GraphQL API over HTTP, per example question,
// against the trivial `{ __typename }`: that one measures HTTP + Apollo alone,
// so each example's ratio to it is what the store and resolvers add.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { withReadCache } from '../src/graph/cache.ts';
import { openStore } from '../src/graph/open.ts';
import { ingestFiles } from '../src/ingest/store/ingest.ts';
import { resolvePaths } from '../src/ingest/read/paths.ts';
import { examples } from '../src/server/examples.ts';
import { startApi } from '../src/server/listen.ts';
import { unchanging } from './unchanging.ts';

export interface BenchOptions {
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** The goal: every example's p99 within this many times the reference's. */
  readonly goalRatio: number;
  /** Read through the cache, as `serve` does with the embedded store; false measures every read hitting the store. */
  readonly cache: boolean;
}

export interface Row {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly p99Ratio: number;
  readonly failures: number;
  /** Rows answered per second, for the queries that answer a known number of rows a request. */
  readonly rowsPerSecond: number | null;
}

const REFERENCE = { name: '{ __typename } (reference)', query: '{ __typename }' };

/**
 * A dashboard's usual read: a page of 200 (the largest) of a region's
 * commitments with status and source, the query the cost limit is sized to
 * let through. 南阳市 has 419 in the seeds, so every answer holds 200 rows.
 */
export const DASHBOARD = {
  name: 'Dashboard page (200 rows)',
  query: '{ commitments(where: { region: "南阳市" }, first: 200) { totalCount pageInfo { endCursor hasNextPage } nodes { id text status dueYear source { documentId quote start end } } } }',
  rows: 200,
};

function fire(url: string, body: string, connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
}

export async function benchApi(options: BenchOptions): Promise<{ rows: Row[]; holds: boolean }> {
  const dir = await mkdtemp(join(tmpdir(), 'plantrace-bench-'));
  const raw = await openStore({ engine: 'ladybug', dataDir: dir });
  const store = options.cache ? withReadCache(raw) : unchanging(raw);
  try {
    const report = await ingestFiles(await resolvePaths(['seeds']), store);
    console.log(`seeds: ${report.ingested.length} documents in an embedded store in ${dir}`);
    // As deployed: no stack traces (the default); the bundle is not needed.
    const api = await startApi({ store, host: '127.0.0.1', port: 0 });
    const url = `${api.url}/graphql`;
    try {
      const cases: Array<{ name: string; query: string; rows?: number }> = [REFERENCE, ...examples.map((e) => ({ name: e.name, query: e.query })), DASHBOARD];
      const results: Array<{ name: string; result: autocannon.Result; rows: number | undefined }> = [];
      for (const c of cases) {
        const body = JSON.stringify({ query: c.query });
        // A query that fails would measure error handling, not the question.
        const check = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { errors?: unknown[]; data?: { commitments?: { nodes: unknown[] } } };
        if (check.errors) throw new Error(`${c.name} answers with errors: ${JSON.stringify(check.errors)}`);
        if (c.rows !== undefined && check.data?.commitments?.nodes.length !== c.rows) throw new Error(`${c.name} answers ${check.data?.commitments?.nodes.length} rows, not ${c.rows}`);
        await fire(url, body, options.connections, options.warmupSeconds);
        const result = await fire(url, body, options.connections, options.seconds);
        results.push({ name: c.name, result, rows: c.rows });
        process.stdout.write(`  measured ${c.name}\n`);
      }
      const reference = results[0]!.result.latency.p99;
      const rows = results.map(({ name, result, rows: perAnswer }) => ({
        name,
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        p99Ratio: Number((result.latency.p99 / Math.max(reference, 1)).toFixed(2)),
        failures: result.errors + result.non2xx + result.timeouts,
        rowsPerSecond: perAnswer === undefined ? null : Math.round(result.requests.average * perAnswer),
      }));
      // The goal is the example questions'; the dashboard page (200 rows a request) is measured for its own figures.
      const questions = rows.filter((r) => r.name !== DASHBOARD.name);
      return { rows, holds: questions.every((r) => r.p99Ratio <= options.goalRatio) && rows.every((r) => r.failures === 0) };
    } finally {
      await api.close();
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
