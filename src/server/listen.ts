import type { Server } from 'node:http';
import type { GraphStore } from '../graph/port.ts';
import { createApollo } from './apollo.ts';
import { Graphiql } from './graphiql/index.ts';
import { createHttpServer } from './http.ts';

export interface ApiOptions {
  readonly store: GraphStore;
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  readonly production: boolean;
  readonly introspection?: boolean;
  readonly token?: string | undefined;
  readonly corsOrigins?: readonly string[];
  readonly requestTimeoutMs?: number;
  /** Start building GraphiQL now rather than on the first page view. */
  readonly prebuildGraphiql?: boolean;
  readonly graphiql?: Graphiql;
}

export interface RunningApi {
  /** http://host:port, without a trailing slash. */
  readonly url: string;
  readonly server: Server;
  /** Stops accepting, ends idle connections and stops Apollo; the store stays open (its owner closes it). */
  close(): Promise<void>;
}

/** Apollo + HTTP on one port, over a store someone else opened. */
export async function startApi(options: ApiOptions): Promise<RunningApi> {
  const apollo = createApollo({ production: options.production, introspection: options.introspection ?? true });
  await apollo.start();
  const graphiql = options.graphiql ?? new Graphiql();
  if (options.prebuildGraphiql) void graphiql.ready();
  const server = createHttpServer({
    apollo,
    store: options.store,
    token: options.token,
    corsOrigins: options.corsOrigins ?? [],
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    graphiql,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    server,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await apollo.stop();
    },
  };
}
