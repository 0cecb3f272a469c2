// A dependency-free query page that works offline, until the full GraphiQL
// bundle is built (the API issue): a text area, a run button, the JSON answer.
export function playgroundHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>plantrace GraphQL</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem;max-width:70rem}textarea{width:100%;height:14rem;font:13px monospace}
pre{background:#f5f5f5;padding:1rem;white-space:pre-wrap;max-height:40rem;overflow:auto}</style></head>
<body><h1>plantrace</h1><p>POST GraphQL to <code>/graphql</code>. Try a query:</p>
<textarea id="q">{ documents { id title kind region regionStatus years } }</textarea>
<p><button id="run">Run</button></p><pre id="out"></pre>
<script>
document.getElementById('run').onclick = async () => {
  const r = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document.getElementById('q').value }) });
  document.getElementById('out').textContent = JSON.stringify(await r.json(), null, 2);
};
</script></body></html>`;
}
