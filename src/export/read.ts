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
  const size = label === 'Document' ? pages.documents : pages.nodes;
  const outgoing = relEnds().filter((e) => e.from === label);
  let after = '';
  for (;;) {
    const nodes = await store.read(exportQueries.nodes(label, after, size));
    if (!nodes.length) return;
    yield { kind: 'nodes', rows: nodes };
    const ids = nodes.map((n) => String(n.id));
    for (const { type, to } of outgoing) {
      for (let i = 0; i < ids.length; i += pages.starts) {
        const rows = await store.read(exportQueries.rels(type, label, to, ids.slice(i, i + pages.starts)));
        if (rows.length) yield { kind: 'rels', type, from: label, to, rows };
      }
    }
    if (nodes.length < size) return;
    after = ids[ids.length - 1]!;
  }
}
