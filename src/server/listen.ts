import type { Server } from 'node:http';
import type { GraphStore } from '../graph/port.ts';
import type { Workers } from '../ingest/store/ingest.ts';
import { createApollo } from './apollo.ts';
import { Graphiql } from './graphiql/index.ts';
import { createHttpServer } from './http.ts';
import { InFlight } from './in-flight.ts';

/**
 * How long a stop waits for the requests under way. A write outlasts its
 * request's timeout, and `docker stop` sends SIGKILL after 10 s: 8 s leaves
 * time to close the store, which waits for the write being made anyway.
 */
export const STOP_GRACE_MS = 8_000;
// After the work is done, how long answers already written may take to reach a slow client.
const LINGER_MS = 1_000;

export interface ApiOptions {
  readonly store: GraphStore;
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  /** Stack traces and unexpected errors' messages in answers (NODE_ENV=development); off by default. */
  readonly development?: boolean;
  readonly introspection?: boolean;
  readonly token?: string | undefined;
  readonly corsOrigins?: readonly string[];
  readonly requestTimeoutMs?: number;
  readonly maxResponseBytes?: number;
  /** Start building GraphiQL now rather than on the first page view. */
  readonly prebuildGraphiql?: boolean;
  readonly graphiql?: Graphiql;
  /** Worker threads for ingestDocument and reviewers' relinks (their owner closes them); without, that work runs on the event loop. */
  readonly workers?: Workers;
}

export interface RunningApi {
  /** http://host:port, without a trailing slash. */
  readonly url: string;
  readonly server: Server;
  /**
   * Stops accepting, refuses new requests on open connections, waits up to
   * `graceMs` for the work under way, ends the connections and stops Apollo;
   * the store stays open (its owner closes it). True when no work was left
   * running.
   */
  close(graceMs?: number): Promise<boolean>;
}

/** Apollo + HTTP on one port, over a store someone else opened. */
export async function startApi(options: ApiOptions): Promise<RunningApi> {
  const apollo = createApollo({ development: options.development ?? false, introspection: options.introspection ?? true });
  await apollo.start();
  const inFlight = new InFlight();
  const graphiql = options.graphiql ?? new Graphiql();
  if (options.prebuildGraphiql) void graphiql.ready();
  const server = createHttpServer({
    apollo,
    store: options.store,
    token: options.token,
    corsOrigins: options.corsOrigins ?? [],
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
    graphiql,
    inFlight,
    ...(options.workers ? { workers: options.workers } : {}),
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
    close: async (graceMs = STOP_GRACE_MS) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const finished = await inFlight.drain(graceMs);
      server.closeIdleConnections();
      const linger = setTimeout(() => server.closeAllConnections(), finished ? LINGER_MS : 0);
      await closed;
      clearTimeout(linger);
      await apollo.stop();
      return finished;
    },
  };
}
