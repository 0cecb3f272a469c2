import type { Config } from '../config.ts';
import { openServingStore } from '../graph/open.ts';
import { startApi } from './listen.ts';

/** Open the store, start the API, and close both cleanly on SIGINT/SIGTERM. */
export async function startServer(cfg: Config): Promise<void> {
  const store = await openServingStore(cfg.store);
  const api = await startApi({
    store,
    host: cfg.host,
    port: cfg.port,
    production: cfg.production,
    introspection: cfg.api.introspection,
    token: cfg.api.token,
    corsOrigins: cfg.api.corsOrigins,
    requestTimeoutMs: cfg.api.requestTimeoutMs,
    // Built (or found in the cache) while the server is already answering queries.
    prebuildGraphiql: true,
  });
  console.log(`plantrace serving GraphQL at ${api.url}/graphql (${store.engine})`);
  if (!cfg.api.token) console.log('plantrace: mutations are disabled (set PLANTRACE_TOKEN to enable ingestDocument).');
  const shutdown = async () => {
    await api.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
