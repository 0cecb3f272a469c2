// Mutated documents for the fuzz test, and the run of one through readBytes →
// understand → toBatch. Run as a child process by fuzz.test.ts, so that a case
// that never returns can be stopped from outside:
//   node bin/run.js test/faults/fuzz-cases.ts <count> <seed>
// prints one JSON line (CaseResult) per case.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { prng } from '../../scripts/generate-corpus.ts';
import { toBatch } from '../../src/ingest/store/batch.ts';
import { understand } from '../../src/ingest/pipeline.ts';
import { readBytes } from '../../src/ingest/read/index.ts';
import type { ReadFailureCode } from '../../src/ingest/types.ts';

export interface FuzzCase {
  readonly kind: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface CaseResult {
  readonly i: number;
  readonly kind: string;
  readonly bytes: number;
  readonly ms: number;
  /** `stored`: it would be written; `failed`: a ReadFailure; `crash`: something threw. */
  readonly outcome: 'stored' | 'failed' | 'crash';
  readonly code?: ReadFailureCode;
  readonly reason?: string;
  readonly statements?: number;
  readonly error?: string;
}

const SEEDS = new URL('../../seeds/', import.meta.url);
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** The mutation kinds, each a function of a random stream. */
const KINDS: ReadonlyArray<readonly [string, number, (r: () => number) => FuzzCase]> = [
  ['truncated', 10, (r) => {
    const b = utf8(base(r));
    return { kind: 'truncated', name: 'cut.txt', bytes: b.subarray(0, Math.floor(r() * b.length)) };
  }],
  ['shuffled-lines', 10, (r) => ({ kind: 'shuffled-lines', name: 'shuffled.txt', bytes: utf8(shuffle(base(r).split('\n'), r).join('\n')) })],
  ['random-bytes', 8, (r) => {
    const b = new Uint8Array(utf8(base(r)));
    for (let n = 1 + Math.floor(r() * 50); n > 0; n--) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    return { kind: 'random-bytes', name: 'flipped.txt', bytes: b };
  }],
  ['noise', 5, (r) => ({ kind: 'noise', name: pick(['noise.txt', 'noise.docx', 'noise.pdf', 'noise.doc', 'noise'], r), bytes: bytes(Math.floor(r() * 20_000), r) })],
  ['broken-numbering', 10, (r) => ({
    kind: 'broken-numbering',
    name: 'numbering.txt',
    bytes: utf8(
      base(r).replace(/^([　\s]*)(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|第[一二三四五六七八九十]+[，,、])/gm, (_m, lead: string) =>
        `${lead}${pick(['九十九、', '（〇）', '0.', '（３３）', '第零，', '', '一、一、', '（一', '1.1.1.', '⑳'], r)}`,
      ),
    ),
  })],
  ['huge-line', 2, (r) => {
    const text = r() < 0.5 ? seeds[Math.floor(r() * seeds.length)]!.replace(/\n/g, '') : `${base(r)}\n${pick(['卫生健康', '一、', '。', 'a', '（一）'], r).repeat(50_000 + Math.floor(r() * 150_000))}\n`;
    return { kind: 'huge-line', name: 'huge.txt', bytes: utf8(text) };
  }],
  ['deep-nesting', 5, (r) => ({ kind: 'deep-nesting', name: 'nested.txt', bytes: utf8(nested(r)) })],
  ['gbk-as-utf8', 8, (r) => ({ kind: 'gbk-as-utf8', name: 'gbk.txt', bytes: new Uint8Array(iconv.encode(base(r), pick(['gbk', 'gb18030', 'big5'], r))) })],
  ['utf16-no-bom', 8, (r) => ({ kind: 'utf16-no-bom', name: 'utf16.txt', bytes: new Uint8Array(iconv.encode(base(r), pick(['utf16le', 'utf16be'], r) as string, { addBOM: false })) })],
  ['empty', 2, () => ({ kind: 'empty', name: 'empty.txt', bytes: new Uint8Array(0) })],
  ['whitespace', 4, (r) => ({ kind: 'whitespace', name: 'blank.txt', bytes: utf8(Array.from({ length: Math.floor(r() * 2000) }, () => pick([' ', '\n', '\r\n', '\t', '\u3000', '\u00a0', '\ufeff'], r)).join('')) })],
  ['control-chars', 5, (r) => {
    const text = [...base(r)].map((c) => (r() < 0.01 ? pick(['\u0000', '\u0007', '\u001b', '\u200b', '\u202e', '\ud800', '\r'], r) : c)).join('');
    return { kind: 'control-chars', name: 'control.txt', bytes: utf8(text) };
  }],
  ['fake-container', 4, (r) => {
    const head = pick([[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [...Buffer.from('%PDF-1.7\n')], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]], r);
    const rest = r() < 0.5 ? utf8(base(r)) : bytes(Math.floor(r() * 5000), r);
    return { kind: 'fake-container', name: pick(['x.docx', 'x.doc', 'x.pdf', 'x.txt'], r), bytes: new Uint8Array([...head, ...rest]) };
  }],
  ['repeated', 1, (r) => ({ kind: 'repeated', name: 'long.txt', bytes: utf8(seeds[Math.floor(r() * seeds.length)]!.repeat(5 + Math.floor(r() * 20))) })],
  ['whole-seed-edits', 10, (r) => {
    // A whole seed with a few local edits: the realistic case.
    const lines = seeds[Math.floor(r() * seeds.length)]!.split('\n');
    for (let n = Math.floor(r() * 5); n > 0; n--) {
      const i = Math.floor(r() * lines.length);
      const op = r();
      if (op < 0.3) lines.splice(i, 1);
      else if (op < 0.6) lines.splice(i, 0, lines[Math.floor(r() * lines.length)]!);
      else lines[i] = (lines[i] ?? '').slice(0, Math.floor(r() * (lines[i]?.length ?? 0)));
    }
    return { kind: 'whole-seed-edits', name: 'edited.txt', bytes: utf8(lines.join(pick(['\n', '\r\n', '\r'], r))) };
  }],
];

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!;

function shuffle<T>(xs: T[], r: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

function bytes(n: number, r: () => number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** A piece of a seed (title lines kept), 1–12 KB: enough structure, cheap to run thousands of times. */
function base(r: () => number): string {
  const lines = seeds[Math.floor(r() * seeds.length)]!.split('\n');
  const from = 2 + Math.floor(r() * Math.max(1, lines.length - 2));
  const out = lines.slice(0, 2);
  for (let i = from; i < lines.length && out.join('\n').length < 1000 + r() * 4000; i++) out.push(lines[i]!);
  return out.join('\n');
}

/** Headings nested hundreds deep through every numbering style, and some bare. */
function nested(r: () => number): string {
  const styles = [(n: number) => `${'一二三四五六七八九十'[n % 10]}、`, (n: number) => `（${'一二三四五六七八九十'[n % 10]}）`, (n: number) => `${n + 1}.`, (n: number) => `（${n + 1}）`, (n: number) => `${'①②③④⑤⑥⑦⑧⑨⑩'[n % 10]}`, () => '——', (n: number) => `第${'一二三四五六七八九十'[n % 10]}部分`];
  const lines = ['某市卫生健康委员会2023年工作计划', ''];
  const depth = 50 + Math.floor(r() * 400);
  for (let i = 0; i < depth; i++) {
    lines.push(`${pick(styles, r)(i)}推进第${i}层重点工作`);
    if (r() < 0.5) lines.push(`到2025年，建成${i}个社区卫生服务中心，确保完成目标任务。`);
  }
  return lines.join('\n');
}

export function* cases(count: number, seed: number): Generator<FuzzCase> {
  const total = KINDS.reduce((n, [, w]) => n + w, 0);
  for (let i = 0; i < count; i++) {
    const r = prng(seed * 1_000_003 + i);
    let x = r() * total;
    const kind = KINDS.find(([, w]) => (x -= w) < 0) ?? KINDS[0]!;
    yield kind[2](r);
  }
}

/** One case through the reader and the pure stages, classified as ingestSource would. */
export async function runCase(c: FuzzCase, i: number): Promise<CaseResult> {
  const started = performance.now();
  const done = (rest: Omit<CaseResult, 'i' | 'kind' | 'bytes' | 'ms'>): CaseResult => ({ i, kind: c.kind, bytes: c.bytes.length, ms: performance.now() - started, ...rest });
  let read;
  try {
    read = await readBytes(c.name, c.bytes);
  } catch (error) {
    return done({ outcome: 'crash', error: `readBytes threw: ${(error as Error).stack ?? String(error)}` });
  }
  if (!read.ok) return done({ outcome: 'failed', code: read.failure.code, reason: read.failure.reason });
  try {
    const u = understand(read.source);
    if (u.statements.length === 0) return done({ outcome: 'failed', code: 'NO_STRUCTURE', reason: 'holds no sentences plantrace can read as a plan or a summary' });
    toBatch(u, '2024-01-01T00:00:00.000Z');
    return done({ outcome: 'stored', statements: u.statements.length });
  } catch (error) {
    return done({ outcome: 'crash', error: `${(error as Error).stack ?? String(error)}` });
  }
}

if (process.argv[1]?.endsWith('fuzz-cases.ts')) {
  const [count = '100', seed = '1'] = process.argv.slice(2);
  let i = 0;
  for (const c of cases(Number(count), Number(seed))) {
    process.stdout.write(`${JSON.stringify(await runCase(c, i++))}\n`);
  }
}
