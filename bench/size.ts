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

type Times = Readonly<Record<SizeStage, number>>;

export interface SizeRow {
  readonly mib: number;
  readonly bytes: number;
  readonly sections: number;
  readonly statements: number;
  /** Wall time per stage. */
  readonly ms: Times;
  /** The process's CPU time per stage: what others' work on shared cores does not inflate. */
  readonly cpuMs: Times;
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

const zero = () => Object.fromEntries(SIZE_STAGES.map((s) => [s, 0])) as Record<SizeStage, number>;

/** Every stage of one document, timed once. */
export function measureDocument(text: string, mib: number): SizeRow {
  const bytes = Buffer.from(text, 'utf8');
  const ms = zero();
  const cpuMs = zero();
  const timed = <T>(stage: SizeStage, work: () => T): T => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = work();
    const used = process.cpuUsage(cpu);
    ms[stage] = performance.now() - started;
    cpuMs[stage] = (used.user + used.system) / 1000;
    return result;
  };
  const read = timed('read', () => decodeText(bytes));
  if (!read.ok) throw new Error(`the generated document did not read: ${read.problem}`);
  const source = { name: `size-${mib}mib.txt`, format: 'txt' as const, encoding: read.encoding, text: read.text };
  const understood = understand(source, {
    onStage: (stage, wall, cpu) => {
      ms[stage] = wall;
      cpuMs[stage] = cpu;
    },
  });
  const batch = timed('batch', () => toBatch(understood, new Date(0).toISOString()));
  const { commitments, outcomes } = linkInputs([batch]);
  timed('link', () => computeLinks([String(batch.nodes.Document![0]!.regionKey)], commitments, outcomes));
  return { mib, bytes: bytes.byteLength, sections: understood.sections.length, statements: understood.statements.length, ms, cpuMs };
}

/** A document of about `mib` MiB in the seed's genre, measured `runs` times: each stage's fastest time. */
export function measureSize(mib: number, seed: string, runs = 1): SizeRow {
  const text = largeDocument(mib * 2 ** 20, seed);
  const rows = Array.from({ length: Math.max(1, runs) }, () => measureDocument(text, mib));
  const fastest = (of: (r: SizeRow) => Times) => Object.fromEntries(SIZE_STAGES.map((s) => [s, Math.min(...rows.map((r) => of(r)[s]))])) as Times;
  return { ...rows[0]!, ms: fastest((r) => r.ms), cpuMs: fastest((r) => r.cpuMs) };
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

const total = (t: Times) => SIZE_STAGES.reduce((n, s) => n + t[s], 0);
const mibOf = (r: SizeRow) => r.bytes / 2 ** 20;
const rate = (ms: number, r: SizeRow) => (ms > 0 ? mibOf(r) / (ms / 1000) : Infinity);

export type Ratios = Record<SizeStage | 'total', number>;

/** Per-MiB cost at the largest size over the smallest's, per stage and in all, of wall or CPU time. */
export function ratios(report: SizeReport, of: (r: SizeRow) => Times = (r) => r.ms): Ratios | null {
  const small = report.rows[0];
  const big = report.rows[report.rows.length - 1];
  if (!small || !big || small === big) return null;
  const ratio = (a: number, b: number) => b / mibOf(big) / (a / mibOf(small));
  const out = Object.fromEntries(SIZE_STAGES.map((s) => [s, ratio(of(small)[s], of(big)[s])])) as Ratios;
  out.total = ratio(total(of(small)), total(of(big)));
  return out;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

export function formatSize(report: SizeReport): string[] {
  const runs = report.runs === 1 ? 'one run' : `the fastest of ${report.runs} runs`;
  const out = ['', `Document size (one document in the genre of seed ${report.seed}, repeated to size; wall ms per stage, ${runs}, then CPU ms and MiB/s of wall time)`];
  out.push(
    ...table(
      ['MiB', 'sections', 'statements', ...SIZE_STAGES, 'total'],
      report.rows.flatMap((r) => [
        [mibOf(r).toFixed(1), String(r.sections), String(r.statements), ...SIZE_STAGES.map((s) => r.ms[s].toFixed(0)), total(r.ms).toFixed(0)],
        ['CPU ms', '', '', ...SIZE_STAGES.map((s) => r.cpuMs[s].toFixed(0)), total(r.cpuMs).toFixed(0)],
        ['MiB/s', '', '', ...SIZE_STAGES.map((s) => rate(r.ms[s], r).toFixed(1)), rate(total(r.ms), r).toFixed(2)],
      ]),
    ),
  );
  const wall = ratios(report);
  const cpu = ratios(report, (r) => r.cpuMs);
  if (wall && cpu) {
    const first = report.rows[0]!;
    const last = report.rows[report.rows.length - 1]!;
    out.push('', `Cost per MiB at ${last.mib} MiB over ${first.mib} MiB (goal ≤ ${GOAL_RATIO}×, judged on CPU time, which other work on shared cores does not inflate; stages of a few ms at ${first.mib} MiB are noise)`);
    const cells = (r: Ratios) => [...SIZE_STAGES, 'total' as const].map((s) => `${r[s].toFixed(2)}×`);
    out.push(...table(['time', ...SIZE_STAGES, 'total'], [['wall', ...cells(wall)], ['CPU', ...cells(cpu)]]));
    out.push('', `Goal "linear in document size": ${cpu.total <= GOAL_RATIO ? 'holds' : 'DOES NOT HOLD'} (${cpu.total.toFixed(2)}× in all on CPU time, ${wall.total.toFixed(2)}× on wall time).`);
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
