import { examples, tabText, tabTitle } from './examples.ts';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A dependency-free query page that works offline, served only when the
 * GraphiQL bundle could not be built (say esbuild's binary is missing for this
 * platform). It says why, and still runs the example questions.
 */
export function playgroundHtml(reason: string): string {
  const options = examples.map((e, i) => `<option value="${i}">${escapeHtml(tabTitle(e))}: ${escapeHtml(e.question)}</option>`).join('');
  const texts = JSON.stringify(examples.map(tabText)).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>plantrace GraphQL</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem;max-width:70rem}textarea{width:100%;height:16rem;font:13px monospace}
pre{background:#f5f5f5;padding:1rem;white-space:pre-wrap;max-height:40rem;overflow:auto}.why{color:#8a4b00}</style></head>
<body><h1>plantrace</h1>
<p class="why">This is the simple query page: GraphiQL could not be built on this server (${escapeHtml(reason)}).
The API itself works: POST GraphQL to <code>/graphql</code>.</p>
<p><select id="ex">${options}</select></p>
<textarea id="q"></textarea>
<p><button id="run">Run</button></p><pre id="out"></pre>
<script>
const texts = ${texts};
const q = document.getElementById('q');
const ex = document.getElementById('ex');
q.value = texts[0];
ex.onchange = () => { q.value = texts[Number(ex.value)]; };
document.getElementById('run').onclick = async () => {
  const r = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: q.value }) });
  document.getElementById('out').textContent = JSON.stringify(await r.json(), null, 2);
};
</script></body></html>`;
}
