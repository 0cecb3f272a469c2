import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import { resolvePaths } from '../../src/ingest/read/paths.ts';
import { startApi, type ApiOptions, type RunningApi } from '../../src/server/listen.ts';

/** The five seeds in an in-memory store. */
export async function seededStore(): Promise<GraphStore> {
  const store = await openLadybugStore({ path: ':memory:' });
  await ingestFiles(await resolvePaths(['seeds']), store);
  return store;
}

/** A store whose reads wait, or fail: for timeouts, stops and errors nobody meant. */
export function stub(base: GraphStore, read: GraphStore['read']): GraphStore {
  return new Proxy(base, { get: (target, key) => (key === 'read' ? read : Reflect.get(target, key)) });
}

/** The real HTTP server on 127.0.0.1, on a port the OS picks. */
export function serve(store: GraphStore, options: Partial<Omit<ApiOptions, 'store' | 'host' | 'port'>> = {}): Promise<RunningApi> {
  return startApi({ store, host: '127.0.0.1', port: 0, ...options });
}

export interface GraphQLAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, any> | null;
    errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  };
}

/** POST one operation as JSON. */
export async function post(
  api: RunningApi,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLAnswer> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLAnswer['body'] };
}
