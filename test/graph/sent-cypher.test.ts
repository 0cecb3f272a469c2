import { describe, expect, it } from 'vitest';
import { allStatements } from '../../src/graph/cypher/statements.ts';
import { neo4jDialect } from '../../src/graph/neo4j/dialect.ts';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { SentStatement } from '../../src/graph/port.ts';
import { sampleQueries } from '../../src/graph/queries/index.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import { resolvePaths } from '../../src/ingest/read/paths.ts';
import { relink } from '../../src/ingest/store/relink.ts';
import { createApollo, executeIn } from '../../src/server/apollo.ts';
import { describeDiagnostics, lintForNeo4j } from './neo4j-lint.ts';

// The static lists (sampleQueries, allStatements) could drift from what the
// code really sends. So: record every statement of a real ingest, relink and
// API session, and check each one the way Neo4j would.
describe('every statement sent during ingest, relink and API use', () => {
  it('is one of the linted statements, or passes Neo4j lint itself', async () => {
    const sent: SentStatement[] = [];
    const store = await openLadybugStore({ path: ':memory:', onStatement: (s) => sent.push(s) });
    await ingestFiles(await resolvePaths(['seeds', 'test/fixtures/corpus/luoyang-2023-plan.txt', 'test/fixtures/corpus/luoyang-2023-summary.txt']), store);
    await relink(store);
    const apollo = createApollo();
    await apollo.start();
    for (const query of [
      '{ documents { id title kind region regionPath years sections { heading children { heading } } commitmentCount outcomeCount diagnostics { rule source { quote } } } }',
      '{ commitments(first: 5, where: { region: "开封市", planYear: 2022, text: "村卫生室" }) { totalCount nodes { text document { title } source { quote } } } }',
      '{ outcomes(first: 5, where: { year: 2022 }) { totalCount nodes { text progress } } }',
    ]) {
      expect((await executeIn(apollo, store, query)).errors).toBeUndefined();
    }
    await apollo.stop();
    await store.close();

    const shared = sent.filter((s) => s.dialect === 'shared');
    const engine = sent.filter((s) => s.dialect === 'engine').map((s) => s.text);
    expect(sent.length).toBeGreaterThan(50);
    expect(shared.length).toBeGreaterThan(30);
    const linted = new Set([...allStatements(neo4jDialect), ...sampleQueries().map((q) => q.text)]);
    const seen = new Map<string, SentStatement>();
    for (const s of shared) seen.set(s.text, s);
    const unlisted = [...seen.values()].filter((s) => !linted.has(s.text));
    for (const s of unlisted) expect(describeDiagnostics(lintForNeo4j(s.text, s.params)), s.text).toEqual([]);
    // Engine-only statements are LadybugDB's own dialect: DDL, transaction control, casts, and rows packed into strings.
    for (const text of new Set(engine)) expect(text).toMatch(/^(CREATE (NODE|REL) TABLE|BEGIN TRANSACTION|COMMIT)|CAST\(|string_split\(/);
  });
});
