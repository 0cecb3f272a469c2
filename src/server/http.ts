import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GraphStore } from '../graph/port.ts';
import { documentQueries } from '../graph/queries/documents.ts';
import { createLoaders, type Context } from '../resolvers/index.ts';
import { playgroundHtml } from './playground.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpOptions {
  readonly apollo: ApolloServer<Context>;
  readonly store: GraphStore;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createHttpServer({ apollo, store }: HttpOptions): Server {
  return createServer((req, res) => {
    handle(req, res, apollo, store).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : 'Unexpected error.';
      if (!res.headersSent) send(res, status, { errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
      else res.end();
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, apollo: ApolloServer<Context>, store: GraphStore): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
  if (url.pathname === '/readyz') {
    try {
      await store.read(documentQueries.hashes());
      return send(res, 200, { status: 'ready', engine: store.engine });
    } catch {
      return send(res, 503, { status: 'unavailable' });
    }
  }
  if (url.pathname === '/' && req.method === 'GET') {
    res.writeHead(302, { location: '/graphql' }).end();
    return;
  }
  if (url.pathname !== '/graphql') return send(res, 404, { error: 'Not found. The API is at /graphql.' });
  if (req.method === 'GET' && !url.search && (req.headers.accept ?? '').includes('text/html')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(playgroundHtml());
    return;
  }

  const headers = new HeaderMap();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const body = req.method === 'POST' ? await readJson(req) : undefined;
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => ({ store, loaders: createLoaders(store) }),
  });
  for (const [k, v] of result.headers) res.setHeader(k, v);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `Request body over ${MAX_BODY_BYTES} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `Request body over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
