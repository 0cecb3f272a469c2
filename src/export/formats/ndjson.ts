// One JSON object per line, every column in every row (null where absent),
// values exactly as stored: lists stay lists, numbers numbers.
import { REL_END_COLUMNS, type Column } from '../tables.ts';
import type { ReadRow } from '../read.ts';
import type { Format, TableFile } from './format.ts';

function file(path: string, columns: readonly string[]): TableFile {
  return {
    path,
    head: '',
    encode: (rows: readonly ReadRow[]) => rows.map((row) => `${JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])))}\n`).join(''),
  };
}

const names = (columns: readonly Column[]) => columns.map((c) => c.name);

export const ndjsonFormat: Format = {
  name: 'ndjson',
  nodeFile: (t) => file(`nodes/${t.label}.ndjson`, names(t.columns)),
  relFiles: (t) => [{ file: file(`relationships/${t.type}.ndjson`, [...REL_END_COLUMNS, ...names(t.columns)]), ends: t.ends }],
};
