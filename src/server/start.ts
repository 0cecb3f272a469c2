import type { Config } from '../config.ts';
import { openServingStore } from '../graph/open.ts';
import { closeStore, recover, startWorkers } from '../ingest/store/ingest.ts';
import { startApi, STOP_GRACE_MS } from './listen.ts';
import { stopOnSignals } from './signals.ts';

/** Open the store, start the API, and on SIGINT/SIGTERM let the requests under way finish, then close both. */
export async function startServer(cfg: Config): Promise<void> {
  const store = await openServingStore(cfg.store);
  // Documents sent to ingestDocument are understood on these threads, so a
  // large one never holds up the queries being answered meanwhile. Started
  // now, while the store recovers, rather than on the first document.
  const workers = startWorkers(cfg.workers, { eager: true });
  // Before answering: redo what an unclean stop lost (acknowledged documents,
  // links left unfinished), so no answer comes from a half-recovered store.
  const recovery = await recover(store, { workers });
  if (recovery.message) console.log(recovery.message);
  const api = await startApi({
    store,
    host: cfg.host,
    port: cfg.port,
    development: cfg.development,
    introspection: cfg.api.introspection,
    token: cfg.api.token,
    corsOrigins: cfg.api.corsOrigins,
    requestTimeoutMs: cfg.api.requestTimeoutMs,
    maxResponseBytes: cfg.api.maxResponseBytes,
    // Built (or found in the cache) while the server is already answering queries.
    prebuildGraphiql: true,
    workers,
  });
  console.log(`plantrace serving GraphQL at ${api.url}/graphql (${store.engine})`);
  if (!cfg.api.token) console.log('plantrace: mutations are disabled (set PLANTRACE_TOKEN to enable ingestDocument).');
  // Closing checkpoints and empties the intake journal: after a clean stop
  // the next start has nothing to redo.
  stopOnSignals(async (signal) => {
    console.log(`plantrace: ${signal}: finishing the requests under way, then closing the store (${signal} again exits at once).`);
    if (!(await api.close(STOP_GRACE_MS))) {
      console.error(`plantrace: requests still running after ${STOP_GRACE_MS} ms; closing the store anyway (a write under way completes first).`);
    }
    await closeStore(store);
    await workers.close();
    console.log('plantrace: stopped.');
  });
}
