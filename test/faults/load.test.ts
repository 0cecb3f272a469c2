// The API under 50 connections of mixed queries for 10 s while an ingest
// writes into the same store (the full minute: scripts/load-test.ts). No 5xx,
// no error but a limit's refusal, memory flat after warm-up.
import { describe, expect, it } from 'vitest';
import { runLoadTest } from '../../scripts/load-test.ts';

const SECONDS = Number(process.env.PLANTRACE_LOAD_SECONDS ?? 10);

describe('load on loopback while an ingest runs', () => {
  it(`50 connections for ${SECONDS}s: no 5xx, only limit errors, memory flat`, async () => {
    const r = await runLoadTest({ seconds: SECONDS, connections: 50, log: (line) => console.info(line) });
    const fiveXX = Object.entries(r.status).filter(([code]) => code.startsWith('5'));
    expect(fiveXX).toEqual([]);
    expect(r.unexpected).toEqual([]);
    expect(r.connectionErrors).toBe(0);
    expect(r.requests).toBeGreaterThan(100);
    // The over-limit query was refused by the cost limit, not answered and not failed otherwise.
    expect(r.errorCodes.COST_LIMIT ?? 0).toBeGreaterThan(0);
    expect(Object.keys(r.errorCodes).every((c) => ['COST_LIMIT', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED'].includes(c))).toBe(true);
    expect(r.ingested).toBeGreaterThan(0);
    // Flat: the JS heap's floor at the end is within 64 MiB of its floor after warm-up (the store's own pages come and go with the ingest).
    expect(r.memory.endHeap - r.memory.warmHeap).toBeLessThan(64 * 2 ** 20);
  }, 180_000);
});
