import type { Query } from '../port.ts';
import { unique } from './filters.ts';

// Evidence, continuation and whole chains, for the researcher's "what
// happened to this commitment across the years?".

// `review`: the id of the decision that confirmed the link, null for a machine link.
const LINK_FIELDS = 'r.score AS score, r.verdict AS verdict, r.terms AS terms, r.review AS review';

export const traceQueries = {
  /** Outcomes that report on each commitment. */
  evidence: (commitmentIds: readonly string[]): Query => ({
    name: 'trace.evidence',
    text: `MATCH (c:Commitment)-[r:EVIDENCED_BY]->(o:Outcome) WHERE c.id IN $ids
RETURN c.id AS parent, o.id AS id, o.year AS year, ${LINK_FIELDS} ORDER BY score DESC, id`,
    params: { ids: unique(commitmentIds) },
  }),

  /** Commitments that report-side evidence points back to: which commitments each outcome evidences. */
  evidences: (outcomeIds: readonly string[]): Query => ({
    name: 'trace.evidences',
    text: `MATCH (c:Commitment)-[r:EVIDENCED_BY]->(o:Outcome) WHERE o.id IN $ids
RETURN o.id AS parent, c.id AS id, ${LINK_FIELDS} ORDER BY score DESC, id`,
    params: { ids: unique(outcomeIds) },
  }),

  /** What each commitment continues (earlier commitments and earlier outcomes). */
  continues: (commitmentIds: readonly string[]): Query => ({
    name: 'trace.continues',
    text: `MATCH (c:Commitment)-[r:CONTINUES]->(x:Commitment|Outcome) WHERE c.id IN $ids
RETURN c.id AS parent, x.id AS id, x.planYear IS NULL AND x.year IS NOT NULL AS isOutcome, ${LINK_FIELDS} ORDER BY score DESC, id`,
    params: { ids: unique(commitmentIds) },
  }),

  /** Later commitments that continue each commitment. */
  continuedBy: (commitmentIds: readonly string[]): Query => ({
    name: 'trace.continuedBy',
    text: `MATCH (c:Commitment)-[r:CONTINUES]->(x:Commitment) WHERE x.id IN $ids
RETURN x.id AS parent, c.id AS id, ${LINK_FIELDS} ORDER BY score DESC, id`,
    params: { ids: unique(commitmentIds) },
  }),

  /** What a commitment continues, and what that continues: its history. */
  earlier: (commitmentId: string, depth: number): Query => ({
    name: `trace.earlier.${depth}`,
    text: `MATCH (c:Commitment {id: $id})-[:CONTINUES*1..${depth}]->(n:Commitment|Outcome)
RETURN DISTINCT n.id AS id`,
    params: { id: commitmentId },
  }),

  /** Later commitments that continue it, and those that continue them: its future. */
  later: (commitmentId: string, depth: number): Query => ({
    name: `trace.later.${depth}`,
    text: `MATCH (n:Commitment)-[:CONTINUES*1..${depth}]->(c:Commitment {id: $id})
RETURN DISTINCT n.id AS id`,
    params: { id: commitmentId },
  }),

  /** The links among a set of statements. */
  chainLinks: (ids: readonly string[]): Query => ({
    name: 'trace.chainLinks',
    text: `MATCH (a:Commitment)-[r:EVIDENCED_BY|CONTINUES]->(b:Commitment|Outcome) WHERE a.id IN $ids AND b.id IN $ids
RETURN a.id AS fromId, b.id AS toId, r.verdict AS verdict, r.score AS score, r.terms AS terms, r.review AS review,
  EXISTS { MATCH (a)-[:EVIDENCED_BY]->(b) } AS evidence ORDER BY fromId, toId`,
    params: { ids: unique(ids) },
  }),

  outcomesByIds: (ids: readonly string[]): Query => ({
    name: 'trace.outcomesByIds',
    text: `UNWIND $ids AS key MATCH (o:Outcome {id: key})
RETURN o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
  o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote`,
    params: { ids: unique(ids) },
  }),
};
