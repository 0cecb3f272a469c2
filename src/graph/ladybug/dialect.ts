// How LadybugDB gets its rows: packed strings for CREATE, typed objects for
// what a statement finds by key. The shared statements (../cypher/statements.ts)
// ask the dialect for the binding clause and each property's expression.
import type { PropType } from '../model.ts';
import { fill, objectBinding, type Dialect, type Props, type Rows } from '../cypher/statements.ts';

// LadybugDB binds a list of row objects at ~5 µs per value: for a commitment
// (20 properties) that was ~85% of its insert time. One string per row, split
// in the statement, binds ~3× faster. Fields are separated by U+001F, list
// items by U+001E; U+0002 is null, U+0003 the empty list and U+0004 the empty
// string: LadybugDB's string_split drops empty fields (`a␟␟b` splits into two),
// so an empty value would shift every later column; no field is ever empty.
// A batch with any of these characters in a value, or an empty list item,
// goes as objects instead. Only CREATE gets
// packed rows: a MATCH on `{id: r[1]}` does not use the primary key (it
// joins against a scan of the whole table, 20× slower and out of memory at
// scale), where `{id: r.a}` does.
const FIELD = '\u001f';
const ITEM = '\u001e';
const NULL = '\u0002';
const EMPTY = '\u0003';
const BLANK = '\u0004';
const RESERVED = /[\u0002-\u0004\u001e\u001f]/;

function pack(row: Readonly<Record<string, unknown>>, keys: readonly string[]): string | null {
  const fields: string[] = [];
  for (const k of keys) {
    const v = row[k];
    if (v === null || v === undefined) fields.push(NULL);
    else if (Array.isArray(v)) {
      const items = v.map(String);
      if (items.some((item) => item === '' || RESERVED.test(item))) return null;
      fields.push(items.length ? items.join(ITEM) : EMPTY);
    } else {
      const field = String(v);
      if (RESERVED.test(field)) return null;
      fields.push(field === '' ? BLANK : field);
    }
  }
  return fields.join(FIELD);
}

function packedField(index: number, type: PropType): string {
  const raw = `r[${index + 1}]`; // LadybugDB lists are 1-based
  const value = {
    STRING: `CASE WHEN ${raw} = '${BLANK}' THEN '' ELSE ${raw} END`,
    INT64: `CAST(${raw} AS INT64)`,
    DOUBLE: `CAST(${raw} AS DOUBLE)`,
    BOOLEAN: `${raw} = 'true'`,
    'STRING[]': `CASE WHEN ${raw} = '${EMPTY}' THEN CAST([] AS STRING[]) ELSE string_split(${raw}, '${ITEM}') END`,
    'INT64[]': `CASE WHEN ${raw} = '${EMPTY}' THEN CAST([] AS INT64[]) ELSE CAST(string_split(${raw}, '${ITEM}') AS INT64[]) END`,
  }[type];
  return `CASE WHEN ${raw} = '${NULL}' THEN NULL ELSE ${value} END`;
}

// As objects, LadybugDB infers a list parameter's struct type from its first
// row: a DOUBLE column whose rows mix 2 and 1.5 throws or silently stores
// garbage, and rows with different keys do not bind. Sending doubles as
// strings and casting them back, with every key in every row, keeps every
// row's type the same.
const asObjects = (rows: Rows, props: Props) => fill(rows, props, (v, t) => (t === 'DOUBLE' && v !== null ? String(v) : v));

export const ladybugDialect: Dialect = {
  name: 'ladybug',
  encode: (rows, props, use) => {
    const keys = Object.keys(props);
    if (use === 'found') return { form: 'objects', rows: asObjects(rows, props) };
    const packed: string[] = [];
    for (const row of rows) {
      const line = pack(row, keys);
      if (line === null) return { form: 'objects', rows: asObjects(rows, props) };
      packed.push(line);
    }
    return { form: 'packed', rows: packed };
  },
  binding: (form, props) => {
    if (form === 'objects') return objectBinding((expr, type) => (type === 'DOUBLE' ? `CAST(${expr} AS DOUBLE)` : expr))(props);
    const keys = Object.keys(props);
    return {
      unwind: `UNWIND $rows AS line WITH string_split(line, '${FIELD}') AS r`,
      field: (key: string) => packedField(keys.indexOf(key), props[key]!),
    };
  },
};
