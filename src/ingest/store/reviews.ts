// The door for reviewers' decisions: record one (checked against the
// statements it names), export every decision, import them into another
// store. Each relinks the regions it touches, so the links obey at once; the
// link stage applies them (../link/reviews.ts).
import type { NodeRow } from '../../graph/model.ts';
import type { GraphStore } from '../../graph/port.ts';
import { WriteQueue } from '../../graph/cypher/queue.ts';
import { reviewQueries, type ReviewFilter } from '../../graph/queries/reviews.ts';
import type { ReviewDecision, ReviewKind } from '../../vocabulary.ts';
import { reviewIdOf } from '../ids.ts';
import { judge, type Judgement } from '../link/reviews.ts';
import { relink } from './relink.ts';
import type { Workers } from './workers/pool.ts';
import { ReviewLine } from './review-lines.ts';

export { REVIEW_LIMITS, ReviewerLabel, ReviewNote, formatReviewLines, parseReviewLines, type ReviewLine } from './review-lines.ts';

/** A decision as a reviewer gives it. `from` is the commitment (or later commitment), `to` the outcome (or earlier statement). */
export interface ReviewRequest {
  readonly kind: ReviewKind;
  readonly from: string;
  readonly to: string;
  readonly decision: ReviewDecision;
  readonly note: string | null;
  readonly reviewer: string | null;
}

export type DecisionOutcome =
  | { readonly status: 'RECORDED'; readonly reviewId: string }
  | { readonly status: 'NOT_FOUND'; readonly message: string }
  | { readonly status: 'REFUSED'; readonly message: string };

interface Statement {
  readonly id: string;
  readonly text: string;
  readonly regionKey: string;
  readonly label: 'Commitment' | 'Outcome';
}

// A decision and the relink it asks for go one after another per store: two
// relinks of one region computed side by side could commit in the other order
// and leave the links of the first decision without the second.
const queues = new WeakMap<GraphStore, WriteQueue>();
const serially = <T>(store: GraphStore, work: () => Promise<T>): Promise<T> => {
  let queue = queues.get(store);
  if (!queue) queues.set(store, (queue = new WriteQueue()));
  return queue.run(work);
};

/**
 * Record a reviewer's decision on one link and relink its region. The link
 * need not exist (a reviewer may confirm one the rules missed), but both
 * statements must, of the right kinds, in one region: links are made within
 * a region. Never throws for a request that names the wrong statements.
 */
export function recordDecision(store: GraphStore, request: ReviewRequest, options: { readonly now?: Date; readonly workers?: Workers | undefined } = {}): Promise<DecisionOutcome> {
  const now = options.now ?? new Date();
  return serially(store, async () => {
    const found = await statements(store, [request.from, request.to]);
    const checked = check(request, found.get(request.from), found.get(request.to));
    if (checked.status !== 'OK') return checked;
    const row = reviewRow({
      kind: request.kind,
      fromId: request.from,
      toId: request.to,
      decision: request.decision,
      note: request.note,
      reviewer: request.reviewer,
      at: now.toISOString(),
      fromText: checked.from.text,
      toText: checked.to.text,
    });
    await store.recordReviews([row]);
    await relink(store, [checked.from.regionKey], { workers: options.workers });
    // Acknowledged decisions must survive a crash as acknowledged documents
    // do, but they are not in the intake journal (which redoes documents):
    // checkpointed here, they no longer depend on the engine's journal.
    // Decisions come at a person's pace; a checkpoint each is affordable.
    await store.checkpoint();
    return { status: 'RECORDED', reviewId: row.id };
  });
}

type Checked = { readonly status: 'OK'; readonly from: Statement; readonly to: Statement } | Exclude<DecisionOutcome, { status: 'RECORDED' }>;

function check({ kind, from: fromId, to: toId }: ReviewRequest, from: Statement | undefined, to: Statement | undefined): Checked {
  const what = kind === 'EVIDENCE' ? 'an evidence link runs from a commitment to an outcome' : 'a continuation runs from a later commitment to an earlier commitment or outcome';
  if (!from) return { status: 'NOT_FOUND', message: `No commitment with id ${fromId}.` };
  if (!to) return { status: 'NOT_FOUND', message: `No ${kind === 'EVIDENCE' ? 'outcome' : 'commitment or outcome'} with id ${toId}.` };
  if (from.label !== 'Commitment') return { status: 'REFUSED', message: `${fromId} is an outcome: ${what}.` };
  if (kind === 'EVIDENCE' && to.label !== 'Outcome') return { status: 'REFUSED', message: `${toId} is a commitment: ${what} (reviewContinuation reviews one commitment taking up another).` };
  if (fromId === toId) return { status: 'REFUSED', message: `A commitment does not continue itself (${fromId}).` };
  if (from.regionKey !== to.regionKey) {
    return { status: 'REFUSED', message: `Links are made within one region: ${fromId} is of ${from.regionKey}, ${toId} of ${to.regionKey}.` };
  }
  return { status: 'OK', from, to };
}

async function statements(store: GraphStore, ids: readonly string[]): Promise<Map<string, Statement>> {
  const rows = await store.read(reviewQueries.statements(ids));
  return new Map(
    rows.map((r) => [String(r.id), { id: String(r.id), text: String(r.text), regionKey: String(r.regionKey), label: r.label === 'Outcome' ? 'Outcome' : 'Commitment' }]),
  );
}

function reviewRow(line: ReviewLine): NodeRow<'Review'> {
  // `current` is decided by the store among all decisions on the link (writeReviews).
  return { id: reviewIdOf(line), ...line, current: false };
}

/** A stored decision as a line; a row the store should never hold fails loudly. */
function lineOf(r: Record<string, unknown>): ReviewLine {
  return ReviewLine.parse({
    kind: r.kind,
    fromId: r.fromId,
    toId: r.toId,
    decision: r.decision,
    note: r.note ?? null,
    reviewer: r.reviewer ?? null,
    at: r.at,
    fromText: r.fromText,
    toText: r.toText,
  });
}

/** Every decision in the store, oldest first, as export lines. */
export async function exportReviews(store: GraphStore): Promise<ReviewLine[]> {
  return (await store.read(reviewQueries.all())).map(lineOf);
}

/** A decision as the API shows it: as stored, and whether it still holds against the statements now. */
export type ReviewView = ReviewLine & {
  readonly id: string;
  /** False when a later decision on the same link replaced it. */
  readonly current: boolean;
  readonly stale: boolean;
  /** Why it is stale, in words; null when it holds. */
  readonly staleReason: string | null;
};

export interface ReviewListFilter extends ReviewFilter {
  /** true: only decisions that no longer hold; false: only those that do. */
  readonly stale?: boolean | null;
}

/** The audit trail, newest first, each decision judged against the statements as they are now. */
export async function listReviews(store: GraphStore, filter: ReviewListFilter): Promise<ReviewView[]> {
  const views = await judged(store, await store.read(reviewQueries.list(filter)));
  return filter.stale === null || filter.stale === undefined ? views : views.filter((v) => v.stale === filter.stale);
}

export async function reviewsByIds(store: GraphStore, ids: readonly string[]): Promise<ReviewView[]> {
  return judged(store, await store.read(reviewQueries.byIds(ids)));
}

async function judged(store: GraphStore, rows: ReadonlyArray<Record<string, unknown>>): Promise<ReviewView[]> {
  const lines = rows.map((r) => ({ id: String(r.id), current: r.current === true, line: lineOf(r) }));
  const found = await statements(store, [...new Set(lines.flatMap(({ line }) => [line.fromId, line.toId]))]);
  return lines.map(({ id, current, line }) => {
    const j = judge(line, found.get(line.fromId), found.get(line.toId));
    return { ...line, id, current, stale: !j.holds, staleReason: j.holds ? null : staleReason(line, j) };
  });
}

function staleReason(line: ReviewLine, j: Judgement): string {
  const end = (state: Judgement['from'], id: string, what: string) =>
    state === 'GONE'
      ? `${what} ${id} is no longer in the corpus (its document changed or was removed)`
      : state === 'CHANGED'
        ? `the text at ${id} is no longer what the reviewer saw (its document changed)`
        : null;
  const reasons = [
    end(j.from, line.fromId, 'the commitment'),
    end(j.to, line.toId, line.kind === 'EVIDENCE' ? 'the outcome' : 'the earlier statement'),
    j.from === 'SAME' && j.to === 'SAME' && !j.oneRegion ? 'its two statements are no longer of one region' : null,
  ].filter((x) => x !== null);
  const text = reasons.join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}: kept, but not applied until someone decides again.`;
}

export interface ImportReport {
  /** Decisions in the file. */
  readonly read: number;
  /** Of those, how many the store did not hold yet. */
  readonly added: number;
  /** Regions relinked: those of the commitments the decisions name that are in this store. */
  readonly regions: number;
  /** Decisions now in force that do not hold here: a statement is gone or reads otherwise; listed by reviews(where: {stale: true}). */
  readonly stale: number;
}

/**
 * Add decisions exported from another store (or this one): merged by id, the
 * latest on each link in force, then the regions they touch relinked. A
 * decision whose statements this store lacks or reads otherwise is kept and
 * counted as stale, never dropped.
 */
export function importReviews(store: GraphStore, lines: readonly ReviewLine[], options: { readonly workers?: Workers | undefined } = {}): Promise<ImportReport> {
  return serially(store, async () => {
    const rows = lines.map(reviewRow);
    const ids = [...new Set(rows.map((r) => r.id))];
    const held = new Set((await store.read(reviewQueries.byIds(ids))).map((r) => String(r.id)));
    await store.recordReviews(rows);
    const found = await statements(store, [...new Set(lines.map((l) => l.fromId))]);
    const regions = [...new Set([...found.values()].filter((s) => s.label === 'Commitment').map((s) => s.regionKey))].sort();
    if (regions.length) await relink(store, regions, options);
    await store.checkpoint();
    const now = await reviewsByIds(store, ids);
    return {
      read: lines.length,
      added: ids.filter((id) => !held.has(id)).length,
      regions: regions.length,
      stale: now.filter((r) => r.current && r.stale).length,
    };
  });
}

/** How many decisions in force no longer hold: what an ingest that changed documents tells the operator. */
export async function staleReviewCount(store: GraphStore): Promise<number> {
  return (await listReviews(store, { stale: true })).length;
}
