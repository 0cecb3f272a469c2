// The document-size bench: one document of 1, 4 and 20 MiB in the genre of
// a seed (scripts/large-document.ts), each stage timed on it, and the cost
// per MiB at the largest size against the smallest. A stage that is linear
// in the document's size keeps that ratio near 1; one that rescans a list
// for every item of another shows it at once (×5 and growing).
//   node bin/run.js bench/size.ts [--sizes 1,4,20] [--seed 002] [--runs 3]
// or from the bench runner: `benchSize({ sizes })` then `formatSize(report)`.
import { pathToFileURL } from 'node:url';
import { largeDocument } from '../scripts/large-document.ts';
import { linkInputs } from '../scripts/link-inputs.ts';
import { computeLinks } from '../src/ingest/link/compute.ts';
import { understand, UNDERSTAND_STAGES } from '../src/ingest/pipeline.ts';
import { decodeText } from '../src/ingest/read/text.ts';
import { toBatch } from '../src/ingest/store/batch.ts';

/**
 * The stages of one document, in order: the .txt reader, understand's five,
 * the graph rows, and the links of the document alone in its region (the
 * relink's computation, without the store's reads and writes).
 */
export const SIZE_STAGES = ['read', ...UNDERSTAND_STAGES, 'batch', 'link'] as const;
export type SizeStage = (typeof SIZE_STAGES)[number];

export const DEFAULT_SIZES: readonly number[] = [1, 4, 20];
/** The goal: per-MiB cost at the largest size at most this many times the smallest's. */
export const GOAL_RATIO = 1.3;

export interface SizeRow {
  readonly mib: number;
  readonly bytes: number;
  readonly sections: number;
  readonly statements: number;
  readonly ms: Readonly<Record<SizeStage, number>>;
}

export interface SizeReport {
  readonly seed: string;
  readonly runs: number;
  readonly rows: readonly SizeRow[];
}

export interface SizeBenchOptions {
  /** Sizes in MiB. */
  readonly sizes?: readonly number[];
  /** Which seed's genre (file name prefix in seeds/). */
  readonly seed?: string;
  /** Runs per size; each stage's fastest counts (the cores are shared, and others' work only ever adds). */
  readonly runs?: number;
  readonly log?: (line: string) => void;
}

/** Every stage of one document, timed once. */
export function measureDocument(text: string, mib: number): SizeRow {
  const bytes = Buffer.from(text, 'utf8');
  const ms = Object.fromEntries(SIZE_STAGES.map((s) => [s, 0])) as Record<SizeStage, number>;
  let started = performance.now();
  const read = decodeText(bytes);
  ms.read = performance.now() - started;
  if (!read.ok) throw new Error(`the generated document did not read: ${read.problem}`);
  const understood = understand({ name: `size-${mib}mib.txt`, format: 'txt', encoding: read.encoding, text: read.text }, { onStage: (stage, t) => (ms[stage] = t) });
  started = performance.now();
  const batch = toBatch(understood, new Date(0).toISOString());
  ms.batch = performance.now() - started;
  const { commitments, outcomes } = linkInputs([batch]);
  started = performance.now();
  computeLinks([String(batch.nodes.Document![0]!.regionKey)], commitments, outcomes);
  ms.link = performance.now() - started;
  return { mib, bytes: bytes.byteLength, sections: understood.sections.length, statements: understood.statements.length, ms };
}

/** A document of about `mib` MiB in the seed's genre, measured `runs` times: each stage's fastest time. */
export function measureSize(mib: number, seed: string, runs = 1): SizeRow {
  const text = largeDocument(mib * 2 ** 20, seed);
  const rows = Array.from({ length: Math.max(1, runs) }, () => measureDocument(text, mib));
  const ms = Object.fromEntries(SIZE_STAGES.map((s) => [s, Math.min(...rows.map((r) => r.ms[s]))])) as Record<SizeStage, number>;
  return { ...rows[0]!, ms };
}

export function benchSize(options: SizeBenchOptions = {}): SizeReport {
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const seed = options.seed ?? '002';
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => undefined);
  // One small run first, discarded: the first document pays for the JIT and the dictionaries, not for its size.
  measureSize(Math.min(...sizes), seed);
  const rows: SizeRow[] = [];
  for (const mib of sizes) {
    log(`  ${mib} MiB, ${runs} run(s)…`);
    rows.push(measureSize(mib, seed, runs));
  }
  return { seed, runs, rows };
}

const total = (r: SizeRow) => SIZE_STAGES.reduce((n, s) => n + r.ms[s], 0);
const perMiB = (ms: number, r: SizeRow) => ms / (r.bytes / 2 ** 20);
const rate = (ms: number, r: SizeRow) => (ms > 0 ? r.bytes / 2 ** 20 / (ms / 1000) : Infinity);

/** Per-MiB cost at the largest size over the smallest's, per stage and in all. */
export function ratios(report: SizeReport): Record<SizeStage | 'total', number> | null {
  const small = report.rows[0];
  const big = report.rows[report.rows.length - 1];
  if (!small || !big || small === big) return null;
  const ratio = (a: number, b: number) => perMiB(b, big) / perMiB(a, small);
  const out = Object.fromEntries(SIZE_STAGES.map((s) => [s, ratio(small.ms[s], big.ms[s])])) as Record<SizeStage | 'total', number>;
  out.total = ratio(total(small), total(big));
  return out;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

export function formatSize(report: SizeReport): string[] {
  const out = ['', `Document size (one document in the genre of seed ${report.seed}, repeated to size; ms per stage, ${report.runs === 1 ? 'one run' : `the fastest of ${report.runs} runs`}, then MiB/s)`];
  const header = ['MiB', 'sections', 'statements', ...SIZE_STAGES, 'total'];
  out.push(
    ...table(
      header,
      report.rows.flatMap((r) => [
        [(r.bytes / 2 ** 20).toFixed(1), String(r.sections), String(r.statements), ...SIZE_STAGES.map((s) => r.ms[s].toFixed(0)), total(r).toFixed(0)],
        ['MiB/s', '', '', ...SIZE_STAGES.map((s) => rate(r.ms[s], r).toFixed(1)), rate(total(r), r).toFixed(2)],
      ]),
    ),
  );
  const r = ratios(report);
  if (r) {
    const first = report.rows[0]!;
    const last = report.rows[report.rows.length - 1]!;
    out.push('', `Cost per MiB at ${last.mib} MiB over ${first.mib} MiB (goal ≤ ${GOAL_RATIO}×; stages under 5 ms at ${first.mib} MiB are noise)`);
    out.push(...table([...SIZE_STAGES, 'total'], [[...SIZE_STAGES, 'total' as const].map((s) => `${r[s].toFixed(2)}×`)]));
    out.push('', `Goal "linear in document size": ${r.total <= GOAL_RATIO ? 'holds' : 'DOES NOT HOLD'} (${r.total.toFixed(2)}× in all).`);
  }
  return out;
}

/** `--sizes 1,4,20` from an argv; the defaults when absent. */
export function sizesFrom(argv: readonly string[]): number[] {
  const i = argv.indexOf('--sizes');
  if (i < 0) return [...DEFAULT_SIZES];
  const sizes = (argv[i + 1] ?? '').split(',').map(Number);
  if (!sizes.length || sizes.some((s) => !(s > 0))) throw new Error(`--sizes wants sizes in MiB, like 1,4,20 (got ${argv[i + 1]})`);
  return sizes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const value = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  const runs = value('runs') === undefined ? undefined : Number(value('runs'));
  const report = benchSize({ sizes: sizesFrom(argv), seed: value('seed'), runs, log: (line) => console.log(line) });
  for (const line of formatSize(report)) console.log(line);
}
