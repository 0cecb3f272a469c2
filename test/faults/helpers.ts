// Shared by the fault tests: a document's subgraph as counts reached from its
// Document node, the derived links as exact sets, and a plantrace child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import { OWNED_LABELS, REL_TYPES, DERIVED_REL_TYPES } from '../../src/graph/model.ts';

type Rows = Array<Record<string, unknown>>;

/** Per document: its owned nodes by label, relationships leaving them by type, and what traversal from the Document reaches. */
export type DocShape = Record<string, number | string>;

export async function shapes(store: GraphStore): Promise<Map<string, DocShape>> {
  const out = new Map<string, DocShape>();
  const at = (doc: unknown) => {
    const id = String(doc);
    let s = out.get(id);
    if (!s) out.set(id, (s = {}));
    return s;
  };
  const read = (name: string, text: string): Promise<Rows> => store.read({ name, text, params: {} });
  for (const label of OWNED_LABELS) {
    for (const r of await read(`faults.owned.${label}`, `MATCH (n:${label}) RETURN n.doc AS doc, count(n) AS c`)) at(r.doc)[label] = Number(r.c);
  }
  for (const type of REL_TYPES.filter((t) => !DERIVED_REL_TYPES.includes(t) && t !== 'PART_OF')) {
    for (const r of await read(`faults.rels.${type}`, `MATCH (a)-[r:${type}]->() RETURN a.doc AS doc, count(r) AS c`)) at(r.doc)[type] = Number(r.c);
  }
  for (const r of await read('faults.sha', 'MATCH (d:Document) RETURN d.id AS doc, d.sha256 AS sha')) at(r.doc).sha256 = String(r.sha);
  const reached = await read(
    'faults.reach',
    'MATCH (d:Document)-[:HAS_SECTION*1..12]->(s:Section) OPTIONAL MATCH (s)-[:STATES]->(t) RETURN d.id AS doc, count(DISTINCT s) AS sections, count(t) AS statements',
  );
  for (const r of reached) {
    at(r.doc).reachedSections = Number(r.sections);
    at(r.doc).reachedStatements = Number(r.statements);
  }
  return out;
}

/** Every derived link and every commitment status, as sorted strings: two stores with equal lists are linked alike. */
export async function linkSets(store: GraphStore): Promise<{ links: string[]; statuses: string[] }> {
  const links = await store.read({
    name: 'faults.links',
    text: 'MATCH (a:Commitment)-[r:EVIDENCED_BY|CONTINUES]->(b) RETURN a.id AS a, b.id AS b, label(r) AS t, r.verdict AS v, r.score AS s',
    params: {},
  });
  const statuses = await store.read({ name: 'faults.statuses', text: 'MATCH (c:Commitment) RETURN c.id AS id, c.status AS s', params: {} });
  return {
    links: links.map((r) => `${String(r.a)} ${String(r.t)} ${String(r.b)} ${String(r.v)} ${Number(r.s).toFixed(3)}`).sort(),
    statuses: statuses.map((r) => `${String(r.id)} ${String(r.s)}`).sort(),
  };
}

export function plantrace(args: readonly string[], data: string, timeout = 120_000) {
  const r = spawnSync(process.execPath, ['bin/plantrace.js', ...args], { encoding: 'utf8', env: { ...process.env, PLANTRACE_DATA: data, CI: '1' }, timeout });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * Start `plantrace ingest` and SIGKILL it once its stderr has shown `lines`
 * progress lines, plus `delayMs` (so the kill lands inside a later document's
 * transaction as often as not). Resolves with what it printed.
 */
export function ingestAndKill(dir: string, data: string, lines: number, delayMs: number): Promise<{ stderr: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['bin/plantrace.js', 'ingest', dir], {
      // Groups of four: some are committed by the time of the kill, and one is usually being written.
      env: { ...process.env, PLANTRACE_DATA: data, PLANTRACE_WRITE_GROUP: '4', CI: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (!killed && stderr.split('\n').filter((l) => l.startsWith('ingest: ') && l.includes(' files, ')).length >= lines) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ stderr, killed: killed && signal === 'SIGKILL' });
    });
  });
}

/** The embedded store at `path`, opened for `work` and closed after it (its warnings unprinted). */
export async function withStore<T>(path: string, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openLadybugStore({ path, onWarning: () => undefined });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
