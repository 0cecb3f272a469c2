// GET /export/<table>.csv[?region=<name>]: one label of the graph as CSV, the
// same columns as `plantrace export --format csv`, for a spreadsheet to open
// straight from a link. Held to the server's limits like any answer: the
// request timeout, and the response cap (the whole CSV is built in memory,
// so a table over PLANTRACE_MAX_RESPONSE_BYTES is refused with what to do).
import { z } from 'zod';
import { NODES, type Label } from '../graph/model.ts';
import type { GraphStore } from '../graph/port.ts';
import { documentQueries } from '../graph/queries/documents.ts';
import { csvFormat } from '../export/formats/csv.ts';
import { nodePages } from '../export/read.ts';
import { EXPORTED_LABELS, nodeTables } from '../export/tables.ts';

export const EXPORT_PREFIX = '/export/';

/** `IndicatorValue` → `indicator-values`: the names a URL uses. */
const tableName = (label: Label) => `${label.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase()}s`;
const TABLES = new Map(EXPORTED_LABELS.map((l) => [tableName(l), l]));
export const EXPORT_TABLES = [...TABLES.keys()];

// Rows per read: a page of documents carries their texts.
const PAGE = 1_000;
const DOCUMENT_PAGE = 5;

const Query = z
  .object({ region: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional() })
  .strict();

export type CsvAnswer =
  | { readonly ok: true; readonly filename: string; readonly body: string }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string; readonly extensions?: Record<string, unknown> };

const refuse = (status: number, code: string, message: string, extensions?: Record<string, unknown>): CsvAnswer => ({
  ok: false,
  status,
  code,
  message,
  ...(extensions ? { extensions } : {}),
});

export async function exportCsv(url: URL, store: GraphStore, maxBytes: number): Promise<CsvAnswer> {
  const match = /^\/export\/([a-z-]+)\.csv$/.exec(url.pathname);
  const label = match ? TABLES.get(match[1]!) : undefined;
  if (!label) return refuse(404, 'NOT_FOUND', `No such table. Tables: ${EXPORT_TABLES.map((t) => `/export/${t}.csv`).join(', ')}.`);
  const parsed = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    return refuse(400, 'BAD_USER_INPUT', parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
  }
  const { region } = parsed.data;
  if (region !== undefined && !('doc' in NODES[label].props)) {
    const owned = EXPORTED_LABELS.filter((l) => 'doc' in NODES[l].props).map(tableName);
    return refuse(400, 'BAD_USER_INPUT', `region: filters the tables of what documents say (${owned.join(', ')}), not ${tableName(label)}; leave it out.`);
  }
  const docs = region === undefined ? null : (await store.read(documentQueries.list({ region }))).map((d) => String(d.id));
  const file = csvFormat.nodeFile(nodeTables().find((t) => t.label === label)!);
  const parts = [file.head];
  let bytes = Buffer.byteLength(file.head);
  for await (const rows of nodePages(store, label, label === 'Document' ? DOCUMENT_PAGE : PAGE, docs)) {
    const text = file.encode(rows);
    bytes += Buffer.byteLength(text);
    if (bytes > maxBytes) {
      return refuse(
        400,
        'RESPONSE_TOO_LARGE',
        `${tableName(label)}.csv is over the ${maxBytes.toLocaleString('en-US')} bytes this server sends (PLANTRACE_MAX_RESPONSE_BYTES). Narrow it with ?region=…, or export the whole graph with \`plantrace export --format csv\`.`,
        { maxBytes },
      );
    }
    parts.push(text);
  }
  const filename = region === undefined ? `${tableName(label)}.csv` : `${tableName(label)}-${region}.csv`;
  return { ok: true, filename, body: parts.join('') };
}
