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
  /** Start nodes per read of their relationships of one type. */
  readonly starts: number;
}

// On LadybugDB (no ordered index) every page of nodes costs a scan of the
// label's ids, so fewer, larger pages make a large store's export several
// times faster; 5,000 commitments are a few MB of memory. A start node has at
// most a few thousand relationships of a type (a document's statements), so
// a read of 2,000 starts' relationships stays bounded too.
export const DEFAULT_PAGES: PageSizes = { nodes: 5_000, documents: 20, starts: 2_000 };

/** What one read brings: some nodes of the label, or some relationships they start (rows of `startId`, `endId` and the type's properties). */
export type Batch =
  | { readonly kind: 'nodes'; readonly rows: ReadRow[] }
  | { readonly kind: 'rels'; readonly type: RelType; readonly from: Label; readonly to: Label; readonly rows: ReadRow[] };

/**
 * The nodes of a label in id order, a page at a time, each page followed by
 * the relationships its nodes start: a relationship is read from its start
 * node, found by id, so no relationship type needs a pass of its own.
 */
export async function* labelBatches(store: GraphStore, label: Label, pages: PageSizes): AsyncGenerator<Batch> {
  const outgoing = relEnds().filter((e) => e.from === label);
  for await (const nodes of nodePages(store, label, label === 'Document' ? pages.documents : pages.nodes)) {
    yield { kind: 'nodes', rows: nodes };
    const ids = nodes.map((n) => String(n.id));
    for (const { type, to } of outgoing) {
      for (let i = 0; i < ids.length; i += pages.starts) {
        const rows = await store.read(exportQueries.rels(type, label, to, ids.slice(i, i + pages.starts)));
        if (rows.length) yield { kind: 'rels', type, from: label, to, rows };
      }
    }
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
