import { describe, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openNeo4jStore } from '../../src/graph/neo4j/store.ts';
import { storeContract } from './store.contract.ts';

const cfg = loadConfig(process.env);

if (cfg.store.engine === 'neo4j') {
  const { neo4j } = cfg.store;
  // The contract resets the database it runs on: point NEO4J_URI at a scratch database.
  storeContract(`Neo4j at ${neo4j.uri}`, () => openNeo4jStore(neo4j));
} else {
  console.warn('\n  !! Neo4j store contract SKIPPED: NEO4J_URI is not set (set it to a scratch Neo4j to run it).\n');
  describe('GraphStore contract: Neo4j', () => {
    it.skip('SKIPPED — set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD) to a scratch database to run the contract on Neo4j', () => undefined);
  });
}
