// npm run bench: the API's latency per example question. About 35 s.
import { mkdir, writeFile } from 'node:fs/promises';
import { benchApi } from './api.ts';

const options = { connections: 10, seconds: 5, warmupSeconds: 1, goalRatio: 3 };
console.log(`plantrace API bench: ${options.connections} connections, ${options.seconds} s per query after ${options.warmupSeconds} s warm-up`);
const { rows, holds } = await benchApi(options);

console.log();
console.log(['query'.padEnd(28), 'req/s'.padStart(7), 'p50 ms'.padStart(7), 'p99 ms'.padStart(7), 'p99 ×ref'.padStart(9), 'failed'.padStart(7)].join(' '));
for (const r of rows) {
  console.log([r.name.padEnd(28), String(r.requestsPerSecond).padStart(7), String(r.p50).padStart(7), String(r.p99).padStart(7), `${r.p99Ratio.toFixed(2)}×`.padStart(9), String(r.failures).padStart(7)].join(' '));
}
const worst = rows.slice(1).reduce((a, b) => (b.p99Ratio > a.p99Ratio ? b : a));
console.log();
console.log(
  `Goal "p99 within ${options.goalRatio}× of the reference": ${holds ? 'holds' : 'DOES NOT HOLD'} (worst: ${worst.name} at ${worst.p99Ratio.toFixed(2)}×${rows.some((r) => r.failures) ? '; some requests failed' : ''}).`,
);
await mkdir('bench/out', { recursive: true });
await writeFile('bench/out/api.json', JSON.stringify({ at: new Date().toISOString(), options, rows, holds }, null, 2));
process.exitCode = 0;
