// A full disk: the store's folder on a small tmpfs. Before, LadybugDB failed a
// write with an IO exception and then aborted the process from native code
// when the store closed (exit 134, a core dump), leaving its journal to keep
// the disk full. Now a write that cannot fit is refused first, with
// DISK_FULL and what to do; the store stays as it was, and reads go on.
// Needs root to mount a tmpfs (CI runs as root); skipped, loudly, otherwise.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/generate-corpus.ts';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import { closeStore, ingestBytes } from '../../src/ingest/store/ingest.ts';
import { plantrace } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'plantrace-full-'));
const disk = join(root, 'disk');
mkdirSync(disk);
// 80 MiB: the seeds' store takes 14, leaving less than a write needs (64 MiB and more).
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=80m', 'tmpfs', disk]).status === 0;
if (!mounted) console.warn('  !! disk-full test SKIPPED: cannot mount a tmpfs here (it needs root)');
const data = join(disk, 'data');
const corpus = join(root, 'corpus');

beforeAll(() => {
  writeCorpus(corpus, 10, 1);
});
afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  rmSync(root, { recursive: true, force: true });
});

describe.runIf(mounted)('a disk too full for the next write', () => {
  it('refuses the CLI ingest with DISK_FULL and what to do, without aborting, and the store stays as it was', { timeout: 120_000 }, () => {
    expect(plantrace(['ingest', 'seeds'], data).code).toBe(0);
    const run = plantrace(['ingest', corpus], data);
    expect(run.code).toBe(1);
    const refused = run.err.split('\n').filter((l) => l.includes('[DISK_FULL]'));
    expect(refused).toHaveLength(50);
    expect(refused[0]).toMatch(/has \d+ MiB free and this write needs about \d+ MiB; free some space and run the same ingest again/);
    const stats = plantrace(['stats', '--json'], data);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.out).nodes.Document).toBe(5);
  });

  it('answers the API’s ingest with DISK_FULL while reads go on', { timeout: 60_000 }, async () => {
    const store = await openLadybugStore({ path: data });
    try {
      // One document as large as the corpus (1.4 MiB): more than the room left.
      const big = Buffer.concat(readdirSync(corpus).sort().map((name) => readFileSync(join(corpus, name))));
      const outcome = await ingestBytes(store, { name: 'extra.txt', bytes: big });
      expect(outcome).toMatchObject({ status: 'FAILED', failure: { code: 'DISK_FULL' } });
      expect((await store.counts()).nodes.Document).toBe(5);
    } finally {
      await closeStore(store);
    }
  });
});
