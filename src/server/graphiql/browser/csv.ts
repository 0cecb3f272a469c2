// A table as a CSV file for spreadsheets. csv-stringify does the quoting, as
// in the server's export; its browser build, because the plain one reaches for
// Node's Buffer when it loads.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Table } from './table.ts';

/** Excel reads a CSV file as the system's code page (GBK, Windows-1252…) unless it starts with this. */
export const BOM = '\uFEFF';

/**
 * The header row and the rows: RFC 4180 quoting (a cell with a comma, a quote
 * or a line break is quoted, its quotes doubled), CRLF between rows, a UTF-8
 * BOM first. An empty cell is null; true and false are written as words.
 */
export function tableCsv(table: Pick<Table, 'columns' | 'rows'>): string {
  if (!table.columns.length) return BOM;
  for (const row of table.rows) {
    // A cell past the last column would have no header: refuse rather than write a file that reads wrong.
    if (row.length > table.columns.length) throw new RangeError(`a row has ${row.length} cells for ${table.columns.length} columns`);
  }
  const rows = table.rows.map((row) => table.columns.map((_, i) => row[i] ?? null));
  return (
    BOM +
    stringify([[...table.columns], ...rows], {
      record_delimiter: 'windows',
      // csv-stringify quotes only a cell holding the record delimiter itself
      // (CRLF); a spreadsheet ends a row at a bare LF or CR too.
      quoted_match: /[\r\n]/,
      cast: { boolean: (b) => (b ? 'true' : 'false') },
    })
  );
}
