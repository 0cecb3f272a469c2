import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import { recordDecision } from '../../src/ingest/store/reviews.ts';

const dir = mkdtempSync(join(tmpdir(), 'plantrace-reviews-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plantrace(args: string[], data: string) {
  const r = spawnSync(process.execPath, ['bin/plantrace.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLANTRACE_DATA: data, CI: '1' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('plantrace reviews export and import', () => {
  it('move decisions to another store with the same documents, relinking there; a bad file imports nothing', async () => {
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    for (const data of [a, b]) expect(plantrace(['ingest', 'seeds'], data).code).toBe(0);
    // A decision as the API records it: 市中心医院迁建 is not reported by a sentence that does not name it.
    const store = await openLadybugStore({ path: a });
    const recorded = await recordDecision(store, {
      kind: 'EVIDENCE',
      from: 'doc-7884afb05359:t16258',
      to: 'doc-581b6897025c:t3662',
      decision: 'REJECT',
      note: '未提及市中心医院',
      reviewer: '李',
    });
    await store.close();
    expect(recorded.status).toBe('RECORDED');

    const file = join(dir, 'reviews.ndjson');
    const exported = plantrace(['reviews', 'export', '--out', file], a);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.err).toMatch(/^Wrote 1 decision\(s\) from the embedded store in .* to .*reviews\.ndjson\.$/m);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text.trim())).toMatchObject({ kind: 'EVIDENCE', decision: 'REJECT', note: '未提及市中心医院', reviewer: '李' });

    const imported = plantrace(['reviews', 'import', file], b);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/^Imported 1 decision\(s\) from .* into the embedded store in .*: 1 new, 0 already held; relinked 1 region\(s\)\.$/m);
    expect(plantrace(['reviews', 'export'], b).out).toBe(text);

    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, `${text}{"kind":"EVIDENCE"}\n`);
    const refused = plantrace(['reviews', 'import', bad], b);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('bad.ndjson is not a file of decisions; nothing was imported:\n  line 2: fromId: ');

    // A changed summary leaves the decision naming other text: the ingest says so.
    const changed = join(dir, 'changed');
    mkdirSync(changed);
    const summary = readFileSync('seeds/000_d0de7db37b98f3f9.txt', 'utf8');
    writeFileSync(join(changed, '000_d0de7db37b98f3f9.txt'), summary.replace('目前市级集中隔离点', '当前市级集中隔离点'));
    const ingested = plantrace(['ingest', changed], b);
    expect(ingested.code, ingested.err).toBe(0);
    expect(ingested.out).toContain('1 reviewer decision(s) need a new look');

    // reset keeps decisions unless asked.
    expect(plantrace(['reset'], b).out).toMatch(/kept 1 reviewer decision\(s\), which apply again when their documents are ingested\.$/m);
    expect(plantrace(['reset', '--reviews'], b).out).not.toMatch(/kept/);
    expect(plantrace(['reviews', 'export'], b).out).toBe('');
    // Each command is a process of its own (about 5 s on a loaded machine), ten of them.
  }, 300_000);
});
