import type { Query } from '../port.ts';
import { unique } from './filters.ts';

// Reviewers' decisions on links: what relinking obeys, what the API lists
// (the audit trail, newest first) and what export writes out. Whether a
// decision still holds is decided in TypeScript, by the one rule the link
// stage applies (src/ingest/link/reviews.ts: judge), against the statements
// read by `statements`: one rule, not a TypeScript one and a Cypher copy.
// (The Cypher copy also met a LadybugDB bug, docs/engines.md trap 14.)

const FIELDS = `r.id AS id, r.kind AS kind, r.fromId AS fromId, r.toId AS toId, r.decision AS decision, r.note AS note,
  r.reviewer AS reviewer, r.at AS at, r.fromText AS fromText, r.toText AS toText, r.current AS current`;

export interface ReviewFilter {
  readonly decision?: string | null;
  readonly reviewer?: string | null;
  readonly kind?: string | null;
  /** Decisions with this statement at either end. */
  readonly statementId?: string | null;
  /** Include decisions a later one on the same link replaced. */
  readonly history?: boolean;
}

// Every filter is sent, with a flag saying whether it is given: LadybugDB
// types a null parameter once per prepared statement (src/graph/queries/filters.ts).
function filterParams(f: ReviewFilter): Record<string, string | boolean> {
  const any = (v: unknown) => v === null || v === undefined;
  return {
    decision: f.decision ?? '',
    anyDecision: any(f.decision),
    reviewer: f.reviewer ?? '',
    anyReviewer: any(f.reviewer),
    kind: f.kind ?? '',
    anyKind: any(f.kind),
    statement: f.statementId ?? '',
    anyStatement: any(f.statementId),
    history: f.history ?? false,
  };
}

export const reviewQueries = {
  /** The decision in force on each link: what relinking obeys, where it still holds. */
  inForce: (): Query => ({
    name: 'reviews.inForce',
    text: `MATCH (r:Review) WHERE r.current = true
RETURN r.id AS id, r.kind AS kind, r.fromId AS fromId, r.toId AS toId, r.decision AS decision, r.fromText AS fromText, r.toText AS toText
ORDER BY id`,
    params: {},
  }),

  /** The audit trail, newest first. Reviews are people's work, a few thousand at most: the API pages them in memory. */
  list: (filter: ReviewFilter): Query => ({
    name: 'reviews.list',
    text: `MATCH (r:Review) WHERE ($history OR r.current = true) AND ($anyDecision OR r.decision = $decision)
  AND ($anyReviewer OR r.reviewer = $reviewer) AND ($anyKind OR r.kind = $kind)
  AND ($anyStatement OR r.fromId = $statement OR r.toId = $statement)
RETURN ${FIELDS}
ORDER BY at DESC, id`,
    params: filterParams(filter),
  }),

  byIds: (ids: readonly string[]): Query => ({
    name: 'reviews.byIds',
    text: `UNWIND $ids AS key MATCH (r:Review {id: key}) RETURN ${FIELDS}`,
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
