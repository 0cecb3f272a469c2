import type { GraphStore, SentStatement } from './port.ts';
import type { StoreConfig } from '../config.ts';
import { withReadCache } from './cache.ts';
import { openLadybugStore } from './ladybug/store.ts';
import { openNeo4jStore } from './neo4j/store.ts';

/** The store the configuration names: Neo4j when NEO4J_URI is set, the embedded engine otherwise. */
export function openStore(config: StoreConfig, onStatement?: (s: SentStatement) => void, { readOnly = false }: { readOnly?: boolean } = {}): Promise<GraphStore> {
  if (config.engine === 'neo4j') {
    return openNeo4jStore({ ...config.neo4j, ...(onStatement ? { onStatement } : {}) });
  }
  return openLadybugStore({ path: config.dataDir, readOnly, ...(onStatement ? { onStatement } : {}) });
}

/**
 * The store an API server reads through. The embedded engine is written only
 * by this process (its file lock keeps other writers out), so its reads are
 * cached until the next write; Neo4j may be written by other processes, so
 * its reads always go to the database.
 */
export async function openServingStore(config: StoreConfig): Promise<GraphStore> {
  const store = await openStore(config);
  return config.engine === 'ladybug' ? withReadCache(store) : store;
}
