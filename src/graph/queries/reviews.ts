import type { Query } from '../port.ts';
import { unique } from './filters.ts';

// Reviewers' decisions on links: what relinking obeys, what the API lists
// (the audit trail, newest first) and what export writes out.

const FIELDS = `r.id AS id, r.kind AS kind, r.fromId AS fromId, r.toId AS toId, r.decision AS decision, r.note AS note,
  r.reviewer AS reviewer, r.at AS at, r.fromText AS fromText, r.toText AS toText, r.current AS current`;

// Whether each decision still holds, the rule of src/ingest/link/reviews.ts
// in Cypher: both statements there, in one region, reading what the reviewer
// saw; an evidence decision's second statement an outcome, a continuation's a
// commitment if there is one of that id, else an outcome. Each end is found
// through its document, which gives its region.
const HOLDS = `OPTIONAL MATCH (da:Document)-[:HAS_STATEMENT]->(a:Commitment {id: r.fromId})
OPTIONAL MATCH (dc:Document)-[:HAS_STATEMENT]->(bc:Commitment {id: r.toId})
OPTIONAL MATCH (dout:Document)-[:HAS_STATEMENT]->(bo:Outcome {id: r.toId})
WITH r, a.text AS fromNow, da.regionKey AS fromRegion,
  CASE WHEN r.kind = 'CONTINUATION' AND bc.id IS NOT NULL THEN bc.text ELSE bo.text END AS toNow,
  CASE WHEN r.kind = 'CONTINUATION' AND bc.id IS NOT NULL THEN dc.regionKey ELSE dout.regionKey END AS toRegion
WITH r,
  CASE WHEN fromNow IS NULL THEN 'GONE' WHEN fromNow = r.fromText THEN 'SAME' ELSE 'CHANGED' END AS fromState,
  CASE WHEN toNow IS NULL THEN 'GONE' WHEN toNow = r.toText THEN 'SAME' ELSE 'CHANGED' END AS toState,
  coalesce(fromRegion = toRegion, false) AS oneRegion
WITH r, fromState, toState, oneRegion, fromState = 'SAME' AND toState = 'SAME' AND oneRegion AS holds`;

const STATE_FIELDS = 'NOT holds AS stale, fromState, toState, oneRegion';

export interface ReviewFilter {
  readonly decision?: string | null;
  readonly reviewer?: string | null;
  readonly kind?: string | null;
  /** Decisions with this statement at either end. */
  readonly statementId?: string | null;
  /** true: only decisions that no longer hold; false: only those that do. */
  readonly stale?: boolean | null;
  /** Include decisions a later one on the same link replaced. */
  readonly history?: boolean;
}

// Every filter is sent, with a flag saying whether it is given: LadybugDB
// types a null parameter once per prepared statement (src/graph/queries/filters.ts).
function filterParams(f: ReviewFilter): Record<string, string | boolean> {
  const text = (v: string | null | undefined) => v ?? '';
  const any = (v: unknown) => v === null || v === undefined;
  return {
    decision: text(f.decision),
    anyDecision: any(f.decision),
    reviewer: text(f.reviewer),
    anyReviewer: any(f.reviewer),
    kind: text(f.kind),
    anyKind: any(f.kind),
    statement: text(f.statementId),
    anyStatement: any(f.statementId),
    stale: f.stale ?? false,
    anyStale: any(f.stale),
    history: f.history ?? false,
  };
}

const FILTERED = `MATCH (r:Review) WHERE ($history OR r.current = true) AND ($anyDecision OR r.decision = $decision)
  AND ($anyReviewer OR r.reviewer = $reviewer) AND ($anyKind OR r.kind = $kind)
  AND ($anyStatement OR r.fromId = $statement OR r.toId = $statement)
${HOLDS}
WHERE ($anyStale OR holds <> $stale)`;

export const reviewQueries = {
  /** The decision in force on each link: what relinking obeys (whether it still holds is checked there, against the statements). */
  inForce: (): Query => ({
    name: 'reviews.inForce',
    text: `MATCH (r:Review) WHERE r.current = true
RETURN r.id AS id, r.kind AS kind, r.fromId AS fromId, r.toId AS toId, r.decision AS decision, r.fromText AS fromText, r.toText AS toText
ORDER BY id`,
    params: {},
  }),

  /** A page of the audit trail, newest first. */
  list: (filter: ReviewFilter, page: { skip: number; limit: number }): Query => ({
    name: 'reviews.list',
    text: `${FILTERED}
RETURN ${FIELDS}, ${STATE_FIELDS}
ORDER BY at DESC, id SKIP $skip LIMIT $limit`,
    params: { ...filterParams(filter), skip: page.skip, limit: page.limit },
  }),

  count: (filter: ReviewFilter): Query => ({
    name: 'reviews.count',
    text: `${FILTERED}
RETURN count(r) AS total`,
    params: filterParams(filter),
  }),

  byIds: (ids: readonly string[]): Query => ({
    name: 'reviews.byIds',
    text: `UNWIND $ids AS key MATCH (r:Review {id: key})
${HOLDS}
RETURN ${FIELDS}, ${STATE_FIELDS}`,
    params: { ids: unique(ids) },
  }),

  /** Every decision, oldest first: replayed in this order, an import rebuilds the same current ones. */
  all: (): Query => ({
    name: 'reviews.all',
    text: `MATCH (r:Review) RETURN ${FIELDS} ORDER BY at, id`,
    params: {},
  }),

  /** Commitments and outcomes by id, with their text and region: what a decision is checked against. */
  statements: (ids: readonly string[]): Query => ({
    name: 'reviews.statements',
    text: `UNWIND $ids AS key MATCH (s:Commitment {id: key}) MATCH (d:Document)-[:HAS_STATEMENT]->(s)
RETURN s.id AS id, s.text AS text, d.regionKey AS regionKey, 'Commitment' AS label
UNION ALL
UNWIND $ids AS key MATCH (s:Outcome {id: key}) MATCH (d:Document)-[:HAS_STATEMENT]->(s)
RETURN s.id AS id, s.text AS text, d.regionKey AS regionKey, 'Outcome' AS label`,
    params: { ids: unique(ids) },
  }),
};
