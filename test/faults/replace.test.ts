// A changed document re-ingested 20 times while readers run in the same
// process: every read sees exactly one version of the document (its title,
// its sections, its statements and the links leaving them), never a mixture.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus } from '../../scripts/generate-corpus.ts';
import { withReadCache } from '../../src/graph/cache.ts';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import { documentIdOf, understand } from '../../src/ingest/pipeline.ts';

const dir = mkdtempSync(join(tmpdir(), 'plantrace-replace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VERSIONS = 20;

/**
 * Version v: the plan with a marker closing every paragraph. Markers differ in
 * length, so offsets, and with them section and statement ids, differ too.
 */
function version(base: string, v: number): string {
  const marker = `（第${v}版${'修'.repeat(v)}）`;
  const lines = base.split('\n');
  return lines.map((l, i) => (i === 0 ? `${l}${marker}` : l.endsWith('。') ? `${l}${marker}` : l)).join('\n');
}

interface Expected {
  readonly title: string;
  readonly sections: string;
  readonly commitments: string;
}

const key = (ids: Iterable<unknown>) => [...new Set([...ids].map(String))].sort().join(' ');

describe('re-ingesting a changed document while readers run', () => {
  it.each([
    ['the store', (s: GraphStore) => s],
    ['the read cache the server uses', (s: GraphStore) => withReadCache(s)],
  ])('readers of %s never see a mixture of two versions', async (label, wrap) => {
    const docs = [...corpus(1, 11)];
    const plan = docs.find((d) => d.name.includes('_004_'))!;
    const summary = docs.find((d) => d.name.includes('_000_') && d.regionCode === plan.regionCode)!;
    const work = join(dir, label.replace(/\W+/g, '-'));
    const planFile = join(dir, `${label.length}-plan.txt`);
    const summaryFile = join(dir, `${label.length}-summary.txt`);
    writeFileSync(summaryFile, summary.text);
    const name = `${label.length}-plan.txt`;
    const doc = documentIdOf(name);
    const expected: Expected[] = [];
    for (let v = 0; v <= VERSIONS; v++) {
      const u = understand({ name, format: 'txt', encoding: 'UTF-8', text: version(plan.text, v) });
      expected.push({
        title: u.description.title,
        sections: key(u.sections.map((s) => s.id)),
        commitments: key(u.statements.filter((t) => t.class === 'COMMITMENT').map((t) => t.id)),
      });
    }
    expect(new Set(expected.map((e) => e.sections)).size).toBe(VERSIONS + 1);

    const raw = await openLadybugStore({ path: work });
    const store = wrap(raw);
    try {
      writeFileSync(planFile, version(plan.text, 0));
      await ingestFiles([summaryFile, planFile], store);

      let writing = true;
      let reads = 0;
      const problems: string[] = [];
      const check = (what: string, v: number, ok: boolean) => {
        if (!ok && problems.length < 10) problems.push(`${what}: not one whole version (the title read is version ${v})`);
      };
      const versionOf = (title: unknown) => expected.findIndex((e) => e.title === title);
      const reader = async () => {
        while (writing) {
          // A turn of the event loop per round, as between requests: answers from the cache are
          // immediate, and a loop of them alone would never let the writer's callbacks run.
          await new Promise((resolve) => setImmediate(resolve));
          const tree = await store.read({
            name: 'faults.tree',
            text: 'MATCH (d:Document {id: $doc})-[:HAS_SECTION*1..12]->(s:Section) RETURN d.title AS title, s.id AS id',
            params: { doc },
          });
          const v = versionOf(tree[0]?.title);
          check('title', v, v >= 0 && tree.every((r) => r.title === tree[0]!.title));
          check('sections reached from the document', v, key(tree.map((r) => r.id)) === expected[v]?.sections);

          const sections = await store.read({ name: 'faults.sections', text: 'MATCH (s:Section {doc: $doc}) RETURN s.id AS id', params: { doc } });
          check('the document’s sections', -1, expected.some((e) => e.sections === key(sections.map((r) => r.id))));

          const links = await store.read({
            name: 'faults.links',
            text: 'MATCH (c:Commitment {doc: $doc}) OPTIONAL MATCH (c)-[:EVIDENCED_BY|CONTINUES]->(o) RETURN c.id AS id, count(o) AS links',
            params: { doc },
          });
          const which = expected.findIndex((e) => e.commitments === key(links.map((r) => r.id)));
          check('commitments and the links leaving them', which, which >= 0);
          reads += 3;
        }
      };
      const readers = [reader(), reader(), reader()];
      let linked = 0;
      for (let v = 1; v <= VERSIONS; v++) {
        writeFileSync(planFile, version(plan.text, v));
        const report = await ingestFiles([planFile], store);
        expect(report.ingested).toHaveLength(1);
        linked += report.links.evidence + report.links.continuations;
      }
      writing = false;
      await Promise.all(readers);

      console.info(`replace under readers (${label}): ${VERSIONS} versions, ${reads} reads, ${problems.length} mixtures`);
      expect(problems).toEqual([]);
      expect(reads).toBeGreaterThan(3 * VERSIONS);
      expect(linked).toBeGreaterThan(0);
      const final = await store.read({ name: 'faults.final', text: 'MATCH (d:Document {id: $doc}) RETURN d.title AS title', params: { doc } });
      expect(final.map((r) => r.title)).toEqual([expected[VERSIONS]!.title]);
    } finally {
      await raw.close();
    }
  }, 120_000);
});
