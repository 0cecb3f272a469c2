import { NODES, RELS, type Label, type RelType } from '../model.ts';
import type { Query } from '../port.ts';
import { unique } from './filters.ts';

// What `plantrace export` reads: every node and relationship, a bounded page
// at a time. Pages are keyed on ids (`n.id > $after`, the last id of the page
// before), never on SKIP: a SKIP pass re-reads every row before the page, and
// LadybugDB crashes on a SKIP far past the end of a table. Ids are never empty
// (src/ingest/ids.ts prefixes every one), so `$after = ''` starts at the first.
// As in statements.ts, a page is sorted on ids alone and its rows then
// fetched by id: carrying whole nodes (a document's text) through ORDER BY
// costs far more.

/** The property names of a label, `id` first, as the model lists them. */
export const nodeColumns = (label: Label): string[] => Object.keys(NODES[label].props);
export const relColumns = (type: RelType): string[] => Object.keys(RELS[type].props);

const returned = (label: Label) => nodeColumns(label).map((p) => `n.${p} AS ${p}`).join(', ');

export const exportQueries = {
  /** Up to `limit` nodes of a label with ids after `after`, every property, in id order. */
  nodes: (label: Label, after: string, limit: number): Query => ({
    name: `export.nodes.${label}`,
    text: `MATCH (n:${label}) WHERE n.id > $after WITH n.id AS key ORDER BY key LIMIT $limit
MATCH (n:${label} {id: key})
RETURN ${returned(label)} ORDER BY id`,
    params: { after, limit },
  }),

  /**
   * The same, only among the nodes some documents own (`doc IN $docs`: a
   * region's), for the HTTP export. A scan per page on LadybugDB, where `doc`
   * has no index; that answer is capped in size, so its pages are few.
   */
  nodesOf: (label: Label, docs: readonly string[], after: string, limit: number): Query => ({
    name: `export.nodesOf.${label}`,
    text: `MATCH (n:${label}) WHERE n.doc IN $docs AND n.id > $after WITH n.id AS key ORDER BY key LIMIT $limit
MATCH (n:${label} {id: key})
RETURN ${returned(label)} ORDER BY id`,
    params: { docs: unique(docs), after, limit },
  }),

  /**
   * The relationships of a type from the start nodes with ids in (`after`,
   * `upto`] (a page of nodes) to nodes of the end label. A range, not a list
   * of ids: on LadybugDB, `UNWIND $ids … MATCH (a {id: key})-[r]->(b)` took
   * 2–3 s for 2,000 commitments' links at 5,000 documents, the range 0.3–0.5 s.
   */
  rels: (type: RelType, from: Label, to: Label, after: string, upto: string): Query => ({
    name: `export.rels.${type}.${from}-${to}`,
    text: `MATCH (a:${from})-[r:${type}]->(b:${to}) WHERE a.id > $after AND a.id <= $upto
RETURN ${['a.id AS startId', 'b.id AS endId', ...relColumns(type).map((p) => `r.${p} AS ${p}`)].join(', ')} ORDER BY startId, endId`,
    params: { after, upto },
  }),
};
