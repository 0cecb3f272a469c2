// The link stage's I/O: read a part of the regions' statements from the
// store, compute their links (../link/compute.ts, pure), write them back in
// one transaction per part, and keep the pending marks that make an
// interrupted relink finish on the next run.
import { joinLinkTerms, type NodeRow, type RelRow } from '../../graph/model.ts';
import type { GraphStore, LinkBatch } from '../../graph/port.ts';
import { linkQueries } from '../../graph/queries/links.ts';
import { reviewQueries } from '../../graph/queries/reviews.ts';
import { REVIEW_DECISIONS, REVIEW_KINDS } from '../../vocabulary.ts';
import { computeLinks, type LinkResult } from '../link/compute.ts';
import { clausesOf } from '../link/evidence.ts';
import type { LinkDecision } from '../link/reviews.ts';
import { encodeReporting } from '../link/status.ts';
import type { Continuation, IndicatorPoint, LinkCommitment, LinkOutcome } from '../link/types.ts';

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

/**
 * Recompute the links of the given regions (all regions when none are given).
 * Regions never share links: each part of regions is written in one
 * transaction, so a region's links always change all at once. A new summary
 * only affects its own region, so ingest relinks just the regions it touched.
 */
export async function relink(store: GraphStore, regionKeys?: readonly string[]): Promise<RelinkCounts> {
  const keys = regionKeys ?? (await store.read(linkQueries.regionKeys())).map((r) => String(r.key));
  const counts = { regionKeys: keys, evidence: 0, continuations: 0, statuses: 0 };
  // Reviewers' decisions are few (people's work): read once for every part.
  const decisions = await decisionsInForce(store);
  for (const part of await parts(store, keys)) {
    const { commitments, outcomes } = await loadInputs(store, part);
    const result = computeLinks(part, commitments, outcomes, decisions);
    await store.replaceLinks(toLinkBatch(result));
    counts.evidence += result.evidence.length;
    counts.continuations += result.continuations.length;
    counts.statuses += result.statuses.length;
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

// A region whose documents are written but whose links are not yet recomputed
// is marked pending (a Meta row, written in the document's own transaction)
// until its relink commits: an ingest killed before its relink leaves the
// mark, and the next ingest relinks that region even if no file changed.
const PENDING = 'pending';
const markId = (regionKey: string) => `relink:${regionKey}`;

/** The Meta row a document batch carries for its region. */
export function pendingMark(regionKey: string): NodeRow<'Meta'> {
  return { id: markId(regionKey), value: PENDING };
}

/** Regions marked pending in the store. */
export async function pendingRegions(store: GraphStore): Promise<string[]> {
  return (await store.read(linkQueries.pendingRegions())).map((r) => String(r.id).slice(markId('').length));
}

export function toLinkBatch(r: LinkResult): LinkBatch {
  const rows = (cs: readonly Continuation[]): RelRow<'CONTINUES'>[] =>
    cs.map((c) => ({ a: c.from, b: c.to, score: c.score, verdict: c.verdict, terms: joinLinkTerms(c.terms), review: c.review ?? null }));
  return {
    regionKeys: r.regionKeys,
    rels: [
      { type: 'EVIDENCED_BY', from: 'Commitment', to: 'Outcome', rows: r.evidence.map((e) => ({ a: e.commitment, b: e.outcome, score: e.score, verdict: e.verdict, terms: joinLinkTerms(e.terms), review: e.review ?? null })) },
      { type: 'CONTINUES', from: 'Commitment', to: 'Commitment', rows: rows(r.continuations.filter((c) => c.toKind === 'Commitment')) },
      { type: 'CONTINUES', from: 'Commitment', to: 'Outcome', rows: rows(r.continuations.filter((c) => c.toKind === 'Outcome')) },
    ],
    updates: [
      {
        label: 'Commitment',
        props: ['status', 'statusReason', 'reporting'],
        rows: r.statuses.map((s) => ({ id: s.commitment, status: s.status, statusReason: s.reason, reporting: encodeReporting(s.reporting) })),
      },
      // Relinked: the regions' pending marks (where there are any) are cleared with their links.
      { label: 'Meta', props: ['value'], rows: r.regionKeys.map((k) => ({ id: markId(k), value: 'linked' })) },
    ],
  };
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

async function loadInputs(store: GraphStore, keys: readonly string[]) {
  const [cRows, oRows, inst, cInd, oInd] = await Promise.all([
    store.read(linkQueries.commitments(keys)),
    store.read(linkQueries.outcomes(keys)),
    store.read(linkQueries.institutions(keys)),
    store.read(linkQueries.commitmentIndicators(keys)),
    store.read(linkQueries.outcomeIndicators(keys)),
  ]);
  const institutions = group(inst, (r) => String(r.institution));
  const points = (rows: Array<Record<string, unknown>>) =>
    group(rows, (r): IndicatorPoint => ({
      indicatorId: String(r.indicator),
      value: r.value === null || r.value === undefined ? null : Number(r.value),
      comparator: (r.comparator as string | null) ?? null,
      year: (r.year as number | null) ?? null,
      kind: r.kind as IndicatorPoint['kind'],
    }));
  const cPoints = points(cInd);
  const oPoints = points(oInd);
  // What commitments and outcomes share: identity, region, words, and what is attached to them.
  const base = (r: Record<string, unknown>, points: Map<string, IndicatorPoint[]>) => ({
    id: String(r.id),
    doc: String(r.doc),
    regionKey: String(r.regionKey),
    region: (r.region as string | null) ?? null,
    text: String(r.text),
    terms: (r.terms as string[] | null) ?? [],
    broad: r.broad === true,
    ord: Number(r.ord ?? 0),
    institutions: institutions.get(String(r.id)) ?? [],
    indicators: points.get(String(r.id)) ?? [],
  });
  const year = (v: unknown) => (v as number | null) ?? null;
  const commitments: LinkCommitment[] = cRows.map((r) => ({
    ...base(r, cPoints),
    clauses: clausesOf(String(r.text)),
    plan: (r.plan as string | null) ?? null,
    planYear: year(r.planYear),
    periodFrom: year(r.periodFrom),
    periodTo: year(r.periodTo),
    dueYear: year(r.dueYear),
    lead: (r.lead as string | null) ?? null,
  }));
  const outcomes: LinkOutcome[] = oRows.map((r) => ({
    ...base(r, oPoints),
    year: year(r.year),
    progress: (r.progress as LinkOutcome['progress']) ?? null,
  }));
  return { commitments, outcomes };
}

function group<T>(rows: Array<Record<string, unknown>>, value: (r: Record<string, unknown>) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const id = String(r.id);
    const list = out.get(id);
    if (list) list.push(value(r));
    else out.set(id, [value(r)]);
  }
  return out;
}
