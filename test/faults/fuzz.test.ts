// Mutation fuzz of the reader and the pure stages: thousands of damaged
// documents (seeded, so a failure names a case that can be replayed) go
// through readBytes → understand → toBatch. None may crash or hang; every
// refusal is a ReadFailure with a reason a researcher can act on.
// PLANTRACE_FUZZ_CASES=20000 for a longer run; PLANTRACE_FUZZ_SEED for others.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { cases, type CaseResult } from './fuzz-cases.ts';

const COUNT = Number(process.env.PLANTRACE_FUZZ_CASES ?? 2000);
const SEED = Number(process.env.PLANTRACE_FUZZ_SEED ?? 1);
/** No single document may take longer than this (the slowest seen here is well under a second). */
const CASE_LIMIT_MS = 10_000;
const CODES = new Set(['NOT_FOUND', 'UNREADABLE', 'EMPTY', 'BINARY', 'UNSUPPORTED_TYPE', 'CORRUPT', 'NO_TEXT_LAYER', 'TOO_LARGE', 'TOO_DEEP', 'NO_STRUCTURE', 'STORE_FAILED', 'DISK_FULL']);

/** Runs the cases in a child process; a case that does not finish in time is killed and reported as a hang. */
function run(count: number, seed: number): Promise<{ results: CaseResult[]; hung: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run.js', 'test/faults/fuzz-cases.ts', String(count), String(seed)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const results: CaseResult[] = [];
    let hung: number | null = null;
    let watchdog = setTimeout(() => undefined, 0);
    const arm = () => {
      clearTimeout(watchdog);
      // Startup (loading jieba and the gazetteer) counts against the first case, so it gets more time.
      watchdog = setTimeout(() => {
        hung = results.length;
        child.kill('SIGKILL');
      }, results.length ? CASE_LIMIT_MS : CASE_LIMIT_MS + 20_000);
    };
    arm();
    createInterface({ input: child.stdout! }).on('line', (line) => {
      results.push(JSON.parse(line) as CaseResult);
      arm();
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(watchdog);
      resolve({ results, hung });
    });
  });
}

describe('mutation fuzz of read → understand → batch', () => {
  it('the cases are the same for the same seed', () => {
    const digest = (seed: number) => {
      const h = createHash('sha256');
      for (const c of cases(200, seed)) h.update(c.kind).update(c.name).update(c.bytes);
      return h.digest('hex');
    };
    expect(digest(SEED)).toBe(digest(SEED));
    expect(digest(SEED)).not.toBe(digest(SEED + 1));
  });

  it(`${COUNT} mutated documents: no crash, no hang, every refusal a clear ReadFailure`, async () => {
    const started = performance.now();
    const { results, hung } = await run(COUNT, SEED);
    const kinds = [...cases(COUNT, SEED)].map((c) => c.kind);
    expect(hung === null ? null : `case ${hung} (${kinds[hung]}) did not finish in ${CASE_LIMIT_MS} ms`).toBeNull();
    expect(results).toHaveLength(COUNT);

    const crashes = results.filter((r) => r.outcome === 'crash').map((r) => `case ${r.i} (${r.kind}): ${r.error?.split('\n').slice(0, 3).join(' | ')}`);
    expect(crashes).toEqual([]);

    const unclear = results
      .filter((r) => r.outcome === 'failed')
      .filter((r) => !CODES.has(r.code ?? '') || !r.reason || r.reason.length < 15 || r.reason.length > 400 || /undefined|\[object|NaN/.test(r.reason))
      .map((r) => `case ${r.i} (${r.kind}): ${r.code} ${r.reason}`);
    expect(unclear).toEqual([]);

    const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3);
    const by = (o: string) => results.filter((r) => r.outcome === o).length;
    console.info(
      `fuzz: ${COUNT} cases (seed ${SEED}) in ${((performance.now() - started) / 1000).toFixed(1)}s: ${by('stored')} stored, ${by('failed')} refused, 0 crashes; ` +
        `slowest ${slowest.map((r) => `${r.ms.toFixed(0)} ms (case ${r.i}, ${r.kind}, ${(r.bytes / 1024).toFixed(0)} KiB)`).join(', ')}`,
    );
    expect(slowest[0]!.ms).toBeLessThan(CASE_LIMIT_MS);
    // Both sides of the pipeline were exercised.
    expect(by('stored')).toBeGreaterThan(COUNT / 4);
    expect(new Set(results.filter((r) => r.outcome === 'failed').map((r) => r.code)).size).toBeGreaterThanOrEqual(4);
  }, 300_000);
});
