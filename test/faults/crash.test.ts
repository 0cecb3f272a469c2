// A few rounds of the crash test (scripts/crash-test.ts runs 50 or more):
// kill -9 of a server ingesting through the API and of a CLI ingest, SIGTERM
// and SIGINT, at random moments on one store; after each, the store opens
// unaided and holds every acknowledged document whole and linked. Without the
// intake journal the same seed keeps about half of them (measured).
import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../scripts/crash-test.ts';

describe('stops at random moments', () => {
  it('lose no acknowledged document, and the store always reopens whole and linked', { timeout: 240_000 }, async () => {
    const report = await runCrashTest({ rounds: 6, seed: 3 });
    for (const round of report.rounds) expect({ round: round.round, problems: round.problems }).toEqual({ round: round.round, problems: [] });
    expect(report.reopened).toBe(6);
    expect(report.kept).toBe(report.acknowledged);
    // The rounds did acknowledge documents, through both doors.
    expect(report.acknowledged).toBeGreaterThan(20);
    expect(new Set(report.rounds.map((r) => r.kind)).size).toBeGreaterThan(1);
  });
});
