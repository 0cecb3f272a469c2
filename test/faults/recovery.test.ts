// A process that dies holding a document's text in the engine's journal (kill
// -9 right after a commit) leaves a journal LadybugDB 0.19.1 cannot replay;
// one that dies during a checkpoint leaves it renamed `.wal.checkpoint`. Either
// way the store must open without a manual step, say what it did, and redo the
// acknowledged document from the intake journal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import { documentQueries } from '../../src/graph/queries/documents.ts';
import { closeStore, recover } from '../../src/ingest/store/ingest.ts';

const root = mkdtempSync(join(tmpdir(), 'plantrace-recovery-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const src = (path: string) => pathToFileURL(join(process.cwd(), path)).href;

/** Ingest one seed through ingestBytes in a child, which then kills itself with SIGKILL (nothing closed, nothing checkpointed). */
function ingestThenDie(data: string, seed: string): void {
  const script = join(root, `die-${Date.now()}.mts`);
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
import { openLadybugStore } from '${src('src/graph/ladybug/store.ts')}';
import { ingestBytes } from '${src('src/ingest/store/ingest.ts')}';
const store = await openLadybugStore({ path: ${JSON.stringify(data)} });
const outcome = await ingestBytes(store, { name: ${JSON.stringify(seed)}, bytes: readFileSync(${JSON.stringify(join('seeds', seed))}) });
console.log(outcome.status);
process.kill(process.pid, 'SIGKILL');
`,
  );
  const run = spawnSync(process.execPath, ['bin/run.js', script], { encoding: 'utf8', timeout: 60_000 });
  expect(run.signal).toBe('SIGKILL');
  expect(run.stdout.trim()).toBe('INGESTED');
}

async function documents(data: string): Promise<{ ids: string[]; recovered: string | null; message: string | null }> {
  const store = await openLadybugStore({ path: data, onWarning: () => undefined });
  const recovered = store.recovered ?? null;
  const recovery = await recover(store);
  const ids = (await store.read(documentQueries.hashes())).map((r) => String(r.id));
  await closeStore(store);
  return { ids, recovered, message: recovery.message };
}

describe('opening a store after its writer died', () => {
  it('sets an unreplayable journal aside, opens the last checkpoint and redoes the acknowledged document', { timeout: 90_000 }, async () => {
    const data = join(root, 'wal');
    ingestThenDie(data, '004_80ecafe8e7002946.txt');
    expect(existsSync(join(data, 'plantrace.lbug.wal'))).toBe(true);
    const after = await documents(data);
    expect(after.recovered).toMatch(/not closed cleanly.*plantrace\.lbug\.wal\.unreplayable-/);
    expect(after.message).toMatch(/redid 1 acknowledged document\(s\) from the intake journal \(0 were still stored\)/);
    expect(after.ids).toHaveLength(1);
    // What the set-aside journal held that was acknowledged is redone: it is removed, not left to fill the disk.
    expect(readdirSync(data).filter((f) => f.includes('unreplayable'))).toEqual([]);
    // Closed cleanly: the next open has nothing to redo.
    const again = await documents(data);
    expect(again).toEqual({ ids: after.ids, recovered: null, message: null });
  });

  it('does the same when the writer died during a checkpoint (the journal renamed .wal.checkpoint)', { timeout: 90_000 }, async () => {
    const data = join(root, 'checkpoint');
    ingestThenDie(data, '003_d499b532073839b7.txt');
    // What a kill during CHECKPOINT leaves (seen with kills in a checkpoint loop): the journal under its checkpoint name.
    renameSync(join(data, 'plantrace.lbug.wal'), join(data, 'plantrace.lbug.wal.checkpoint'));
    const after = await documents(data);
    expect(after.recovered).toMatch(/plantrace\.lbug\.wal\.checkpoint\.unreplayable-/);
    expect(after.ids).toHaveLength(1);
    expect(readdirSync(data).filter((f) => f.endsWith('.wal') || f.endsWith('.wal.checkpoint'))).toEqual([]);
  });
});
