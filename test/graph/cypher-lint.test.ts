import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/port.ts';
import { allStatements } from '../../src/graph/cypher/statements.ts';
import { neo4jDialect } from '../../src/graph/neo4j/dialect.ts';
import { schemaStatements as neo4jSchema } from '../../src/graph/neo4j/schema.ts';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import { sampleQueries } from '../../src/graph/queries/index.ts';
import { builtinFunctionCount, describeDiagnostics, lintForNeo4j } from './neo4j-lint.ts';

const writeParams = { rows: [], docs: ['d'], id: 'schemaVersion', value: '1', keys: [] };

describe('every Cypher string plantrace sends passes Neo4j lint', () => {
  it('knows Neo4j built-in functions, so an unknown one is caught', () => {
    expect(builtinFunctionCount()).toBeGreaterThan(100);
  });

  it.each(sampleQueries().map((q) => [q.name, q] as const))('read query %s', (_name, q) => {
    expect(describeDiagnostics(lintForNeo4j(q.text, q.params))).toEqual([]);
  });

  it.each(allStatements(neo4jDialect).map((s) => [s] as const))('write statement %s', (text) => {
    expect(describeDiagnostics(lintForNeo4j(text, writeParams))).toEqual([]);
  });

  it.each(neo4jSchema().map((s) => [s] as const))('Neo4j schema statement %s', (text) => {
    expect(describeDiagnostics(lintForNeo4j(text, {}))).toEqual([]);
  });

  it('fails on queries Neo4j would reject', () => {
    const bad = [
      'MATCH (d:Document RETURN d', // syntax
      'MATCH (d:Document) RETURN label(d) AS l', // a LadybugDB-only function
      'MATCH (d:Documnt) RETURN d.id', // unknown label
      'MATCH (d:Document)-[:COVER]->(r:Region) RETURN r', // unknown relationship type
      'MATCH (d:Document {id: $nope}) RETURN d', // undeclared parameter
      'MATCH (d:Document) RETURN apoc.text.join([d.id], ",")', // APOC is not assumed
    ];
    for (const q of bad) expect(lintForNeo4j(q, { id: 'x' }), q).not.toEqual([]);
  });
});

describe('every read query runs on LadybugDB', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openLadybugStore({ path: ':memory:' });
  });
  afterAll(() => store.close());
  it.each(sampleQueries().map((q) => [q.name, q] as const))('%s', async (_name, q) => {
    await expect(store.read(q)).resolves.toBeInstanceOf(Array);
  });
});
