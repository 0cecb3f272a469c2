import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import { node } from './rows.ts';
import { storeContract } from './store.contract.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'plantrace-lbug-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

storeContract('LadybugDB in memory', () => openLadybugStore({ path: ':memory:' }));
storeContract('LadybugDB on disk', () => openLadybugStore({ path: tempDir() }));

describe('LadybugDB store on disk', () => {
  it('keeps data across a close and reopen', async () => {
    const dir = tempDir();
    const first = await openLadybugStore({ path: dir });
    await first.replaceDocuments([{ documentId: 'd', nodes: { Document: [node('Document', { id: 'd', doc: 'd', title: '持久' })] }, shared: {}, rels: [] }]);
    await first.close();
    const second = await openLadybugStore({ path: dir });
    const rows = await second.read({ name: 't', text: 'MATCH (d:Document) RETURN d.title AS title', params: {} });
    await second.close();
    expect(rows).toEqual([{ title: '持久' }]);
  });
});
