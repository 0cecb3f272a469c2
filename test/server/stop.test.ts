import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/port.ts';
import { createApollo } from '../../src/server/apollo.ts';
import { createHttpServer } from '../../src/server/http.ts';
import { InFlight } from '../../src/server/in-flight.ts';
import { stopOnSignals, type StopSignal } from '../../src/server/signals.ts';
import { plantrace } from '../faults/helpers.ts';
import { post, seededStore, serve, stub } from './helpers.ts';

// Stopping the server must keep what it wrote. LadybugDB checkpoints when the
// store closes, and cannot replay the journal of a process that died holding a
// document's text (over 4 KiB): the store then reopens at its last checkpoint.
// Apollo's own signal handler stopped Apollo and sent the signal again, so the
// process died before plantrace closed the store, and every document ingested
// through the API since the start was gone.

const TOKEN = 'stop-test-token-0123456789abcdef';
const INGEST = 'mutation ($name: String!, $text: String) { ingestDocument(name: $name, text: $text) { status documentId } }';
const dir = mkdtempSync(join(tmpdir(), 'plantrace-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stdout: () => string;
}

/** `plantrace serve` as a deployment runs it (NODE_ENV=production, which is when Apollo installed its handlers), on a port the OS picks. */
async function serveChild(data: string): Promise<Served> {
  const child = spawn(process.execPath, ['bin/plantrace.js', 'serve'], {
    env: { ...process.env, NODE_ENV: 'production', PLANTRACE_DATA: data, PLANTRACE_TOKEN: TOKEN, PORT: '0', HOST: '127.0.0.1', CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const m = /serving GraphQL at (\S+)\/graphql/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then(({ code, signal }) => reject(new Error(`serve exited (${code ?? signal}) before listening: ${stderr}`)));
  });
  return { child, url, exited, stdout: () => stdout };
}

describe('plantrace stats beside a running serve', () => {
  it('reads the store the server holds (read-only), where another writer is refused with what to do', { timeout: 90_000 }, async () => {
    const data = join(dir, 'beside');
    expect(plantrace(['ingest', 'seeds/004_80ecafe8e7002946.txt'], data).code).toBe(0);
    const served = await serveChild(data);
    try {
      const stats = plantrace(['stats', '--json'], data);
      expect(stats.code, stats.err).toBe(0);
      expect((JSON.parse(stats.out) as { nodes: Record<string, number> }).nodes.Document).toBe(1);
      const ingest = plantrace(['ingest', 'seeds/003_d499b532073839b7.txt'], data);
      expect(ingest.code).not.toBe(0);
      expect(ingest.err).toContain('a running `serve`?');
      expect(ingest.err).toContain('plantrace ingest --server');
      // As it says: through the server, with its token.
      const remote = (token: string | undefined) =>
        spawnSync(process.execPath, ['bin/plantrace.js', 'ingest', '--server', served.url, 'seeds/003_d499b532073839b7.txt'], {
          encoding: 'utf8',
          env: { ...process.env, PLANTRACE_DATA: data, CI: '1', PLANTRACE_TOKEN: token ?? '' },
        });
      const through = remote(TOKEN);
      expect(through.status, through.stderr).toBe(0);
      expect(through.stdout).toContain('Ingested 1 document(s), 0 unchanged, 0 failed, through the server at');
      expect(remote(TOKEN).stdout).toContain('Ingested 0 document(s), 1 unchanged, 0 failed');
      const refused = remote(undefined);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/the server refused: .*set PLANTRACE_TOKEN/);
      const docs = await fetch(`${served.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ documents { name } }' }) });
      expect(((await docs.json()) as { data: { documents: unknown[] } }).data.documents).toHaveLength(2);
    } finally {
      served.child.kill('SIGTERM');
      await served.exited;
    }
  });
});

describe('plantrace serve, stopped by a signal', () => {
  const kaifeng = readFileSync('seeds/004_80ecafe8e7002946.txt', 'utf8');

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`keeps a document ingested through the API when stopped with ${signal}, and exits 0`, { timeout: 90_000 }, async () => {
      const data = join(dir, signal);
      const served = await serveChild(data);
      try {
        const res = await fetch(`${served.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ query: INGEST, variables: { name: 'kaifeng-2022.txt', text: kaifeng } }),
        });
        const body = (await res.json()) as { data?: { ingestDocument?: { status: string } } };
        expect(body.data?.ingestDocument?.status).toBe('INGESTED');
        served.child.kill(signal);
        expect(await served.exited).toEqual({ code: 0, signal: null });
        expect(served.stdout()).toContain('plantrace: stopped.');
      } finally {
        if (served.child.exitCode === null && served.child.signalCode === null) served.child.kill('SIGKILL');
      }
      const stats = plantrace(['stats', '--json'], data);
      expect(stats.err).not.toMatch(/not closed cleanly/);
      expect(stats.code).toBe(0);
      const counts = JSON.parse(stats.out) as { nodes: Record<string, number> };
      expect(counts.nodes.Document).toBe(1);
      expect(counts.nodes.Commitment).toBeGreaterThan(100);
    });
  }
});

describe('stopping the HTTP server', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  /** A store whose reads wait for `open()`; `reading` settles once the first read has begun. */
  function gated() {
    let open!: () => void;
    let began!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const reading = new Promise<void>((resolve) => (began = resolve));
    const slow = stub(store, async (q) => {
      began();
      await gate;
      return store.read(q);
    });
    return { slow, open, reading };
  }

  it('lets a request under way finish and answer before it stops', async () => {
    const { slow, open, reading } = gated();
    const api = await serve(slow);
    const answer = post(api, '{ documents { id } }');
    await reading;
    let stopped = false;
    const closing = api.close(10_000).then((finished) => ((stopped = true), finished));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stopped).toBe(false);
    open();
    const r = await answer;
    expect(r.status).toBe(200);
    expect(r.body.data?.documents).toHaveLength(5);
    expect(r.headers.get('connection')).toBe('close');
    expect(await closing).toBe(true);
  });

  it('waits for the work of a request already answered TIMEOUT (a write goes on after its answer)', async () => {
    const { slow, open, reading } = gated();
    const api = await serve(slow, { requestTimeoutMs: 50 });
    const r = await post(api, '{ documents { id } }');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    await reading;
    let stopped = false;
    const closing = api.close(10_000).then((finished) => ((stopped = true), finished));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stopped).toBe(false);
    open();
    expect(await closing).toBe(true);
  });

  it('waits no longer than its grace for a request that does not finish, and says so', async () => {
    const { slow, open, reading } = gated();
    const api = await serve(slow);
    const answer = post(api, '{ documents { id } }').catch((e: unknown) => e);
    await reading;
    const started = Date.now();
    expect(await api.close(200)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await answer).toBeInstanceOf(Error);
    open();
  });

  it('refuses a request that arrives while it drains, on a connection still open', async () => {
    const inFlight = new InFlight();
    void inFlight.drain(0);
    const apollo = createApollo();
    await apollo.start();
    const server = createHttpServer({ apollo, store, inFlight });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(res.status).toBe(503);
      expect(res.headers.get('connection')).toBe('close');
      expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('SHUTTING_DOWN');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    }
  });
});

describe('the signal handler', () => {
  /** A process stand-in: signals are emitted by the test, exits recorded. */
  function fakeProcess() {
    const events = new EventEmitter();
    const exits: number[] = [];
    return { target: { on: (s: StopSignal, l: (s: StopSignal) => void) => events.on(s, l), exit: (code: number) => void exits.push(code) }, events, exits };
  }
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('stops once on the first SIGTERM or SIGINT and exits 0 when done', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { target, events, exits } = fakeProcess();
      const stops: StopSignal[] = [];
      let done!: () => void;
      stopOnSignals(
        (s) => {
          stops.push(s);
          return new Promise<void>((resolve) => (done = resolve));
        },
        target,
        () => undefined,
      );
      events.emit(signal, signal);
      await tick();
      expect(stops).toEqual([signal]);
      expect(exits).toEqual([]);
      done();
      await tick();
      expect(exits).toEqual([0]);
    }
  });

  it('exits at once on a second signal, with the code of death by that signal', async () => {
    for (const [first, second, code] of [['SIGTERM', 'SIGTERM', 143], ['SIGTERM', 'SIGINT', 130], ['SIGINT', 'SIGINT', 130]] as const) {
      const { target, events, exits } = fakeProcess();
      let stops = 0;
      stopOnSignals(() => (stops++, new Promise<void>(() => undefined)), target, () => undefined);
      events.emit(first, first);
      events.emit(second, second);
      await tick();
      expect(stops).toBe(1);
      expect(exits).toEqual([code]);
    }
  });

  it('exits 1 when stopping fails', async () => {
    const { target, events, exits } = fakeProcess();
    const lines: string[] = [];
    stopOnSignals(() => Promise.reject(new Error('checkpoint failed')), target, (l) => lines.push(l));
    events.emit('SIGTERM', 'SIGTERM');
    await tick();
    expect(exits).toEqual([1]);
    expect(lines).toEqual(['plantrace: stopping failed: checkpoint failed']);
  });
});
