// A region whose documents are written but whose links are not yet recomputed
// is marked pending (a Meta row, written in the document's own transaction)
// until its relink commits: an ingest killed before its relink leaves the
// mark, and the next ingest relinks that region even if no file changed.
// Pure rows, so that a worker preparing a document's batch can mark it too.
import type { NodeRow } from '../../graph/model.ts';

const PENDING = 'pending';
const LINKED = 'linked';

/** The Meta row's id for a region's mark. */
export const markId = (regionKey: string): string => `relink:${regionKey}`;

/** The region key a mark's id names. */
export const regionOfMark = (id: string): string => id.slice(markId('').length);

/** The Meta row a document batch carries for its region. */
export function pendingMark(regionKey: string): NodeRow<'Meta'> {
  return { id: markId(regionKey), value: PENDING };
}

/** The row a relink writes over the mark once the region's links are committed. */
export function linkedMark(regionKey: string): NodeRow<'Meta'> {
  return { id: markId(regionKey), value: LINKED };
}
