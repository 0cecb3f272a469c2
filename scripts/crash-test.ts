// Crash test: stop plantrace at random moments — kill -9 of a server taking
// documents through the API (during understanding, the intake journal, a
// commit, a relink, a checkpoint, or the recovery from the previous crash),
// kill -9 of a CLI ingest, SIGTERM and SIGINT — all on one store, and after
// each stop check that the store opens unaided, holds every acknowledged
// document whole (exactly its subgraph from a clean ingest), and has no
// region left unlinked.
//   node bin/run.js scripts/crash-test.ts [--rounds 50] [--seed 1] [--scale 100]
// The fault suite runs a few rounds (test/faults/crash.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLadybugStore } from '../src/graph/ladybug/store.ts';
import type { GraphStore } from '../src/graph/port.ts';
import { contentHash, documentIdOf } from '../src/ingest/ids.ts';
import { closeStore, ingestFiles, recover } from '../src/ingest/store/ingest.ts';
import { pendingRegions } from '../src/ingest/store/relink.ts';
import { resolvePaths } from '../src/ingest/read/paths.ts';
import { shapes, withStore, type DocShape } from '../test/faults/helpers.ts';
import { prng, writeCorpus } from './generate-corpus.ts';

export type StopKind = 'kill-serve' | 'kill-ingest' | 'SIGTERM' | 'SIGINT';

export interface CrashOptions {
  readonly rounds: number;
  readonly seed?: number;
  /** Generated corpus scale (10: 55 documents of 10–40 KiB, each over the 4 KiB the engine's journal cannot replay). */
  readonly scale?: number;
  readonly log?: (line: string) => void;
}

export interface RoundResult {
  readonly round: number;
  readonly kind: StopKind;
  /** What the process was doing when it was stopped, as far as its output tells. */
  readonly during: string;
  readonly acknowledged: number;
  readonly kept: number;
  readonly reopened: boolean;
  readonly whole: boolean;
  readonly linked: boolean;
  readonly problems: readonly string[];
}

export interface CrashReport {
  readonly rounds: readonly RoundResult[];
  readonly acknowledged: number;
  readonly kept: number;
  readonly reopened: number;
}

const TOKEN = 'crash-test-token-0123456789abcdef';
const INGEST = 'mutation ($name: String!, $text: String) { ingestDocument(name: $name, text: $text) { status documentId } }';
const BIN = new URL('../bin/plantrace.js', import.meta.url).pathname;

export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  // The same seed stops at the same moments.
  const rand = prng(options.seed ?? 1);
  const work = mkdtempSync(join(tmpdir(), 'plantrace-crash-'));
  try {
    const corpus = join(work, 'corpus');
    writeCorpus(corpus, options.scale ?? 10, options.seed ?? 1);
    const names = readdirSync(corpus).sort();
    const texts = new Map(names.map((n) => [n, readFileSync(join(corpus, n), 'utf8')]));
    log(`crash test: ${names.length} documents, ${options.rounds} rounds`);

    // What each document looks like after a clean ingest of the whole corpus.
    const clean = await withStore(join(work, 'clean'), async (store) => {
      await ingestFiles(await resolvePaths([corpus]), store);
      return shapes(store);
    });

    const data = join(work, 'data');
    // name → the content hash of the version acknowledged (every document has one version here).
    const acknowledged = new Map<string, string>();
    const results: RoundResult[] = [];
    let next = 0;
    const take = (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(names[next++ % names.length]!);
      return out;
    };

    for (let round = 1; round <= options.rounds; round++) {
      const r = rand();
      const kind: StopKind = r < 0.6 ? 'kill-serve' : r < 0.8 ? 'kill-ingest' : r < 0.9 ? 'SIGTERM' : 'SIGINT';
      let during: string;
      if (kind === 'kill-ingest') {
        const batch = join(work, `batch-${round}`);
        mkdirSync(batch);
        const chosen = take(8 + Math.floor(rand() * 12));
        for (const n of chosen) writeFileSync(join(batch, n), texts.get(n)!);
        // Killed after a random number of progress lines (none: during start-up or recovery), a moment later.
        const run = await ingestThenKill(batch, data, Math.floor(rand() * 4), rand() * 1500);
        during = run.during;
        // The CLI acknowledges a run when it exits 0: everything in it is then stored.
        if (run.completed) for (const n of chosen) acknowledged.set(n, contentHash(texts.get(n)!));
      } else {
        const docs = take(6 + Math.floor(rand() * 10));
        // Stopped a moment after a random number of acknowledgements, or during start-up (and so recovery) in one kill of six.
        const when = kind === 'kill-serve' && rand() < 1 / 6 ? { afterAcks: 0, ms: rand() * 2500 } : { afterAcks: 1 + Math.floor(rand() * (docs.length - 1)), ms: rand() * 800 };
        const served = await serveThenStop(data, kind, docs, texts, when);
        during = served.during;
        for (const n of served.acknowledged) acknowledged.set(n, contentHash(texts.get(n)!));
        if (kind !== 'kill-serve' && served.exitCode !== 0) during += `; exited ${served.exitCode} instead of 0`;
      }
      const check = await checkStore(data, acknowledged, clean);
      const result: RoundResult = { round, kind, during, acknowledged: acknowledged.size, ...check };
      results.push(result);
      log(
        `round ${String(round).padStart(3)}: ${kind.padEnd(11)} during ${during}: reopened ${check.reopened ? 'yes' : 'NO'}, acknowledged kept ${check.kept}/${acknowledged.size}, whole ${check.whole ? 'yes' : 'NO'}, linked ${check.linked ? 'yes' : 'NO'}${check.problems.length ? `\n    ${check.problems.join('\n    ')}` : ''}`,
      );
    }
    return {
      rounds: results,
      acknowledged: results.reduce((n, r) => n + r.acknowledged, 0),
      kept: results.reduce((n, r) => n + r.kept, 0),
      reopened: results.filter((r) => r.reopened).length,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Open as `serve` and `ingest` do (recovering), then check what is there. */
async function checkStore(
  data: string,
  acknowledged: ReadonlyMap<string, string>,
  clean: ReadonlyMap<string, DocShape>,
): Promise<Pick<RoundResult, 'kept' | 'reopened' | 'whole' | 'linked' | 'problems'>> {
  let store: GraphStore;
  try {
    store = await openLadybugStore({ path: data, onWarning: () => undefined });
  } catch (error) {
    return { kept: 0, reopened: false, whole: false, linked: false, problems: [`did not open: ${(error as Error).message}`] };
  }
  const problems: string[] = [];
  try {
    await recover(store);
    const left = await shapes(store);
    let kept = 0;
    for (const [name, sha] of acknowledged) {
      const shape = left.get(documentIdOf(name));
      if (shape?.sha256 === sha) kept++;
      else problems.push(`acknowledged ${name} is ${shape ? 'another version' : 'missing'}`);
    }
    let whole = true;
    for (const [doc, shape] of left) {
      if (JSON.stringify(sorted(shape)) !== JSON.stringify(sorted(clean.get(doc) ?? {}))) {
        whole = false;
        problems.push(`${doc} is not whole: ${JSON.stringify(shape)}`);
      }
    }
    const pending = await pendingRegions(store);
    if (pending.length) problems.push(`regions left unlinked: ${pending.join(', ')}`);
    await closeStore(store);
    return { kept, reopened: true, whole, linked: pending.length === 0, problems };
  } catch (error) {
    await store.close().catch(() => undefined);
    return { kept: 0, reopened: false, whole: false, linked: false, problems: [`recovery failed: ${(error as Error).message}`] };
  }
}

const sorted = (shape: DocShape) => Object.fromEntries(Object.entries(shape).sort(([a], [b]) => a.localeCompare(b)));

function child(args: readonly string[], data: string, env: Record<string, string> = {}): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      PLANTRACE_DATA: data,
      PLANTRACE_TOKEN: TOKEN,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      CI: '1',
      // Checkpoints every few documents, so that stops land in them too.
      PLANTRACE_SETTLE_BYTES: String(96 * 1024),
      PLANTRACE_WRITE_GROUP: '4',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (c: Buffer) => void (output += c.toString('utf8')));
  proc.stderr!.on('data', (c: Buffer) => void (output += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => output, exited };
}

/** The last thing a process said it was doing. */
function phase(output: string): string {
  if (/stopped\./.test(output)) return 'a graceful stop';
  if (/serving GraphQL/.test(output)) return 'serving';
  if (/redid|relinked|linked \d+ region/.test(output)) return 'recovery';
  if (/linking \d+ region/.test(output)) return 'the relink';
  if (/ingest: \d+\/\d+ files/.test(output)) return 'writing documents';
  return 'start-up';
}

/** Start `ingest` and SIGKILL it `ms` after its stderr has shown `lines` progress lines. */
async function ingestThenKill(dir: string, data: string, lines: number, ms: number): Promise<{ during: string; completed: boolean }> {
  const run = child(['ingest', dir], data);
  let timer: NodeJS.Timeout | undefined;
  const poll = setInterval(() => {
    if (timer === undefined && (run.output().match(/^ingest: \d+\/\d+ files/gm)?.length ?? 0) >= lines) {
      timer = setTimeout(() => run.proc.kill('SIGKILL'), ms);
    }
  }, 10);
  const code = await run.exited;
  clearInterval(poll);
  clearTimeout(timer);
  return code === 0 ? { during: 'nothing (the ingest had finished)', completed: true } : { during: phase(run.output()), completed: false };
}

/**
 * Start `serve`, send documents one at a time through the mutation, and stop
 * it with `kind` `when.ms` after the `when.afterAcks`-th acknowledgement (0:
 * after the start, so it may land during the recovery). A document is
 * acknowledged when the answer INGESTED or UNCHANGED has arrived.
 */
async function serveThenStop(
  data: string,
  kind: Exclude<StopKind, 'kill-ingest'>,
  docs: readonly string[],
  texts: ReadonlyMap<string, string>,
  when: { readonly afterAcks: number; readonly ms: number },
): Promise<{ during: string; acknowledged: string[]; exitCode: number | null }> {
  const run = child(['serve'], data);
  const acknowledged: string[] = [];
  let sending: string | null = null;
  let stopped = false;
  let during = 'start-up';
  let timer: NodeJS.Timeout | undefined;
  const arm = (now = false) => {
    if (timer !== undefined || (!now && acknowledged.length < when.afterAcks)) return;
    timer = setTimeout(() => {
      stopped = true;
      during = sending ? `the ingest of ${sending}` : phase(run.output());
      run.proc.kill(kind === 'kill-serve' ? 'SIGKILL' : kind);
    }, when.ms);
  };
  arm();
  const url = await Promise.race([
    new Promise<string>((resolve) => {
      const poll = setInterval(() => {
        const m = /serving GraphQL at (\S+)\/graphql/.exec(run.output());
        if (m) {
          clearInterval(poll);
          resolve(m[1]!);
        }
      }, 10);
      void run.exited.then(() => clearInterval(poll));
    }),
    run.exited.then(() => null),
  ]);
  if (url) {
    for (const name of docs) {
      if (stopped) break;
      sending = name;
      try {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ query: INGEST, variables: { name, text: texts.get(name) } }),
        });
        const body = (await response.json()) as { data?: { ingestDocument?: { status: string } } };
        const status = body.data?.ingestDocument?.status;
        if (status === 'INGESTED' || status === 'UNCHANGED') acknowledged.push(name);
      } catch {
        break; // the connection died with the process: not acknowledged
      }
      sending = null;
      arm();
    }
  }
  // Everything sent (or the server is gone): the stop comes now.
  arm(true);
  const code = await run.exited;
  clearTimeout(timer);
  if (!stopped) during = `nothing (it exited by itself: ${run.output().slice(-300)})`;
  return { during, acknowledged, exitCode: code };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (flag: string, fallback: number) => {
    const i = process.argv.indexOf(flag);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const report = await runCrashTest({ rounds: arg('--rounds', 50), seed: arg('--seed', 1), scale: arg('--scale', 100), log: (l) => console.log(l) });
  const byKind = new Map<StopKind, number>();
  for (const r of report.rounds) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  const kept = report.rounds.reduce((n, r) => n + r.kept, 0);
  const acked = report.rounds.reduce((n, r) => n + r.acknowledged, 0);
  console.log(`\nstops: ${[...byKind].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  console.log(`acknowledged documents kept / acknowledged, summed over the rounds: ${kept}/${acked} (${((100 * kept) / Math.max(acked, 1)).toFixed(1)}%)`);
  console.log(`stores reopened unaided / runs: ${report.reopened}/${report.rounds.length} (${((100 * report.reopened) / report.rounds.length).toFixed(1)}%)`);
  console.log(`whole: ${report.rounds.filter((r) => r.whole).length}/${report.rounds.length}; linked: ${report.rounds.filter((r) => r.linked).length}/${report.rounds.length}`);
  process.exitCode = kept === acked && report.reopened === report.rounds.length && report.rounds.every((r) => r.whole && r.linked) ? 0 : 1;
}
