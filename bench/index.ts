// npm run bench: the API's latency per example question, as served (reads
// cached until the next write) and with every read hitting the store (about
// 2 minutes), then the ingest table at 10× and 100× the seeds with worker
// threads and without (a few minutes), then how fast `{ __typename }` is
// answered while the server ingests a 0.95 MiB document, with worker threads
// and without (about a minute), then the document-size table: each stage on
// one document of 1, 4 and 20 MiB (about a minute and a half).
// `npm run bench -- --scales 10,100,1000` adds the 1000× corpus; `--sizes 1,4,20,49` other sizes;
// `--workers 2,0` the PLANTRACE_WORKERS settings compared (default: one thread per core, then 0).
import { mkdir, writeFile } from 'node:fs/promises';
import { benchApi, type Row } from './api.ts';
import { benchIngest, format as formatIngest, scalesFrom, workersFrom } from './ingest.ts';
import { benchResponsive, formatResponsive } from './responsive.ts';
import { benchSize, formatSize, sizesFrom } from './size.ts';

const base = { connections: 10, seconds: 5, warmupSeconds: 1, goalRatio: 3 };
const runs: Array<{ label: string; cache: boolean }> = [
  { label: 'as served (embedded store, reads cached until the next write)', cache: true },
  { label: 'every read hitting the store (no cache)', cache: false },
];

const results: Record<string, unknown> = {};
for (const run of runs) {
  const options = { ...base, cache: run.cache };
  console.log(`\nplantrace API bench, ${run.label}: ${options.connections} connections, ${options.seconds} s per query after ${options.warmupSeconds} s warm-up`);
  const { rows, holds } = await benchApi(options);
  printTable(rows, holds, options.goalRatio);
  results[run.cache ? 'cached' : 'uncached'] = { options, rows, holds };
}
await mkdir('bench/out', { recursive: true });
await writeFile('bench/out/api.json', JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2));

const given = process.argv.includes('--scales');
const scales = given ? scalesFrom(process.argv) : [10, 100];
if (scales.length) {
  console.log(`\nplantrace ingest bench at ${scales.map((s) => `${s}×`).join(', ')} the seeds`);
  const report = await benchIngest({ scales, workers: workersFrom(process.argv), log: (line) => console.log(line) });
  for (const line of formatIngest(report)) console.log(line);
  await writeFile('bench/out/ingest.json', JSON.stringify({ at: new Date().toISOString(), ...report }, null, 2));
}

console.log('\nplantrace responsiveness bench: queries answered while the server ingests one large document');
const responsive = await benchResponsive({ workers: workersFrom(process.argv), log: (line) => console.log(line) });
for (const line of formatResponsive(responsive)) console.log(line);
await writeFile('bench/out/responsive.json', JSON.stringify({ at: new Date().toISOString(), rows: responsive }, null, 2));

const sizes = sizesFrom(process.argv);
console.log(`\nplantrace document-size bench at ${sizes.map((s) => `${s} MiB`).join(', ')}`);
const sized = benchSize({ sizes, log: (line) => console.log(line) });
for (const line of formatSize(sized)) console.log(line);
await writeFile('bench/out/size.json', JSON.stringify({ at: new Date().toISOString(), ...sized }, null, 2));
process.exitCode = 0;

function printTable(rows: readonly Row[], holds: boolean, goalRatio: number): void {
  console.log();
  console.log(['query'.padEnd(28), 'req/s'.padStart(7), 'p50 ms'.padStart(7), 'p99 ms'.padStart(7), 'p99 ×ref'.padStart(9), 'failed'.padStart(7), 'rows/s'.padStart(8)].join(' '));
  for (const r of rows) {
    console.log(
      [r.name.padEnd(28), String(r.requestsPerSecond).padStart(7), String(r.p50).padStart(7), String(r.p99).padStart(7), `${r.p99Ratio.toFixed(2)}×`.padStart(9), String(r.failures).padStart(7), String(r.rowsPerSecond ?? '').padStart(8)].join(' '),
    );
  }
  const worst = rows.slice(1).filter((r) => r.rowsPerSecond === null).reduce((a, b) => (b.p99Ratio > a.p99Ratio ? b : a));
  console.log();
  console.log(
    `Goal "p99 within ${goalRatio}× of the reference": ${holds ? 'holds' : 'DOES NOT HOLD'} (worst: ${worst.name} at ${worst.p99Ratio.toFixed(2)}×${rows.some((r) => r.failures) ? '; some requests failed' : ''}).`,
  );
}
