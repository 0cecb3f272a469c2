// The lists in a GraphQL answer as tables, for GraphiQL's table view and its
// CSV download. Pure and DOM-free: it runs in the page (bundled by build.ts)
// and in the unit tests alike.
//
// A list is an array of objects anywhere under `data`:
// `unreported.notReported.nodes`, `documents`, `trace.steps`. A row is one
// item, flattened:
//   { source: { start: 1 } }          → column `source.start`
//   { years: [2022, 2023] }           → `years`: "2022; 2023"
//   { links: [{ type: 'A' }, { type: 'B' }] }
//                                     → `links.type`: "A | B" (one part per item, in order)

export type Cell = string | number | boolean | null;

export interface Table {
  /** Where the list is in `data`, dot-separated: `unreported.notReported.nodes`. */
  readonly path: string;
  /** Column names, dotted for nested fields, in the order they first appear. */
  readonly columns: readonly string[];
  /** One per item of the list, each with exactly one cell per column. */
  readonly rows: ReadonlyArray<readonly Cell[]>;
}

/** Between the values of a list of scalars in one cell. */
export const VALUE_SEPARATOR = '; ';
/** Between the parts that the items of a nested list of objects give one cell. */
export const ITEM_SEPARATOR = ' | ';

type Obj = { readonly [key: string]: unknown };

const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list of rows: every item an object (or null, for a nullable item). An empty list is one too: a table with no rows. */
const isList = (value: unknown): value is ReadonlyArray<Obj | null> => Array.isArray(value) && value.every((item) => item === null || isObject(item));

/**
 * Every list in the answer's `data`, outermost first. A list inside a list's
 * items is a table too, its items from every parent item in order
 * (`institutions.nodes[].commitments`), though empty ones are left out; the
 * outer table still shows it joined in its cells. An answer without data has none.
 */
export function findTables(answer: unknown): Table[] {
  const lists = new Map<string, Array<Obj | null>>(); // in order of first appearance
  const walk = (value: unknown, path: string): void => {
    if (isList(value)) {
      const items = lists.get(path) ?? [];
      lists.set(path, items);
      items.push(...value);
      for (const item of value) walk(item, `${path}[]`);
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  if (isObject(answer)) walk(answer.data, '');
  return [...lists]
    .filter(([path, items]) => items.length > 0 || !path.includes('[]'))
    .map(([path, items]) => ({ path, ...tableOf(items) }));
}

/** Items as aligned rows: the union of their columns, a missing one an empty cell (rows may be ragged). */
export function tableOf(items: ReadonlyArray<Obj | null>): Pick<Table, 'columns' | 'rows'> {
  const flat = items.map((item) => {
    const cells = new Map<string, Cell>();
    if (item) flattenInto(cells, item, '');
    return cells;
  });
  const seen = new Set<string>();
  for (const cells of flat) for (const column of cells.keys()) seen.add(column);
  // A field that is null in every row and an object elsewhere (`outcome: null`
  // beside `outcome.text`) would be an always-empty column: its dotted ones say it all.
  const columns = [...seen].filter((column) => !(flat.every((cells) => cells.get(column) == null) && [...seen].some((other) => other.startsWith(`${column}.`))));
  return { columns, rows: flat.map((cells) => columns.map((column) => cells.get(column) ?? null)) };
}

function flattenInto(cells: Map<string, Cell>, value: unknown, name: string): void {
  if (value === null || value === undefined) {
    cells.set(name, null);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    cells.set(name, value);
  } else if (Array.isArray(value)) {
    if (isList(value) && value.some(isObject)) {
      // A nested list of objects: its own table, each column's cells joined.
      const inner = tableOf(value);
      inner.columns.forEach((column, i) => {
        cells.set(`${name}.${column}`, inner.rows.map((row) => text(row[i] ?? null)).join(ITEM_SEPARATOR));
      });
    } else {
      cells.set(name, value.length ? value.map((item) => (isObject(item) || Array.isArray(item) ? JSON.stringify(item) : text(item as Cell))).join(VALUE_SEPARATOR) : null);
    }
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) flattenInto(cells, child, name ? `${name}.${key}` : key);
  }
}

/** A cell as the table shows it and the CSV writes it. */
export function text(cell: Cell): string {
  return cell === null ? '' : String(cell);
}
