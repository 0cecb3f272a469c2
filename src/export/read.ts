// Every node and relationship of the store, a bounded page at a time,
// through the port (the same Cypher on both engines).
import type { Label, RelType } from '../graph/model.ts';
import type { GraphStore } from '../graph/port.ts';
import { exportQueries } from '../graph/queries/export.ts';

export type ReadRow = Record<string, unknown>;

export interface PageSizes {
  /** Nodes per read. */
  readonly nodes: number;
  /** Documents per read: each carries its whole text (up to a few MB). */
  readonly documents: number;
  /** Start nodes looked at per read of a relationship type. */
  readonly starts: number;
  /** Relationships per read, unless one start node alone has more. */
  readonly rels: number;
}

export const DEFAULT_PAGES: PageSizes = { nodes: 2_000, documents: 20, starts: 2_000, rels: 5_000 };

/** The nodes of a label in id order, in pages of at most `size` (`id` first, every property of the model). */
export async function* nodePages(store: GraphStore, label: Label, pages: PageSizes = DEFAULT_PAGES): AsyncGenerator<ReadRow[]> {
  const size = label === 'Document' ? pages.documents : pages.nodes;
  let after = '';
  for (;;) {
    const rows = await store.read(exportQueries.nodes(label, after, size));
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = String(rows[rows.length - 1]!.id);
  }
}

/**
 * The relationships of a type between two labels, as rows of `startId`,
 * `endId` and the type's properties, grouped by start node in id order.
 * Start nodes are read in pages with their number of such relationships,
 * then fetched in groups of about `pages.rels` rows: a document's thousand
 * statements and a commitment's two links both make reads of bounded size.
 */
export async function* relPages(store: GraphStore, type: RelType, from: Label, to: Label, pages: PageSizes = DEFAULT_PAGES): AsyncGenerator<ReadRow[]> {
  let after = '';
  for (;;) {
    const starts = await store.read(exportQueries.relStarts(type, from, to, after, pages.starts));
    for (const ids of groupByRows(starts.map((s) => ({ id: String(s.id), n: Number(s.n) })), pages.rels)) {
      const rows = await store.read(exportQueries.rels(type, from, to, ids));
      if (rows.length) yield rows;
    }
    if (starts.length < pages.starts) return;
    after = String(starts[starts.length - 1]!.id);
  }
}

/**
 * Start nodes in groups whose relationship counts add up to at most `budget`
 * (a node with more is a group of its own), in the order given; nodes
 * without any are left out.
 */
export function groupByRows(starts: ReadonlyArray<{ id: string; n: number }>, budget: number): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let rows = 0;
  for (const { id, n } of starts) {
    if (n <= 0) continue;
    if (group.length && rows + n > budget) {
      groups.push(group);
      group = [];
      rows = 0;
    }
    group.push(id);
    rows += n;
  }
  if (group.length) groups.push(group);
  return groups;
}
