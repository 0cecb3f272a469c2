// The whole output of the pipeline (read → understand → batch) for every
// document we have, one JSON file per document, so that a change meant to
// keep behaviour (a faster algorithm) can be diffed byte for byte:
//   node bin/run.js scripts/snapshot-understand.ts --out <dir> [--generated 1] [--scale 10]
//   diff -r <before> <after>
// Documents: the seeds, the fixtures of test/fixtures/corpus, the real
// corpus read where it lies (../shared/corpus, or PLANTRACE_CORPUS), with
// --generated N one document of N MiB in the genre of each seed
// (scripts/large-document.ts), where many sections, tables and boxes meet,
// and with --scale N the synthetic corpus of N copies of each seed
// (scripts/generate-corpus.ts), whose regions hold many documents to link.
// Then links.json: the link stage's result (link/compute.ts) over all of
// them, region by region, from the batch rows as the relink reads them.
// The snapshots go to <dir>, never into the repository (they quote the corpus).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { understand } from '../src/ingest/pipeline.ts';
import type { SourceText } from '../src/ingest/types.ts';
import { readFile } from '../src/ingest/read/index.ts';
import { resolvePaths } from '../src/ingest/read/paths.ts';
import type { DocumentBatch } from '../src/graph/port.ts';
import { computeLinks } from '../src/ingest/link/compute.ts';
import { toBatch } from '../src/ingest/store/batch.ts';
import { corpus as syntheticCorpus } from './generate-corpus.ts';
import { largeDocument } from './large-document.ts';
import { linkInputs } from './link-inputs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// A fixed time, so the batch rows of two runs are comparable.
const INGESTED_AT = '2000-01-01T00:00:00.000Z';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Maps become sorted-in-insertion-order entry lists and functions vanish, so JSON shows everything. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { '@map': [...value.entries()] };
  if (value instanceof Set) return { '@set': [...value] };
  return value;
}

async function main(): Promise<void> {
  const out = arg('out');
  if (!out) {
    console.error('usage: node bin/run.js scripts/snapshot-understand.ts --out <dir>');
    process.exitCode = 2;
    return;
  }
  const corpus = process.env.PLANTRACE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
  const groups: Array<[string, string]> = [
    ['seeds', join(ROOT, 'seeds')],
    ['fixtures', join(ROOT, 'test/fixtures/corpus')],
  ];
  if (existsSync(corpus)) groups.push(['corpus', corpus]);
  else console.warn(`corpus absent (${corpus}): seeds and fixtures only`);
  let n = 0;
  const batches: DocumentBatch[] = [];
  const snapshot = (group: string, source: SourceText) => {
    mkdirSync(join(resolve(out), group), { recursive: true });
    const started = performance.now();
    const understood = understand(source);
    const batch = toBatch(understood, INGESTED_AT);
    const json = JSON.stringify({ understood, batch }, plain, 1);
    writeFileSync(join(resolve(out), group, `${source.name}.json`), json);
    console.log(`${group}/${source.name}: ${understood.statements.length} statements, ${(performance.now() - started).toFixed(0)} ms`);
    batches.push(batch);
    n++;
  };
  for (const [group, dir] of groups) {
    for (const file of (await resolvePaths([dir])).sort()) {
      const read = await readFile(file);
      if (!read.ok) throw new Error(`${file}: ${read.failure.reason}`);
      snapshot(group, read.source);
    }
  }
  const mib = Number(arg('generated') ?? 0);
  for (const seed of mib > 0 ? ['000', '001', '002', '003', '004'] : []) {
    snapshot('generated', { name: `${seed}-${mib}mib.txt`, format: 'txt', encoding: 'UTF-8', text: largeDocument(mib * 2 ** 20, seed) });
  }
  const scale = Number(arg('scale') ?? 0);
  if (scale > 0) for (const { name, text } of syntheticCorpus(scale)) snapshot('synthetic', { name, format: 'txt', encoding: 'UTF-8', text });
  const started = performance.now();
  const { commitments, outcomes } = linkInputs(batches);
  const regions = [...new Set([...commitments, ...outcomes].map((s) => s.regionKey))].sort();
  const links = computeLinks(regions, commitments, outcomes);
  writeFileSync(join(resolve(out), 'links.json'), JSON.stringify(links, null, 1));
  console.log(`links: ${links.evidence.length} evidence, ${links.continuations.length} continuations in ${regions.length} regions, ${(performance.now() - started).toFixed(0)} ms`);
  console.log(`${n} snapshots and links.json in ${resolve(out)}`);
}

await main();
