import type { IncomingMessage } from 'node:http';

/** Headers a browser may send on a cross-origin request to the API (checked in the preflight). */
const ALLOWED_HEADERS = 'authorization, content-type, accept, apollo-require-preflight, x-apollo-operation-name';

export type CorsDecision =
  /** Not a cross-origin request from a browser (no Origin header). */
  | { readonly kind: 'none' }
  | { readonly kind: 'allowed'; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: 'denied'; readonly origin: string };

/**
 * The allowlist decides which other origins' pages may read answers. With an
 * empty list only same-origin pages (GraphiQL, served here) can: the browser
 * needs no CORS headers for those. Denying only withholds the headers; the
 * browser then refuses to hand the answer to the page.
 */
export function corsFor(req: IncomingMessage, allowlist: ReadonlySet<string>): CorsDecision {
  const origin = req.headers.origin;
  if (!origin) return { kind: 'none' };
  if (!allowlist.has(origin)) return { kind: 'denied', origin };
  const headers: Record<string, string> = { 'access-control-allow-origin': origin };
  if (req.method === 'OPTIONS') {
    headers['access-control-allow-methods'] = 'GET, POST, OPTIONS';
    headers['access-control-allow-headers'] = ALLOWED_HEADERS;
    headers['access-control-max-age'] = '600';
  }
  return { kind: 'allowed', headers };
}
