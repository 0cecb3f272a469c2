// The link stage's I/O: read a part of the regions' statements from the
// store, compute their links (link-part.ts, pure, on a worker thread when
// there are workers), write them back in one transaction per part, and keep
// the pending marks that make an interrupted relink finish on the next run.
import type { GraphStore } from '../../graph/port.ts';
import { WriteQueue } from '../../graph/cypher/queue.ts';
import { linkQueries } from '../../graph/queries/links.ts';
import { reviewQueries } from '../../graph/queries/reviews.ts';
import { REVIEW_DECISIONS, REVIEW_KINDS } from '../../vocabulary.ts';
import type { LinkDecision } from '../link/reviews.ts';
import type { LinkRows } from './link-part.ts';
import { regionOfMark } from './pending.ts';
import { ON_THIS_THREAD, type Workers } from './workers/pool.ts';

/**
 * A bulk ingest relinks every region at once; reading, linking and writing
 * them in parts of about this many documents keeps memory and the size of one
 * transaction bounded. Measured on 1,500 generated documents: parts of 250
 * peaked at 3.4 GB RSS, parts of 100 at 2.1 GB, in the same time (a commit
 * costs by what it writes, not per part).
 */
export const RELINK_PART_DOCUMENTS = 100;

/** What a relink wrote: the links themselves are in the store (computeLinks gives them in memory). */
export interface RelinkCounts {
  readonly regionKeys: readonly string[];
  readonly evidence: number;
  readonly continuations: number;
  readonly statuses: number;
}

// One relink at a time per store. A relink reads a region, computes (for
// seconds, off this thread when there are workers) and writes: two of one
// region side by side could commit in the other order, and the older
// computation, made before the other's document was written, would replace
// the newer links and clear that document's pending mark. One after the
// other, a relink asked for after a write always reads it.
const relinks = new WeakMap<GraphStore, WriteQueue>();

/**
 * Recompute the links of the given regions (all regions when none are given).
 * Regions never share links: each part of regions is written in one
 * transaction, so a region's links always change all at once. A new summary
 * only affects its own region, so ingest relinks just the regions it touched.
 */
export function relink(store: GraphStore, regionKeys?: readonly string[], options: { readonly workers?: Workers | undefined } = {}): Promise<RelinkCounts> {
  let queue = relinks.get(store);
  if (!queue) relinks.set(store, (queue = new WriteQueue()));
  return queue.run(() => relinkNow(store, regionKeys, options.workers ?? ON_THIS_THREAD));
}

async function relinkNow(store: GraphStore, regionKeys: readonly string[] | undefined, workers: Workers): Promise<RelinkCounts> {
  const keys = regionKeys ?? (await store.read(linkQueries.regionKeys())).map((r) => String(r.key));
  const counts = { regionKeys: keys, evidence: 0, continuations: 0, statuses: 0 };
  // Reviewers' decisions are few (people's work): read once for every part.
  const decisions = await decisionsInForce(store);
  for (const part of await parts(store, keys)) {
    const linked = await workers.link({ regionKeys: part, rows: await loadRows(store, part), decisions });
    await store.replaceLinks(linked.batch);
    counts.evidence += linked.evidence;
    counts.continuations += linked.continuations;
    counts.statuses += linked.statuses;
  }
  return counts;
}

/**
 * Region keys in parts of about RELINK_PART_DOCUMENTS documents (a region is
 * never split), in the order given: ingest gives them in the order its
 * documents were written, which is the order of their nodes in storage.
 */
async function parts(store: GraphStore, keys: readonly string[]): Promise<string[][]> {
  if (keys.length <= 1) return [[...keys]];
  const counts = new Map((await store.read(linkQueries.documentsPerRegion(keys))).map((r) => [String(r.key), Number(r.n)]));
  const out: string[][] = [[]];
  let size = 0;
  for (const key of keys) {
    const n = counts.get(key) ?? 0;
    if (size > 0 && size + n > RELINK_PART_DOCUMENTS) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1]!.push(key);
    size += n;
  }
  return out;
}

/** Regions marked pending in the store. */
export async function pendingRegions(store: GraphStore): Promise<string[]> {
  return (await store.read(linkQueries.pendingRegions())).map((r) => regionOfMark(String(r.id)));
}

/** The current decision on each reviewed link; a row of another shape than the store writes is a bug, and fails loudly. */
async function decisionsInForce(store: GraphStore): Promise<LinkDecision[]> {
  const oneOf = <T extends string>(values: readonly T[], v: unknown): T => {
    if (values.includes(v as T)) return v as T;
    throw new Error(`A Review in the store has ${String(v)} where one of ${values.join(', ')} belongs.`);
  };
  return (await store.read(reviewQueries.inForce())).map((r) => ({
    id: String(r.id),
    kind: oneOf(REVIEW_KINDS, r.kind),
    from: String(r.fromId),
    to: String(r.toId),
    decision: oneOf(REVIEW_DECISIONS, r.decision),
    fromText: String(r.fromText),
    toText: String(r.toText),
  }));
}

/** What the store holds of a part's statements, as rows: the link task turns them into its inputs. */
async function loadRows(store: GraphStore, keys: readonly string[]): Promise<LinkRows> {
  const [commitments, outcomes, institutions, commitmentIndicators, outcomeIndicators] = await Promise.all([
    store.read(linkQueries.commitments(keys)),
    store.read(linkQueries.outcomes(keys)),
    store.read(linkQueries.institutions(keys)),
    store.read(linkQueries.commitmentIndicators(keys)),
    store.read(linkQueries.outcomeIndicators(keys)),
  ]);
  return { commitments, outcomes, institutions, commitmentIndicators, outcomeIndicators };
}
