// Pure builders for every statement the stores send. Labels, types and
// property names come from the model, never from input; values are always
// parameters. Both engines run these texts, except where a Dialect differs:
// each engine's dialect is in its own folder (ladybug/dialect.ts, neo4j/dialect.ts).

import { LABELS, NODES, REL_TYPES, RELS, type Label, type PropType, type RelType } from '../model.ts';

export type Rows = ReadonlyArray<Readonly<Record<string, unknown>>>;

export type Props = Readonly<Record<string, PropType>>;

/**
 * How rows reach `UNWIND`: as objects (both engines), or, on LadybugDB, each
 * row packed into one string that the statement splits again.
 */
export type RowForm = 'objects' | 'packed';

/** How an engine encodes the rows it binds to `$rows`, and reads a row's properties back in Cypher. */
export interface Dialect {
  readonly name: 'neo4j' | 'ladybug';
  /**
   * Every row gets every property of `props` (null when absent), in one order, in a form the engine
   * binds. `found`: the statement finds nodes by the rows' keys (MATCH, MERGE), so they stay objects.
   */
  encode(rows: Rows, props: Props, use: 'create' | 'found'): { form: RowForm; rows: unknown[] };
  /** The clause that binds `r` to each row of `$rows`, and the expression for a property of `r`. */
  binding(form: RowForm, props: Props): { unwind: string; field: (key: string) => string };
}

/** Every row gets every property of `props` (null when absent), in one order; `value` may convert each. */
export function fill(rows: Rows, props: Props, value: (v: unknown, type: PropType) => unknown) {
  const entries = Object.entries(props);
  return rows.map((row) => Object.fromEntries(entries.map(([k, t]) => [k, value(row[k] ?? null, t)])));
}

/** `UNWIND $rows AS r` with `r.key` for a property, as an engine writes that expression. */
export const objectBinding = (value: (expr: string, type: PropType) => string) => (props: Props) => ({
  unwind: 'UNWIND $rows AS r',
  field: (key: string) => value(`r.${key}`, props[key] ?? 'STRING'),
});

function assignments(props: Props, field: (key: string) => string, exclude: string[] = []): string[] {
  return Object.keys(props)
    .filter((k) => !exclude.includes(k))
    .map((k) => `${k}: ${field(k)}`);
}

const relProps = (type: RelType): Props => ({ a: 'STRING', b: 'STRING', ...RELS[type].props });

/** The properties a row of each write carries, in the order they are encoded. */
export const rowProps = {
  node: (label: Label): Props => NODES[label].props,
  rel: relProps,
  update: (label: Label, props: readonly string[]): Props => {
    const out: Record<string, PropType> = { id: 'STRING' };
    for (const prop of props) {
      const type = (NODES[label].props as Record<string, PropType>)[prop];
      if (!type || prop === 'id') throw new Error(`${label} has no property ${prop} to set`);
      out[prop] = type;
    }
    return out;
  },
};

export const statements = {
  /** The nodes some documents own: one pass over the label's table for any number of documents. */
  deleteOwned: (label: Label) => `MATCH (n:${label}) WHERE n.doc IN $docs DETACH DELETE n`,

  createNodes: (label: Label, dialect: Dialect, form: RowForm = 'objects') => {
    const { unwind, field } = dialect.binding(form, rowProps.node(label));
    return `${unwind} CREATE (n:${label} {${assignments(rowProps.node(label), field).join(', ')}})`;
  },

  mergeShared: (label: Label, dialect: Dialect, form: RowForm = 'objects') => {
    const { unwind, field } = dialect.binding(form, rowProps.node(label));
    const sets = Object.keys(NODES[label].props)
      .filter((k) => k !== 'id')
      .map((k) => `n.${k} = ${field(k)}`)
      .join(', ');
    return `${unwind} MERGE (n:${label} {id: ${field('id')}}) ON CREATE SET ${sets} ON MATCH SET ${sets}`;
  },

  // Two MATCH clauses, never one comma MATCH: the comma form is a cross
  // product on LadybugDB (~34 rows/s against ~45,000).
  createRels: (type: RelType, from: Label, to: Label, dialect: Dialect, form: RowForm = 'objects') => {
    const { unwind, field } = dialect.binding(form, rowProps.rel(type));
    const props = assignments(RELS[type].props, field);
    const body = props.length ? ` {${props.join(', ')}}` : '';
    return `${unwind} MATCH (a:${from} {id: ${field('a')}}) MATCH (b:${to} {id: ${field('b')}}) CREATE (a)-[:${type}${body}]->(b)`;
  },

  deleteRels: (type: RelType) => `MATCH ()-[r:${type}]->() DELETE r`,

  /** Derived links leaving the commitments of some regions (found from their documents, as the link stage reads them). */
  deleteLinksFrom: (type: RelType) => `MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment)-[r:${type}]->() WHERE d.regionKey IN $keys DELETE r`,

  /** Some properties of nodes found by id: one lookup per node for all of them. */
  setProperties: (label: Label, props: readonly string[], dialect: Dialect, form: RowForm = 'objects') => {
    const { unwind, field } = dialect.binding(form, rowProps.update(label, props));
    return `${unwind} MATCH (n:${label} {id: ${field('id')}}) SET ${props.map((p) => `n.${p} = ${field(p)}`).join(', ')}`;
  },

  pruneOrphans: (label: Label) => `MATCH (n:${label}) WHERE NOT EXISTS { MATCH (n)--() } DELETE n`,

  /** The same, only among some nodes (rows of `{id}`): found through the id index, not a scan of the table. */
  pruneOrphansAmong: (label: Label) => `UNWIND $rows AS r MATCH (n:${label} {id: r.id}) WHERE NOT EXISTS { MATCH (n)--() } DELETE n`,

  /** Which of some documents (rows of `{id}`) are stored: id lookups, where `doc IN $docs` scans a whole table on LadybugDB. */
  documentsStored: () => `UNWIND $rows AS r MATCH (d:Document {id: r.id}) RETURN d.id AS id`,

  deleteAll: (label: Label) => `MATCH (n:${label}) DETACH DELETE n`,

  countNodes: (label: Label) => `MATCH (n:${label}) RETURN count(n) AS c`,

  countRels: (type: RelType) => `MATCH ()-[r:${type}]->() RETURN count(r) AS c`,

  /**
   * Every decision on some links (rows of `{kind, fromId, toId}`), to find the
   * latest of each. A scan of the reviews per link: they are people's work, a
   * few thousand at most, never a corpus.
   */
  reviewsOfLinks: () =>
    `UNWIND $rows AS r MATCH (n:Review) WHERE n.kind = r.kind AND n.fromId = r.fromId AND n.toId = r.toId
RETURN DISTINCT n.id AS id, n.kind AS kind, n.fromId AS fromId, n.toId AS toId, n.at AS at ORDER BY id`,

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
  out.add(statements.reviewsOfLinks());
  out.add(statements.setProperties('Review', ['current'], dialect));
  return [...out];
}
