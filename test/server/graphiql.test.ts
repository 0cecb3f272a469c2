import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/port.ts';
import { examples, tabTitle } from '../../src/server/examples.ts';
import { Graphiql } from '../../src/server/graphiql/index.ts';
import { tabTitleCss } from '../../src/server/graphiql/page.ts';
import type { RunningApi } from '../../src/server/listen.ts';
import { seededStore, serve } from './helpers.ts';

// The page and its assets over HTTP; browser.test.ts runs them in Chromium.

let store: GraphStore;
let api: RunningApi;

const html = (url: string) => fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });

beforeAll(async () => {
  store = await seededStore();
  api = await serve(store);
}, 120_000);
afterAll(async () => {
  await api?.close();
  await store?.close();
});

describe('the GraphiQL page', () => {
  it('is served to a browser at /graphql, with the examples and a same-origin-only policy', { timeout: 120_000 }, async () => {
    const res = await html(api.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    // Strict for scripts, the Explorer and the table view included: our own files only, no eval, no inline script.
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|blob:|\*/);
    const page = await res.text();
    for (const e of examples) expect(page).toContain(e.name);
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('titles each example tab in Chinese and English, drawn over the operation name the tab is keyed by', async () => {
    const page = await (await html(api.url)).text();
    expect(page).toContain(
      '.graphiql-tab-button[title="NoReportedResult2022"]::before{content:"未报告的承诺 · Unreported commitments";',
    );
    for (const e of examples) {
      expect(e.title.zh, e.name).toMatch(/\p{Script=Han}/u);
      expect(e.title.en, e.name).toMatch(/^[\x20-\x7e]+$/);
      expect(page).toContain(`[title="${e.name}"]::before{content:"${tabTitle(e)}";`);
    }
    expect(new Set(examples.map(tabTitle)).size).toBe(examples.length);
  });

  it('keeps a title that holds quotes or a closing tag inside its CSS string', () => {
    const css = tabTitleCss([{ name: 'Q', title: { zh: '引号"\\', en: '</style><script>' }, question: '', query: '' }]);
    expect(css).toContain('content:"引号\\22 \\5c  · \\3c /style>\\3c script>";');
    expect(css).not.toContain('</');
  });

  it('serves its assets with their types, gzip, and cached forever under a versioned URL', async () => {
    const page = await (await html(api.url)).text();
    const base = /href="(\/graphiql\/[0-9a-f]+\/)app\.css"/.exec(page)?.[1];
    expect(base).toBeTruthy();
    const expected: Record<string, string> = {
      'app.js': 'text/javascript; charset=utf-8',
      'app.css': 'text/css; charset=utf-8',
      'editor.worker.js': 'text/javascript; charset=utf-8',
      'json.worker.js': 'text/javascript; charset=utf-8',
      'graphql.worker.js': 'text/javascript; charset=utf-8',
    };
    for (const [file, type] of Object.entries(expected)) {
      const res = await fetch(`${api.url}${base}${file}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`${api.url}${base}nope.js`)).status).toBe(404);
    // A query in the URL is an API call, not the page (Apollo wants a non-simple header on GET, against CSRF).
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('falls back to the simple query page, saying why, when GraphiQL cannot be built', async () => {
    const broken = new Graphiql({
      bundle: async () => {
        throw new Error('esbuild has no binary for this platform');
      },
      log: () => {},
    });
    const fallback = await serve(store, { graphiql: broken });
    try {
      const res = await html(fallback.url);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('GraphiQL could not be built on this server (esbuild has no binary for this platform)');
      expect(page).toContain('KaifengCommitments2022');
      expect(page).toContain('开封2022年承诺 · Kaifeng 2022 commitments');
    } finally {
      await fallback.close();
    }
  });
});
