// kill -9 in the middle of an ingest: every document left in the store is
// whole (exactly its own subgraph, as a clean ingest writes it), never half;
// the store opens again; and a new ingest ends equal to a clean ingest of all.
//
// Two corpora, because LadybugDB 0.19.1 cannot replay a journal that holds a
// row whose strings pass ~4 KiB (a Document row, with its whole text): with
// documents of 2 KiB the journal replays and the committed documents survive
// the kill; with full documents the store falls back to its last checkpoint
// (and says so).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/generate-corpus.ts';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import { resolvePaths } from '../../src/ingest/read/paths.ts';
import { ingestAndKill, linkSets, plantrace, shapes, withStore } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'plantrace-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each document as its title lines and its last lines, within `bytes` of UTF-8 (the plan parts come last). */
function shorten(from: string, to: string, bytes: number): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const lines = readFileSync(join(from, name), 'utf8').split('\n');
    const head = lines.slice(0, 3);
    const tail: string[] = [];
    for (const line of lines.slice(3).reverse()) {
      if (Buffer.byteLength([...head, line, ...tail].join('\n')) > bytes) break;
      tail.unshift(line);
    }
    writeFileSync(join(to, name), [...head, ...tail].join('\n'));
  }
}

async function cleanIngest(corpus: string, data: string) {
  return withStore(data, async (store) => {
    await ingestFiles(await resolvePaths([corpus]), store);
    return { shapes: await shapes(store), links: await linkSets(store), counts: await store.counts() };
  });
}

async function killTwiceThenRecover(corpus: string, data: string) {
  const clean = await cleanIngest(corpus, join(dir, `${data}-clean`));
  const survivors: number[] = [];
  const path = join(dir, data);
  // Killed after the 2nd and 4th progress lines (10 and 20 of 50 files): with
  // groups of four, the group before the one being written has committed.
  for (const [round, lines] of [
    [1, 2],
    [2, 4],
  ] as const) {
    const run = await ingestAndKill(corpus, path, lines, 40 * round);
    expect(run.killed, run.stderr).toBe(true);

    // The store opens and stats answer.
    const stats = plantrace(['stats', '--json'], path);
    expect(stats.code, stats.err).toBe(0);
    const counted = JSON.parse(stats.out) as { nodes: Record<string, number> };

    const left = await withStore(path, shapes);
    const documents = [...left.values()].filter((s) => s.sha256 !== undefined).length;
    expect(counted.nodes.Document).toBe(documents);
    expect(documents).toBeLessThan(clean.counts.nodes.Document);
    // Every document id with anything in the store is a whole document, equal to its clean version.
    for (const [doc, shape] of left) expect({ doc, ...shape }).toEqual({ doc, ...clean.shapes.get(doc) });
    survivors.push(documents);
  }

  const again = plantrace(['ingest', corpus], path);
  expect(again.code, again.err).toBe(0);
  await withStore(path, async (store) => {
    expect(await store.counts()).toEqual(clean.counts);
    expect(await shapes(store)).toEqual(clean.shapes);
    expect(await linkSets(store)).toEqual(clean.links);
  });
  return { survivors, links: clean.links.links.length, statuses: clean.links.statuses.filter((s) => !s.endsWith(' null')).length };
}

describe('kill -9 during an ingest', () => {
  it('documents of 2 KiB: the committed ones survive whole, twice over; a new ingest ends equal to a clean one', async () => {
    const full = join(dir, 'full-small');
    writeCorpus(full, 10, 7);
    const corpus = join(dir, 'small');
    shorten(full, corpus, 2200);
    const { survivors, statuses } = await killTwiceThenRecover(corpus, 'small-data');
    // The journal replayed: every group written before the one in flight at the kill is there.
    expect(survivors[0]).toBeGreaterThanOrEqual(4);
    expect(survivors[1]).toBeGreaterThanOrEqual(16);
    // Statuses come from the relink: a region left unlinked would show null ones.
    expect(statuses).toBeGreaterThan(100);
  }, 240_000);

  it('full documents: the store reopens at its last checkpoint, whole; a new ingest ends equal to a clean one', async () => {
    const corpus = join(dir, 'full');
    writeCorpus(corpus, 10, 8);
    const { links } = await killTwiceThenRecover(corpus, 'full-data');
    expect(links).toBeGreaterThan(100);
  }, 240_000);
});
