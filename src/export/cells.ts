// Values as CSV cells, for the csv and neo4j formats alike. The library
// (csv-stringify) does the quoting; what is decided here is what a cell
// holds, so that a value and its absence stay apart:
//   null            → an empty cell:      a,,b
//   ''              → a quoted empty one:  a,"",b
//   ['x', 'y']      → x;y                  (neo4j-admin's default array delimiter)
//   true / false    → true / false         (csv-stringify's default writes 1 and '')
import { stringify } from 'csv-stringify/sync';
import { ExportError } from './errors.ts';

export const ARRAY_DELIMITER = ';';

export type Cell = string | number | boolean | null;

/** One value as a cell. `where` names the value in the error when a list cannot be written. */
export function cellOf(value: unknown, where: () => string): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    // An empty list is an empty cell: neo4j-admin reads `""` in a list column as a list of one empty string.
    if (!value.length) return null;
    const items = value.map(String);
    // An item holding the delimiter would come back as two items, an empty one would vanish: refuse, never write a wrong list.
    const bad = items.find((item) => item === '' || item.includes(ARRAY_DELIMITER));
    if (bad !== undefined) {
      throw new ExportError(`${where()} holds the list item ${JSON.stringify(bad)}, which a CSV list (items joined with "${ARRAY_DELIMITER}") cannot hold; export it as --format ndjson.`);
    }
    return items.join(ARRAY_DELIMITER);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Rows of cells as CSV lines (RFC 4180 quoting, `\n` after each row). */
export function csvLines(rows: ReadonlyArray<readonly Cell[]>): string {
  if (!rows.length) return '';
  return stringify(rows as Cell[][], {
    cast: {
      boolean: (b) => (b ? 'true' : 'false'),
      string: (s) => (s === '' ? { value: '', quoted_empty: true } : s),
    },
  });
}
