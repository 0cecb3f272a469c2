// Pure builders for every statement the stores send. Labels, types and
// property names come from the model, never from input; values are always
// parameters. Both engines run these texts, except where a Dialect differs.

import { LABELS, NODES, REL_TYPES, RELS, type Label, type PropType, type RelType } from '../model.ts';

type Rows = ReadonlyArray<Readonly<Record<string, unknown>>>;

/** How an engine writes a property value expression, and encodes the rows it binds to `$rows`. */
export interface Dialect {
  readonly name: 'neo4j' | 'ladybug';
  value(expr: string, type: PropType): string;
  /** Every row gets every property (null when absent), in one order, in the engine's value types. */
  encode(rows: Rows, props: Readonly<Record<string, PropType>>): Array<Record<string, unknown>>;
}

function fill(rows: Rows, props: Readonly<Record<string, PropType>>, value: (v: unknown, type: PropType) => unknown) {
  const entries = Object.entries(props);
  return rows.map((row) => Object.fromEntries(entries.map(([k, t]) => [k, value(row[k] ?? null, t)])));
}

export const neo4jDialect: Dialect = { name: 'neo4j', value: (expr) => expr, encode: (rows, props) => fill(rows, props, (v) => v) };

// LadybugDB infers a list parameter's struct type from its first row: a DOUBLE
// column whose rows mix 2 and 1.5 throws or silently stores garbage, and rows
// with different keys do not bind. Sending doubles as strings and casting
// them back, with every key in every row, keeps every row's type the same.
export const ladybugDialect: Dialect = {
  name: 'ladybug',
  value: (expr, type) => (type === 'DOUBLE' ? `CAST(${expr} AS DOUBLE)` : expr),
  encode: (rows, props) => fill(rows, props, (v, t) => (t === 'DOUBLE' && v !== null ? String(v) : v)),
};

function assignments(props: Readonly<Record<string, PropType>>, dialect: Dialect, exclude: string[] = []): string[] {
  return Object.entries(props)
    .filter(([k]) => !exclude.includes(k))
    .map(([k, t]) => `${k}: ${dialect.value(`r.${k}`, t)}`);
}

export const statements = {
  /** The nodes some documents own: one pass over the label's table for any number of documents. */
  deleteOwned: (label: Label) => `MATCH (n:${label}) WHERE n.doc IN $docs DETACH DELETE n`,

  createNodes: (label: Label, dialect: Dialect) =>
    `UNWIND $rows AS r CREATE (n:${label} {${assignments(NODES[label].props, dialect).join(', ')}})`,

  mergeShared: (label: Label, dialect: Dialect) => {
    const sets = Object.entries(NODES[label].props)
      .filter(([k]) => k !== 'id')
      .map(([k, t]) => `n.${k} = ${dialect.value(`r.${k}`, t)}`)
      .join(', ');
    return `UNWIND $rows AS r MERGE (n:${label} {id: r.id}) ON CREATE SET ${sets} ON MATCH SET ${sets}`;
  },

  // Two MATCH clauses, never one comma MATCH: the comma form is a cross
  // product on LadybugDB (~34 rows/s against ~45,000).
  createRels: (type: RelType, from: Label, to: Label, dialect: Dialect) => {
    const props = assignments(RELS[type].props, dialect);
    const body = props.length ? ` {${props.join(', ')}}` : '';
    return `UNWIND $rows AS r MATCH (a:${from} {id: r.a}) MATCH (b:${to} {id: r.b}) CREATE (a)-[:${type}${body}]->(b)`;
  },

  deleteRels: (type: RelType) => `MATCH ()-[r:${type}]->() DELETE r`,

  /** Derived links leaving the commitments of some regions. */
  deleteLinksFrom: (type: RelType) => `MATCH (c:Commitment)-[r:${type}]->() WHERE c.regionKey IN $keys DELETE r`,

  setProperty: (label: Label, prop: string, dialect: Dialect) => {
    const type = (NODES[label].props as Record<string, PropType>)[prop];
    if (!type) throw new Error(`${label} has no property ${prop}`);
    return `UNWIND $rows AS r MATCH (n:${label} {id: r.id}) SET n.${prop} = ${dialect.value('r.value', type)}`;
  },

  pruneOrphans: (label: Label) => `MATCH (n:${label}) WHERE NOT EXISTS { MATCH (n)--() } DELETE n`,

  /** The same, only among some nodes (rows of `{id}`): found through the id index, not a scan of the table. */
  pruneOrphansAmong: (label: Label) => `UNWIND $rows AS r MATCH (n:${label} {id: r.id}) WHERE NOT EXISTS { MATCH (n)--() } DELETE n`,

  /** Which of some documents (rows of `{id}`) are stored: id lookups, where `doc IN $docs` scans a whole table on LadybugDB. */
  documentsStored: () => `UNWIND $rows AS r MATCH (d:Document {id: r.id}) RETURN d.id AS id`,

  deleteAll: (label: Label) => `MATCH (n:${label}) DETACH DELETE n`,

  countNodes: (label: Label) => `MATCH (n:${label}) RETURN count(n) AS c`,

  countRels: (type: RelType) => `MATCH ()-[r:${type}]->() RETURN count(r) AS c`,

  readMeta: () => `MATCH (m:Meta {id: $id}) RETURN m.value AS value`,

  writeMeta: () => `MERGE (m:Meta {id: $id}) ON CREATE SET m.value = $value ON MATCH SET m.value = $value`,
} as const;

/** Every (type, from, to) triple the model allows. */
export function relEnds(): Array<{ type: RelType; from: Label; to: Label }> {
  return REL_TYPES.flatMap((type) => RELS[type].ends.map(([from, to]) => ({ type, from, to })));
}

/** Every write/maintenance statement a store can send in the given dialect, for the lint test. */
export function allStatements(dialect: Dialect): string[] {
  const out = new Set<string>();
  for (const l of LABELS) {
    if (NODES[l].shared) out.add(statements.mergeShared(l, dialect));
    else {
      out.add(statements.deleteOwned(l));
      out.add(statements.createNodes(l, dialect));
    }
    out.add(statements.deleteAll(l));
    out.add(statements.countNodes(l));
    out.add(statements.pruneOrphans(l));
    out.add(statements.pruneOrphansAmong(l));
  }
  for (const { type, from, to } of relEnds()) out.add(statements.createRels(type, from, to, dialect));
  for (const t of REL_TYPES) {
    out.add(statements.deleteRels(t));
    out.add(statements.deleteLinksFrom(t));
    out.add(statements.countRels(t));
  }
  out.add(statements.readMeta());
  out.add(statements.writeMeta());
  out.add(statements.documentsStored());
  return [...out];
}
