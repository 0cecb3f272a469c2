import type { Config } from '../config.ts';
import { openStore } from '../graph/open.ts';
import { createApollo } from './apollo.ts';
import { createHttpServer } from './http.ts';

/** Open the store, start Apollo and HTTP, and close both cleanly on SIGINT/SIGTERM. */
export async function startServer(cfg: Config): Promise<void> {
  const store = await openStore(cfg.store);
  const apollo = createApollo({ production: cfg.production });
  await apollo.start();
  const server = createHttpServer({ apollo, store });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.port, cfg.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;
  console.log(`plantrace serving GraphQL at http://${cfg.host}:${port}/graphql (${store.engine})`);
  const shutdown = async () => {
    server.close();
    await apollo.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
