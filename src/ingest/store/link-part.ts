// The CPU side of relinking one part of the regions: from the rows the store
// gave (relink.ts reads them) to the link batch it writes back. Pure, and
// plain data in and out, so that it runs on a worker thread as well as on the
// calling one: segmenting every commitment's clauses and matching a large
// region's statements take seconds that would otherwise hold up the server.
import { joinLinkTerms, type RelRow } from '../../graph/model.ts';
import type { LinkBatch } from '../../graph/port.ts';
import { computeLinks, type LinkResult } from '../link/compute.ts';
import { clausesOf } from '../link/evidence.ts';
import type { LinkDecision } from '../link/reviews.ts';
import { encodeReporting } from '../link/status.ts';
import type { Continuation, IndicatorPoint, LinkCommitment, LinkOutcome } from '../link/types.ts';
import { linkedMark } from './pending.ts';

type Row = Record<string, unknown>;

/** What the store holds of a part of the regions, as linkQueries read it. */
export interface LinkRows {
  readonly commitments: readonly Row[];
  readonly outcomes: readonly Row[];
  readonly institutions: readonly Row[];
  readonly commitmentIndicators: readonly Row[];
  readonly outcomeIndicators: readonly Row[];
}

export interface LinkPartTask {
  readonly regionKeys: readonly string[];
  readonly rows: LinkRows;
  /** Reviewers' decisions in force: the rules obey them (link/reviews.ts). */
  readonly decisions: readonly LinkDecision[];
}

export interface LinkPartResult {
  readonly batch: LinkBatch;
  readonly evidence: number;
  readonly continuations: number;
  readonly statuses: number;
}

/** A part's rows → its links and statuses → the batch that replaces them. */
export function linkPart(task: LinkPartTask): LinkPartResult {
  const { commitments, outcomes } = linkInputs(task.rows);
  const result = computeLinks(task.regionKeys, commitments, outcomes, task.decisions);
  return { batch: toLinkBatch(result), evidence: result.evidence.length, continuations: result.continuations.length, statuses: result.statuses.length };
}

export function linkInputs(rows: LinkRows): { commitments: LinkCommitment[]; outcomes: LinkOutcome[] } {
  const institutions = group(rows.institutions, (r) => String(r.institution));
  const points = (rows: readonly Row[]) =>
    group(rows, (r): IndicatorPoint => ({
      indicatorId: String(r.indicator),
      value: r.value === null || r.value === undefined ? null : Number(r.value),
      comparator: (r.comparator as string | null) ?? null,
      year: (r.year as number | null) ?? null,
      kind: r.kind as IndicatorPoint['kind'],
    }));
  const cPoints = points(rows.commitmentIndicators);
  const oPoints = points(rows.outcomeIndicators);
  // What commitments and outcomes share: identity, region, words, and what is attached to them.
  const base = (r: Row, points: Map<string, IndicatorPoint[]>) => ({
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
  const commitments: LinkCommitment[] = rows.commitments.map((r) => ({
    ...base(r, cPoints),
    clauses: clausesOf(String(r.text)),
    plan: (r.plan as string | null) ?? null,
    planYear: year(r.planYear),
    periodFrom: year(r.periodFrom),
    periodTo: year(r.periodTo),
    dueYear: year(r.dueYear),
    lead: (r.lead as string | null) ?? null,
  }));
  const outcomes: LinkOutcome[] = rows.outcomes.map((r) => ({
    ...base(r, oPoints),
    year: year(r.year),
    progress: (r.progress as LinkOutcome['progress']) ?? null,
  }));
  return { commitments, outcomes };
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
      { label: 'Meta', props: ['value'], rows: r.regionKeys.map(linkedMark) },
    ],
  };
}

function group<T>(rows: readonly Row[], value: (r: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const id = String(r.id);
    const list = out.get(id);
    if (list) list.push(value(r));
    else out.set(id, [value(r)]);
  }
  return out;
}
