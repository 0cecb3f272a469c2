import { examples, tabText, tabTitle, type Example } from '../examples.ts';
import type { GraphiqlAssets } from './assets.ts';

/**
 * Only our own origin: the page must work offline, and the browser enforcing
 * it means a stray CDN reference would fail loudly instead of leaking.
 * Monaco sets inline styles and the page has its own <style> (the tab
 * titles), hence 'unsafe-inline' for styles only. Scripts stay 'self' with no
 * eval: the Explorer and the table view need nothing more, and the CSV
 * download is a blob: link, which no fetch directive governs.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** JSON inside <script>: `<` escaped so no string in it can close the element. */
function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A CSS string: `"`, `\`, `<` (no `</style>`) and line breaks as CSS escapes. */
function cssString(text: string): string {
  return `"${text.replace(/["\\<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * GraphiQL titles a tab by its operation name, which must be ASCII without
 * spaces, and recomputes the title on every edit, so the bilingual title is
 * drawn over it by CSS, keyed by the name: the button's `title` attribute.
 * Renaming the operation brings the plain name back, which is right: the tab
 * is no longer the example. The name stays the button's tooltip.
 */
export function tabTitleCss(list: readonly Example[] = examples): string {
  return list
    .map((e) => {
      const button = `.graphiql-tab-button[title=${cssString(e.name)}]`;
      return `${button}{font-size:0}${button}::before{content:${cssString(tabTitle(e))};font-size:var(--font-size-body)}`;
    })
    .join('\n');
}

export function graphiqlHtml(assets: GraphiqlAssets, endpoint = '/graphql'): string {
  const config = {
    endpoint,
    assets: assets.base,
    tabs: examples.map((e) => ({ query: tabText(e), ...(e.variables ? { variables: JSON.stringify(e.variables, null, 2) } : {}) })),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>plantrace · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.base}app.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }
${tabTitleCss()}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="plantrace-config" type="application/json">${inertJson(config)}</script>
<script type="module" src="${assets.base}app.js"></script>
</body>
</html>
`;
}
