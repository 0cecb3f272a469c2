import type { GraphStore, SentStatement } from './port.ts';
import type { StoreConfig } from '../config.ts';
import { openLadybugStore } from './ladybug/store.ts';
import { openNeo4jStore } from './neo4j/store.ts';

/** The store the configuration names: Neo4j when NEO4J_URI is set, the embedded engine otherwise. */
export function openStore(config: StoreConfig, onStatement?: (s: SentStatement) => void): Promise<GraphStore> {
  if (config.engine === 'neo4j') {
    return openNeo4jStore({ ...config.neo4j, ...(onStatement ? { onStatement } : {}) });
  }
  return openLadybugStore({ path: config.dataDir, ...(onStatement ? { onStatement } : {}) });
}
