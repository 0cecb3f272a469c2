// The NDJSON layout as CSV with a header row, for spreadsheets and dataframe
// tools. Each file starts with a UTF-8 byte-order mark: without it Excel
// reads the file in the system's code page and the Chinese comes out garbled.
import { cellOf, csvLines } from '../cells.ts';
import { REL_END_COLUMNS, type Column } from '../tables.ts';
import type { ReadRow } from '../read.ts';
import type { Format, TableFile } from './format.ts';

const BOM = '\ufeff';

function file(path: string, columns: readonly string[]): TableFile {
  return {
    path,
    head: BOM + csvLines([columns]),
    encode: (rows: readonly ReadRow[]) =>
      csvLines(rows.map((row) => columns.map((c) => cellOf(row[c], () => `${path}: ${c} of ${String(row.id ?? row.startId)}`)))),
  };
}

const names = (columns: readonly Column[]) => columns.map((c) => c.name);

export const csvFormat: Format = {
  name: 'csv',
  nodeFile: (t) => file(`nodes/${t.label}.csv`, names(t.columns)),
  relFiles: (t) => [{ file: file(`relationships/${t.type}.csv`, [...REL_END_COLUMNS, ...names(t.columns)]), ends: t.ends }],
};
