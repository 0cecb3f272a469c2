import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withReadCache } from '../../src/graph/cache.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import type { RunningApi } from '../../src/server/listen.ts';
import { LIMITS } from '../../src/server/limits.ts';
import { post, seededStore, serve, stub } from './helpers.ts';

let store: GraphStore;
let api: RunningApi;

/** Every commitment with its document's three-level section tree: a page of 200 makes the store read about 222,000 rows. */
const TREE = 'nodes { document { sections { children { children { heading number level path } } } } }';

beforeAll(async () => {
  store = await seededStore();
  api = await serve(store, { corsOrigins: ['https://research.example.org'] });
});
afterAll(async () => {
  await api?.close();
  await store?.close();
});

describe('operation limits (graphql-armor)', () => {
  it('rejects a query nested deeper than the limit, with a code and the limit in the message', async () => {
    const nested = (n: number): string => (n === 0 ? 'heading' : `children { ${nested(n - 1)} }`);
    const r = await post(api, `{ documents { sections { ${nested(LIMITS.maxDepth)} } } }`);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.body.errors?.[0]?.message).toMatch(/depth limit of 10 exceeded/);
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: documents { id }`).join(' ');
    const r = await post(api, `{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.body.errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded/);
  });


  it('refuses an operation over the cost limit with COST_LIMIT, saying its cost, the limit and the largest page that fits', async () => {
    const r = await post(api, `{ commitments(first: 200) { ${TREE} } }`);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors?.[0]).toMatchObject({
      message: 'This query costs 50,001, over the limit of 10,000: at most 39 per page for this query (first: 39), or ask for fewer nested lists.',
      extensions: { code: 'COST_LIMIT', cost: 50_001, maxCost: LIMITS.maxCost, maxPageSize: 39 },
    });
    // The advice holds: 39 a page is answered, 40 is not.
    const fits = await post(api, `{ commitments(first: 39) { ${TREE} } }`);
    expect(fits.body.errors).toBeUndefined();
    expect(fits.body.data?.commitments.nodes).toHaveLength(39);
    expect((await post(api, `{ commitments(first: 40) { ${TREE} } }`)).body.errors?.[0]?.extensions?.code).toBe('COST_LIMIT');
  });

  it('says so when no page size would do: the nested lists are what costs', async () => {
    const deep = '{ documents { sections { children { children { children { children { heading } } } } } } }';
    const r = await post(api, deep);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT', cost: 124_980, maxCost: LIMITS.maxCost, maxPageSize: null });
    expect(r.body.errors?.[0]?.message).toMatch(/^This query costs 124,980, over the limit of 10,000: no page size brings it under: ask for fewer nested lists/);
  });

  it('lets a dashboard page through every commitment of a region, 200 a page, with status and source', async () => {
    const query = `query ($after: String) { commitments(where: { region: "南阳市" }, first: 200, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id text status dueYear source { documentId quote start end } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const r = await post(api, query, { variables: { after } });
      expect(r.body.errors).toBeUndefined();
      const page = r.body.data?.commitments;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) {
        expect(seen).toHaveLength(page.totalCount);
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(3);
  });

  it('prices `first` from a variable, its default or a fragment exactly as the same number written in', async () => {
    for (const n of [200, 100_000]) {
      const literal = await post(api, `{ commitments(first: ${n}) { ${TREE} } }`);
      expect(literal.status, String(n)).toBe(400);
      expect(literal.body.errors?.[0]?.extensions?.code, String(n)).toBe('COST_LIMIT');
      const forms: Array<[string, Record<string, unknown>]> = [
        [`query ($n: Int) { commitments(first: $n) { ${TREE} } }`, { n }],
        [`query ($n: Int = ${n}) { commitments(first: $n) { ${TREE} } }`, {}],
        [`query ($n: Int) { ...Q } fragment Q on Query { commitments(first: $n) { ${TREE} } }`, { n }],
      ];
      for (const [query, variables] of forms) {
        const r = await post(api, query, { variables });
        expect({ status: r.status, body: r.body }, query).toEqual({ status: literal.status, body: literal.body });
      }
    }
  });

  it('prices a list given no `first` at its default page, not at one item', async () => {
    const both = (args: string) => `{ unreported(year: 2022) { notReported${args} { ${TREE} } untracked${args} { ${TREE} } } }`;
    // null is what the resolvers read as "the default" too.
    for (const args of ['', '(first: null)']) {
      const r = await post(api, both(args));
      expect(r.status, args).toBe(400);
      expect(r.body.errors?.[0]?.message, args).toMatch(/^This query costs 25,002, over the limit of 10,000: at most 19 per page/);
    }
    const small = await post(api, both('(first: 1)'));
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.unreported.notReported.nodes).toHaveLength(1);
  });

  it('holds `first` from a variable to the page size, like a literal one', async () => {
    const literal = await post(api, '{ commitments(first: 201) { totalCount } }');
    const variable = await post(api, 'query ($n: Int) { commitments(first: $n) { totalCount } }', { variables: { n: 201 } });
    expect(literal.body.errors?.[0]).toMatchObject({ message: 'first: at most 200 per page', extensions: { code: 'BAD_USER_INPUT' } });
    const seen = (a: typeof literal) => ({ status: a.status, data: a.body.data, message: a.body.errors?.[0]?.message, code: a.body.errors?.[0]?.extensions?.code });
    expect(seen(variable)).toEqual(seen(literal));
  });

  it('rejects too many directives and too many tokens', async () => {
    const directives = Array.from({ length: LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const d = await post(api, `{ __typename ${directives} }`);
    expect(d.body.errors?.[0]?.message).toMatch(/Directives limit of 20 exceeded/);
    const t = await post(api, `{ ${'__typename '.repeat(LIMITS.maxTokens)} }`);
    expect(t.status).toBe(400);
    expect(t.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(t.body.errors?.[0]?.message).toMatch(/2000 tokens/);
  });

  it('answers a syntax error with 400 and a code, not a 500', async () => {
    const r = await post(api, '{ documents { id ');
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('CORS', () => {
  const ask = (origin: string, method = 'POST', extra: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, {
      method,
      headers: { origin, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...extra },
      ...(method === 'POST' ? { body: JSON.stringify({ query: '{ __typename }' }) } : {}),
    });

  it('lets an allowed origin read answers', async () => {
    const res = await ask('https://research.example.org');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://research.example.org');
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives any other origin no CORS headers', async () => {
    const res = await ask('https://elsewhere.example.com');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight for an allowed origin, and refuses one for another', async () => {
    const headers = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' };
    const ok = await ask('https://research.example.org', 'OPTIONS', headers);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://research.example.org');
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    const no = await ask('https://elsewhere.example.com', 'OPTIONS', headers);
    expect(no.status).toBe(403);
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no other origin by default', async () => {
    const plain = await serve(store);
    try {
      const res = await fetch(`${plain.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://research.example.org' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

describe('timeouts, introspection and error masking', () => {
  it('answers a slow request with a TIMEOUT error instead of hanging', async () => {
    const slow = stub(store, async (q) => {
      await new Promise((r) => setTimeout(r, 400));
      return store.read(q);
    });
    const quick = await serve(slow, { requestTimeoutMs: 50 });
    try {
      const started = Date.now();
      const r = await post(quick, '{ documents { id } }');
      expect(Date.now() - started).toBeLessThan(350);
      expect(r.status).toBe(503);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect(r.body.errors?.[0]?.message).toMatch(/longer than 50 ms/);
      // The page is exempt: its first view may wait for the bundle.
      expect((await fetch(`${quick.url}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(200);
      // The server is still fine afterwards.
      expect((await fetch(`${quick.url}/healthz`)).status).toBe(200);
    } finally {
      await quick.close();
    }
  });

  it('can switch introspection off', async () => {
    const closed = await serve(store, { introspection: false });
    try {
      const r = await post(closed, '{ __schema { types { name } } }');
      expect(r.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.body.errors?.[0]?.message).toMatch(/introspection/i);
      const ok = await post(closed, '{ documents { id } }');
      expect(ok.body.data?.documents).toHaveLength(5);
    } finally {
      await closed.close();
    }
    const open = await post(api, '{ __schema { queryType { name } } }');
    expect(open.body.data?.__schema.queryType.name).toBe('Query');
  });

  it('by default hides internals and stack traces, and keeps codes; only development shows them', async () => {
    const broken = stub(store, async () => {
      throw new Error('connection refused at /srv/secret/path');
    });
    const prod = await serve(broken);
    const dev = await serve(broken, { development: true });
    try {
      const p = await post(prod, '{ documents { id } }');
      expect(p.body.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(p.body)).not.toMatch(/secret|stacktrace|at /);
      const v = await post(prod, '{ nope }');
      expect(v.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
      const b = await post(prod, '{ commitments(where: { planYear: 20222 }) { totalCount } }');
      expect(b.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(b.body.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
      // Cost refusals and bad input too: a deliberate error keeps its message and code, never a trace.
      const c = await post(prod, `{ commitments(first: 200) { ${TREE} } }`);
      expect(c.body.errors?.[0]?.extensions?.code).toBe('COST_LIMIT');
      expect(JSON.stringify(c.body)).not.toMatch(/stacktrace/);
      // In development the same failure says what happened, with where, to whoever is developing.
      const d = await post(dev, '{ documents { id } }');
      expect(d.body.errors?.[0]?.message).toMatch(/connection refused/);
      expect(d.body.errors?.[0]?.extensions?.stacktrace).toBeInstanceOf(Array);
    } finally {
      await prod.close();
      await dev.close();
    }
  });
});

describe('health, readiness and the rest of HTTP', () => {
  it('says it is alive and ready', async () => {
    const h = await fetch(`${api.url}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ status: 'ok' });
    const r = await fetch(`${api.url}/readyz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ready', engine: 'ladybug' });
  });

  it('is not ready when the store does not answer', async () => {
    const down = await serve(
      stub(store, async () => {
        throw new Error('down');
      }),
    );
    try {
      const r = await fetch(`${down.url}/readyz`);
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ status: 'unavailable' });
      expect((await fetch(`${down.url}/healthz`)).status).toBe(200);
    } finally {
      await down.close();
    }
  });

  it('refuses an answer over the response limit with RESPONSE_TOO_LARGE, and sends one exactly at it', async () => {
    const query = '{ commitments(first: 200) { nodes { id text source { quote } } } }';
    const raw = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({ query, variables: {} }) });
    expect(raw.status).toBe(200);
    const size = Buffer.byteLength(await raw.text());
    expect(size).toBeGreaterThan(50_000);
    // Behind the read cache, as serve runs: whole answers are kept, and shared by every server over the store.
    const cached = withReadCache(store);
    const plain = await serve(cached);
    const exact = await serve(cached, { maxResponseBytes: size });
    const under = await serve(cached, { maxResponseBytes: size - 1 });
    const refused = async (round: string) => {
      const r = await post(under, query);
      expect(r.status, round).toBe(400);
      expect(r.body.data, round).toBeUndefined();
      expect(r.body.errors, round).toHaveLength(1);
      expect(r.body.errors?.[0]?.extensions, round).toEqual({ code: 'RESPONSE_TOO_LARGE', bytes: size, maxBytes: size - 1 });
      expect(r.body.errors?.[0]?.message, round).toMatch(/PLANTRACE_MAX_RESPONSE_BYTES.*a page at a time \(first, after\) or narrow the query/);
    };
    try {
      await refused('answered afresh');
      expect((await post(plain, query)).status).toBe(200);
      await refused('the answer another server kept');
      const ok = await post(exact, query);
      expect(ok.status).toBe(200);
      expect(ok.body.data?.commitments.nodes).toHaveLength(200);
      // Smaller answers still go through.
      expect((await post(under, '{ documents { id } }')).body.data?.documents).toHaveLength(5);
    } finally {
      await Promise.all([plain.close(), exact.close(), under.close()]);
    }
  });

  it('refuses a body over 1 MiB with 413, and unknown paths with 404', async () => {
    const big = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(1024 * 1024)}` }),
    });
    expect(big.status).toBe(413);
    expect((await fetch(`${api.url}/nope`)).status).toBe(404);
    expect((await fetch(`${api.url}/graphiql/not-a-bundle/app.js`)).status).toBe(404);
  });
});
