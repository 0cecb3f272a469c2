// Every node and relationship of the store, a bounded page at a time,
// through the port (the same Cypher on both engines).
import type { Label, RelType } from '../graph/model.ts';
import type { GraphStore } from '../graph/port.ts';
import { exportQueries } from '../graph/queries/export.ts';
import { relEnds } from '../graph/cypher/statements.ts';

export type ReadRow = Record<string, unknown>;

export interface PageSizes {
  /** Nodes per read. */
  readonly nodes: number;
  /** Documents per read: each carries its whole text (up to a few MB). */
  readonly documents: number;
}

// On LadybugDB (no ordered index) every page of nodes costs a scan of the
// label's ids, and the relationships of each page a scan of their table, so
// fewer, larger pages make a large store's export several times faster; 5,000
// commitments are a few MB. A node starts at most a few thousand
// relationships of a type (a document's statements), so a page's
// relationships stay bounded too.
export const DEFAULT_PAGES: PageSizes = { nodes: 5_000, documents: 20 };

/** What one read brings: some nodes of the label, or some relationships they start (rows of `startId`, `endId` and the type's properties). */
export type Batch =
  | { readonly kind: 'nodes'; readonly rows: ReadRow[] }
  | { readonly kind: 'rels'; readonly type: RelType; readonly from: Label; readonly to: Label; readonly rows: ReadRow[] };

/**
 * The nodes of a label in id order, a page at a time, each page followed by
 * the relationships its nodes start: no relationship type needs a pass of
 * its own.
 */
export async function* labelBatches(store: GraphStore, label: Label, pages: PageSizes): AsyncGenerator<Batch> {
  const outgoing = relEnds().filter((e) => e.from === label);
  let after = '';
  for await (const nodes of nodePages(store, label, label === 'Document' ? pages.documents : pages.nodes)) {
    yield { kind: 'nodes', rows: nodes };
    // The page holds every node with an id in (after, upto]: their relationships are those starting in that range.
    const upto = String(nodes[nodes.length - 1]!.id);
    for (const { type, to } of outgoing) {
      const rows = await store.read(exportQueries.rels(type, label, to, after, upto));
      if (rows.length) yield { kind: 'rels', type, from: label, to, rows };
    }
    after = upto;
  }
}

/**
 * The nodes of a label in id order, `size` at a time (`id` first, every
 * property of the model); with `docs`, only the nodes those documents own.
 */
export async function* nodePages(store: GraphStore, label: Label, size: number, docs: readonly string[] | null = null): AsyncGenerator<ReadRow[]> {
  // No documents own nothing (and an empty list is no parameter to send).
  if (docs?.length === 0) return;
  let after = '';
  for (;;) {
    const rows = await store.read(docs ? exportQueries.nodesOf(label, docs, after, size) : exportQueries.nodes(label, after, size));
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = String(rows[rows.length - 1]!.id);
  }
}
