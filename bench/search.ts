// Search's latency on the seeds against a corpus 1000× (or any scale) their
// size, through Apollo and the resolvers, with every read going to the store
// and the search index held (bench/unchanging.ts): what the index costs as the
// corpus grows. Minutes, not the whole bench:
//   node bin/run.js bench/search.ts [--scale 1000] [--store DIR] [--runs 200] [--seed 1]
// --store opens a store already holding the scaled corpus and the seeds (made
// once with `node bin/run.js scripts/generate-corpus.ts --scale 1000 --out C`
// and `PLANTRACE_DATA=DIR plantrace ingest C seeds`); without it the corpus is
// generated and ingested here first, which at 1000× takes 10–30 minutes on two
// shared cores. `npm run bench` runs the same questions in its ingest table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openLadybugStore } from '../src/graph/ladybug/store.ts';
import type { GraphStore } from '../src/graph/port.ts';
import { ingestFiles } from '../src/ingest/store/ingest.ts';
import { resolvePaths } from '../src/ingest/read/paths.ts';
import { createApollo, executeIn } from '../src/server/apollo.ts';
import { examples } from '../src/server/examples.ts';
import { writeCorpus } from '../scripts/generate-corpus.ts';
import { unchanging } from './unchanging.ts';

const SEEDS = fileURLToPath(new URL('../seeds', import.meta.url));

/** The GraphiQL tab's question first (the row npm run bench compares), then the other ways a researcher asks. */
export const SEARCHES: ReadonlyArray<{ readonly name: string; readonly query: string }> = [
  { name: 'Search (GraphiQL tab)', query: examples.find((e) => e.name === 'Search')!.query },
  { name: 'short form 疾控, 20 hits', query: '{ search(text: "疾控", first: 20) { totalCount nodes { id score highlighted source { documentId start end } } } }' },
  { name: 'filtered: 南阳市, 2022, commitments', query: '{ search(text: "公共卫生服务", where: { region: "南阳市", year: 2022, kind: [COMMITMENT] }) { totalCount nodes { id score } } }' },
  { name: 'a common word, 200 hits', query: '{ search(text: "医院", first: 200) { totalCount nodes { id score } } }' },
];

export interface SearchTiming {
  readonly name: string;
  readonly p50: number;
  readonly p99: number;
  readonly totalCount: number;
}

export interface SearchBench {
  readonly label: string;
  /** The first search: reading every statement and building the index. */
  readonly buildMs: number;
  readonly heapMiB: number;
  readonly timings: readonly SearchTiming[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Each search `runs` times after 3 warm-up runs; the first search of all builds the index and is timed apart. */
export async function timeSearches(raw: GraphStore, label: string, runs: number): Promise<SearchBench> {
  const store = unchanging(raw);
  const apollo = createApollo();
  await apollo.start();
  try {
    const ask = async (query: string) => {
      const result = await executeIn(apollo, store, query);
      if (result.errors) throw new Error(`${query} failed: ${JSON.stringify(result.errors)}`);
      return (result.data as { search: { totalCount: number } }).search.totalCount;
    };
    const started = performance.now();
    await ask(SEARCHES[0]!.query);
    const buildMs = performance.now() - started;
    const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
    const timings: SearchTiming[] = [];
    for (const { name, query } of SEARCHES) {
      let totalCount = 0;
      for (let i = 0; i < 3; i++) totalCount = await ask(query);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        await ask(query);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
      timings.push({ name, p50: at(0.5), p99: at(0.99), totalCount });
    }
    return { label, buildMs, heapMiB, timings };
  } finally {
    await apollo.stop();
  }
}

async function ingested(dirs: readonly string[]): Promise<{ store: GraphStore; data: string }> {
  const data = mkdtempSync(join(tmpdir(), 'plantrace-search-bench-'));
  const store = await openLadybugStore({ path: join(data, 'store') });
  await ingestFiles(await resolvePaths(dirs), store);
  return { store, data };
}

async function main(): Promise<void> {
  const scale = Number(arg('scale') ?? '1000');
  const runs = Number(arg('runs') ?? '200');
  const seed = Number(arg('seed') ?? '1');
  const given = arg('store');

  const seeds = await ingested([SEEDS]);
  let small: SearchBench;
  try {
    small = await timeSearches(seeds.store, 'seeds', runs);
  } finally {
    await seeds.store.close();
    rmSync(seeds.data, { recursive: true, force: true });
  }

  let big: SearchBench;
  if (given) {
    const store = await openLadybugStore({ path: given, readOnly: true });
    try {
      big = await timeSearches(store, `${scale}× + seeds (${given})`, runs);
    } finally {
      await store.close();
    }
  } else {
    const corpus = mkdtempSync(join(tmpdir(), `plantrace-corpus-${scale}x-`));
    try {
      const written = writeCorpus(corpus, scale, seed);
      console.log(`${scale}×: ${written.documents.length} documents generated; ingesting with the seeds…`);
      const scaled = await ingested([corpus, SEEDS]);
      try {
        big = await timeSearches(scaled.store, `${scale}× + seeds`, runs);
      } finally {
        await scaled.store.close();
        rmSync(scaled.data, { recursive: true, force: true });
      }
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  }

  const ms = (n: number) => n.toFixed(1);
  console.log(`\nsearch through Apollo, reads to the store, index held: ${runs} runs each after 3 warm-up runs (ms)`);
  console.log(`index build (first search): seeds ${ms(small.buildMs)}, ${big.label} ${ms(big.buildMs)}; heap after it ${small.heapMiB.toFixed(0)} / ${big.heapMiB.toFixed(0)} MiB`);
  console.log('| search | seeds p50 | seeds p99 | scaled p50 | scaled p99 | p99 ratio | hits seeds / scaled |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [i, s] of small.timings.entries()) {
    const b = big.timings[i]!;
    console.log(`| ${s.name} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(b.p50)} | ${ms(b.p99)} | ${(b.p99 / s.p99).toFixed(2)}× | ${s.totalCount} / ${b.totalCount} |`);
  }
  const ratio = big.timings[0]!.p99 / small.timings[0]!.p99;
  console.log(`\nGoal "search p99 at ${scale}× within 3× of the seeds'" (the GraphiQL tab's question): ${ratio <= 3 ? 'holds' : 'DOES NOT HOLD'} (${ratio.toFixed(2)}×).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
