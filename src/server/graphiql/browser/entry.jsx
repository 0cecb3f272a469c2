// The GraphiQL page's script, bundled by build.ts into app.js. Plain JSX, not
// TypeScript: it runs in the browser and is type-checked by nobody but esbuild,
// so it stays small; what can be pure lives beside it in .ts modules
// (table.ts, csv.ts) that tsc checks and unit tests run. Everything it needs comes from node_modules at build time
// and from our own server at run time: no CDN.
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import * as monaco from 'monaco-graphql/esm/monaco-editor.js';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import { resultsPlugin } from './results.jsx';

// Chinese text is full of full-width punctuation (，：；（）) that Monaco
// would box on every line as "ambiguous" look-alikes of ASCII. This is the
// same module instance GraphiQL loads (the bundle has no code splitting).
monaco.editor.onDidCreateEditor((editor) => {
  editor.updateOptions({ unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false } });
});

// The page (page.ts) hands us its settings as inert JSON: where the API and
// the assets are, and the example tabs.
const config = JSON.parse(document.getElementById('plantrace-config').textContent);

// Monaco runs its language services in web workers. GraphiQL's own
// setup-workers variants load them from esm.sh or rely on a bundler's worker
// syntax; ours are bundled next to app.js and served from the same origin.
const WORKERS = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    return new Worker(`${config.assets}${WORKERS[label] ?? 'editor.worker.js'}`);
  },
};

// GraphiQL updates the operation name a moment after a tab switch; a run in
// that moment would send the previous tab's name and fail with "Unknown
// operation". A name the query does not define is dropped.
function definesOperation(query, name) {
  return new RegExp(`\\b(query|mutation|subscription)\\s+${name}\\b`).test(query);
}

// A plain fetch: headers typed in GraphiQL's header editor (Authorization for
// ingestDocument) go along with the request.
async function fetcher(graphQLParams, options) {
  const { operationName, ...rest } = graphQLParams;
  const params = operationName && !definesOperation(rest.query ?? '', operationName) ? rest : graphQLParams;
  const response = await fetch(config.endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  return response.json();
}

// The Explorer builds a query by ticking fields, for people who know little
// GraphQL; it opens with the page. The table view shows a list answer as a
// table and downloads it as CSV. Defined once: GraphiQL re-applies `plugins`
// and `visiblePlugin` whenever their identity changes.
const explorer = explorerPlugin();
const plugins = [explorer, resultsPlugin, HISTORY_PLUGIN];

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultTabs={config.tabs} defaultEditorToolsVisibility={false} plugins={plugins} visiblePlugin={explorer}>
    <GraphiQL.Logo>plantrace</GraphiQL.Logo>
  </GraphiQL>,
);
