import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { ErrorCode } from '../errors.ts';
import type { GraphStore } from '../graph/port.ts';
import { documentQueries } from '../graph/queries/documents.ts';
import { createLoaders, type ApiContext } from '../resolvers/index.ts';
import { authorize } from './auth.ts';
import { corsFor, type CorsDecision } from './cors.ts';
import { EXPORT_PREFIX, exportCsv } from './export.ts';
import { ASSET_PREFIX, graphiqlHtml, PAGE_CSP, type Graphiql } from './graphiql/index.ts';
import type { Workers } from '../ingest/store/ingest.ts';
import { InFlight } from './in-flight.ts';
import { playgroundHtml } from './playground.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/**
 * The largest answer sent. Within the cost limit one request can still ask
 * for 200 commitments each with its texts, quotes and institutions; a client
 * waiting on tens of megabytes is better told to page, and the server holds
 * every answer whole in memory before sending it.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export interface HttpOptions {
  readonly apollo: ApolloServer<ApiContext>;
  readonly store: GraphStore;
  /** The bearer token mutations need; without one, mutations answer FORBIDDEN. */
  readonly token?: string | undefined;
  /** Other origins whose pages may call the API. */
  readonly corsOrigins?: readonly string[];
  readonly requestTimeoutMs?: number;
  readonly maxResponseBytes?: number;
  /** Without it, /graphql in a browser shows the simple query page. */
  readonly graphiql?: Graphiql;
  /** Follows each request's work; once it drains, new requests are refused. */
  readonly inFlight?: InFlight;
  /** Where ingestDocument understands documents and relinks (worker threads); the event loop's own thread without it. */
  readonly workers?: Workers;
}

/** A whole answer, written once: a request that timed out cannot be answered twice. */
interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

const errorReply = (status: number, code: ErrorCode, message: string): Reply => json(status, { errors: [{ message, extensions: { code } }] });

export function createHttpServer(options: HttpOptions): Server {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const allowlist = new Set(options.corsOrigins ?? []);
  const inFlight = options.inFlight ?? new InFlight();
  return createServer((req, res) => {
    const cors = corsFor(req, allowlist);
    // A connection kept alive can still bring requests after the listener has
    // closed; work begun now could be cut off when the store closes.
    if (inFlight.draining) {
      write(res, errorReply(503, 'SHUTTING_DOWN', 'The server is stopping. Send the request again once it is back.'), cors, true);
      return;
    }
    let answered = false;
    const answer = (reply: Reply) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      // While draining, a connection ends with its answer, so the server can close without cutting one.
      write(res, reply, cors, inFlight.draining);
    };
    // The store cannot be interrupted; the client gets an answer in time and
    // the work finishes (or fails) on its own, except an ingest not yet
    // writing, which the abort drops. The page and its assets are exempt: the
    // first view may wait for GraphiQL's one-time build.
    const timedOut = new AbortController();
    const timer = waitsForBundle(req)
      ? undefined
      : setTimeout(() => {
          timedOut.abort(new Error(`The request took longer than ${timeoutMs} ms and was answered TIMEOUT.`));
          answer(
              errorReply(
                503,
                'TIMEOUT',
                `The request took longer than ${timeoutMs} ms (PLANTRACE_REQUEST_TIMEOUT_MS) and its answer was abandoned; ask for less (a smaller page, fewer nested lists). A mutation whose write had begun still completes; a document not yet being written is dropped.`,
              ),
            );
        }, timeoutMs);
    res.once('close', () => {
      answered = true;
      clearTimeout(timer);
    });
    inFlight.track(route(req, options, cors, timedOut.signal)).then(answer, (error: unknown) => {
      if (error instanceof HttpError) answer(errorReply(error.status, error.code, error.message));
      else answer(errorReply(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'));
    });
  });
}

const isPage = (req: IncomingMessage, url: URL): boolean =>
  req.method === 'GET' && url.pathname === '/graphql' && !url.search && (req.headers.accept ?? '').includes('text/html');

function waitsForBundle(req: IncomingMessage): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return isPage(req, url) || (req.method === 'GET' && url.pathname.startsWith(ASSET_PREFIX));
}

function write(res: ServerResponse, reply: Reply, cors: CorsDecision, last = false): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  if (last) headers.connection = 'close';
  if (cors.kind === 'allowed') Object.assign(headers, cors.headers);
  // Answers differ by Origin once an allowlist exists; caches must know.
  headers.vary = headers.vary ? `${headers.vary}, Origin` : 'Origin';
  headers['content-length'] = String(Buffer.byteLength(reply.body));
  res.writeHead(reply.status, headers).end(reply.body);
}

async function route(req: IncomingMessage, options: HttpOptions, cors: CorsDecision, signal: AbortSignal): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'OPTIONS') return preflight(cors);
  if (url.pathname === '/healthz') return json(200, { status: 'ok' });
  if (url.pathname === '/readyz') return readiness(options.store);
  if (url.pathname === '/' && req.method === 'GET') return { status: 302, headers: { location: '/graphql' }, body: '' };
  if (url.pathname.startsWith(ASSET_PREFIX) && req.method === 'GET') return asset(url.pathname, req, options.graphiql);
  if (url.pathname.startsWith(EXPORT_PREFIX)) return csv(req, url, options);
  if (url.pathname !== '/graphql') return json(404, { error: 'Not found. The API is at /graphql.' });
  if (isPage(req, url)) return page(options.graphiql);
  return graphql(req, url, options, signal);
}

/** Browsers ask before a cross-origin POST with JSON or an Authorization header. */
function preflight(cors: CorsDecision): Reply {
  if (cors.kind === 'denied') {
    return json(403, { error: `Origin ${cors.origin} may not call this API; the server's PLANTRACE_CORS_ORIGINS lists the origins that may.` });
  }
  return { status: 204, headers: { allow: 'GET, POST, OPTIONS' }, body: '' };
}

async function readiness(store: GraphStore): Promise<Reply> {
  try {
    await store.read(documentQueries.hashes());
    return json(200, { status: 'ready', engine: store.engine });
  } catch {
    return json(503, { status: 'unavailable' });
  }
}

async function page(graphiql: Graphiql | undefined): Promise<Reply> {
  const state = graphiql ? await graphiql.ready() : { ok: false as const, reason: 'the server was started without it' };
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (!state.ok) return { status: 200, headers, body: playgroundHtml(state.reason) };
  return { status: 200, headers: { ...headers, 'content-security-policy': PAGE_CSP, 'referrer-policy': 'no-referrer' }, body: graphiqlHtml(state.assets) };
}

/** /graphiql/<bundle id>/<file>: the URL changes with the bundle, so an asset never changes under its URL. */
async function asset(pathname: string, req: IncomingMessage, graphiql: Graphiql | undefined): Promise<Reply> {
  const state = graphiql ? await graphiql.ready() : null;
  const rest = pathname.slice(ASSET_PREFIX.length);
  const slash = rest.indexOf('/');
  const found = state?.ok && rest.slice(0, slash) === state.assets.id ? state.assets.get(rest.slice(slash + 1)) : undefined;
  if (!found) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: 'Not found.' };
  const gzip = found.gzipped !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  return {
    status: 200,
    headers: {
      'content-type': found.type,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      vary: 'Accept-Encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    body: gzip ? found.gzipped! : found.body,
  };
}

// Whole answers to repeated read requests, reused until the graph changes:
// keyed by the store's write generation, so a write makes every older
// answer unreachable. Only anonymous requests whose answer has no errors are
// kept: a mutation needs a token, and an error may depend on the moment.
const answersOf = new WeakMap<GraphStore, Map<string, Reply>>();
const MAX_ANSWERS = 500;

function answers(store: GraphStore): Map<string, Reply> {
  let map = answersOf.get(store);
  if (!map) answersOf.set(store, (map = new Map()));
  return map;
}
const MAX_ANSWER_BYTES = 1024 * 1024;

function answerKey(req: IncomingMessage, store: GraphStore, body: unknown): string | null {
  if (!store.generation || req.method !== 'POST' || req.headers.authorization || typeof body !== 'object' || body === null) return null;
  return `${store.generation()}\u0000${req.headers.accept ?? ''}\u0000${JSON.stringify(body)}`;
}

function keepAnswer(store: GraphStore, key: string, reply: Reply): void {
  if (reply.status !== 200 || typeof reply.body !== 'string' || reply.body.length > MAX_ANSWER_BYTES || reply.body.includes('"errors"')) return;
  const kept = answers(store);
  kept.set(key, reply);
  if (kept.size > MAX_ANSWERS) kept.delete(kept.keys().next().value!);
}

async function graphql(req: IncomingMessage, url: URL, options: HttpOptions, signal: AbortSignal): Promise<Reply> {
  const body = req.method === 'POST' ? await readJson(req) : undefined;
  const key = answerKey(req, options.store, body);
  const kept = key ? answers(options.store).get(key) : undefined;
  // Checked on kept answers too: servers over one store share them, and may have different limits.
  if (kept) return capped(kept, options.maxResponseBytes);
  const reply = capped(await execute(req, url, body, options, signal), options.maxResponseBytes);
  if (key) keepAnswer(options.store, key, reply);
  return reply;
}

async function execute(req: IncomingMessage, url: URL, body: unknown, { apollo, store, token, workers }: HttpOptions, signal: AbortSignal): Promise<Reply> {
  const headers = new HeaderMap();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const auth = authorize(req.headers.authorization, token);
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => ({ store, loaders: createLoaders(store), auth, signal, ...(workers ? { workers } : {}) }),
  });
  const out: Record<string, string> = {};
  for (const [k, v] of result.headers) out[k] = v;
  let text: string;
  if (result.body.kind === 'complete') text = result.body.string;
  else {
    // Only @defer/@stream answer in chunks; the schema has neither, but collect rather than assume.
    text = '';
    for await (const chunk of result.body.asyncIterator) text += chunk;
  }
  return { status: result.status ?? 200, headers: out, body: text };
}

async function csv(req: IncomingMessage, url: URL, { store, maxResponseBytes }: HttpOptions): Promise<Reply> {
  if (req.method !== 'GET') {
    const refused = errorReply(405, 'BAD_REQUEST', 'Tables are read with GET.');
    return { ...refused, headers: { ...refused.headers, allow: 'GET' } };
  }
  const answer = await exportCsv(url, store, maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  if (!answer.ok) return json(answer.status, { errors: [{ message: answer.message, extensions: { code: answer.code, ...answer.extensions } }] });
  return {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      // The region is Chinese: the plain filename is its ASCII fallback (RFC 6266), filename* the real one.
      'content-disposition': `attachment; filename="${answer.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(answer.filename)}`,
      'x-content-type-options': 'nosniff',
    },
    body: answer.body,
  };
}

const count = (n: number): string => n.toLocaleString('en-US');

function capped(reply: Reply, limit = DEFAULT_MAX_RESPONSE_BYTES): Reply {
  const bytes = Buffer.byteLength(reply.body);
  if (bytes <= limit) return reply;
  return json(400, {
    errors: [
      {
        message: `The answer is ${count(bytes)} bytes, over the ${count(limit)} this server sends (PLANTRACE_MAX_RESPONSE_BYTES). Ask for a page at a time (first, after) or narrow the query: a where filter, fewer fields (texts and quotes are long), fewer nested lists.`,
        extensions: { code: 'RESPONSE_TOO_LARGE', bytes, maxBytes: limit },
      },
    ],
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const tooLarge = () => new HttpError(413, 'BAD_REQUEST', `Request body over ${MAX_BODY_BYTES} bytes.`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}
