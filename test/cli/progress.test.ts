import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestProgress } from '../../src/ingest/store/ingest.ts';
import { progressReporter } from '../../src/progress.ts';

/** A pipe (not a terminal) that keeps what was written, and a clock the test moves. */
function pipe() {
  const lines: string[] = [];
  let t = 1_000_000;
  return {
    stream: { isTTY: false, write: (s: string) => (lines.push(s), true) },
    lines,
    now: () => t,
    advance: (ms: number) => (t += ms),
  };
}

const file = (done: number, total: number, statements: number): IngestProgress => ({ done, total, file: `dir/${done}.txt`, statements });

describe('progress on a pipe', () => {
  it('prints about ten lines for a thousand files, with rate and elapsed time, then the relink', () => {
    const p = pipe();
    const reporter = progressReporter(1000, p.stream, { now: p.now });
    for (let i = 1; i <= 1000; i++) {
      p.advance(50);
      reporter.update(file(i, 1000, i * 100));
    }
    reporter.update({ ...file(1000, 1000, 100_000), file: '', phase: 'links', regions: 250 });
    p.advance(2500);
    reporter.update({ ...file(1000, 1000, 100_000), file: '', phase: 'links', regions: 250, links: 33_758 });
    reporter.stop();
    expect(p.lines).toHaveLength(12);
    expect(p.lines[0]).toBe('ingest: 100/1000 files, 10000 statements, 20.0 files/s, 5.0s\n');
    expect(p.lines[9]).toBe('ingest: 1000/1000 files, 100000 statements, 20.0 files/s, 50.0s\n');
    expect(p.lines[10]).toBe('ingest: linking 250 region(s)…\n');
    expect(p.lines[11]).toBe('ingest: linked 250 region(s): 33758 links in 2.5s; 52.5s in all\n');
  });

  it('prints a line for every file when there are fewer than ten, the last one included', () => {
    const p = pipe();
    const reporter = progressReporter(3, p.stream, { now: p.now });
    for (let i = 1; i <= 3; i++) {
      p.advance(1000);
      reporter.update(file(i, 3, i));
    }
    expect(p.lines).toEqual([
      'ingest: 1/3 files, 1 statements, 1.0 files/s, 1.0s\n',
      'ingest: 2/3 files, 2 statements, 1.0 files/s, 2.0s\n',
      'ingest: 3/3 files, 3 statements, 1.0 files/s, 3.0s\n',
    ]);
  });

  it('says nothing for a single file, not even about its relink', () => {
    const p = pipe();
    const reporter = progressReporter(1, p.stream, { now: p.now });
    reporter.update(file(1, 1, 120));
    reporter.update({ ...file(1, 1, 120), phase: 'links', regions: 1 });
    reporter.update({ ...file(1, 1, 120), phase: 'links', regions: 1, links: 7 });
    expect(p.lines).toEqual([]);
  });
});

describe('progress of a real ingest, piped', () => {
  it('shows every seed, then the relink of their regions, on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plantrace-progress-'));
    try {
      const r = spawnSync(process.execPath, ['bin/plantrace.js', 'ingest', 'seeds'], {
        encoding: 'utf8',
        env: { ...process.env, PLANTRACE_DATA: join(dir, 'data'), CI: '1' },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines.slice(0, 5).map((l) => l.replace(/\d+\.\d+/g, 'N'))).toEqual(
        [1, 2, 3, 4, 5].map((i) => expect.stringMatching(new RegExp(`^ingest: ${i}/5 files, \\d+ statements, N files/s, Ns$`))),
      );
      expect(lines[5]).toBe('ingest: linking 4 region(s)…');
      expect(lines[6]).toMatch(/^ingest: linked 4 region\(s\): \d+ links in \d+\.\ds; \d+\.\ds in all$/);
      expect(lines).toHaveLength(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
