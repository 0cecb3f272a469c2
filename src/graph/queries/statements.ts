import type { Query } from '../port.ts';
import { optionalClause as opt, optionalParams } from './filters.ts';

export interface CommitmentFilter {
  readonly documentId?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly planYear?: number | null | undefined;
  readonly text?: string | null | undefined;
}

export interface OutcomeFilter {
  readonly documentId?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly year?: number | null | undefined;
  readonly text?: string | null | undefined;
}

export interface Page {
  readonly skip: number;
  readonly limit: number;
}

// One fixed text per query, with null meaning "no filter": the engines cache
// the plan and the linter sees every query the API can send.
const COMMITMENT_WHERE = [
  opt('documentId', 'c.doc = $documentId'),
  opt('region', 'c.region = $region'),
  opt('planYear', 'c.planYear = $planYear'),
  opt('text', 'c.text CONTAINS $text'),
].join(' AND ');

const COMMITMENT_FIELDS = `c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
  c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
  c.status AS status, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote`;

const OUTCOME_WHERE = [
  opt('documentId', 'o.doc = $documentId'),
  opt('region', 'o.region = $region'),
  opt('year', 'o.year = $year'),
  opt('text', 'o.text CONTAINS $text'),
].join(' AND ');

const OUTCOME_FIELDS = `o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
  o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote`;

function commitmentParams(f: CommitmentFilter) {
  return optionalParams({ ...f }, { documentId: '', region: '', planYear: 0, text: '' });
}

function outcomeParams(f: OutcomeFilter) {
  return optionalParams({ ...f }, { documentId: '', region: '', year: 0, text: '' });
}

export const statementQueries = {
  commitments: (f: CommitmentFilter, page: Page): Query => ({
    name: 'commitments.page',
    text: `MATCH (c:Commitment) WHERE ${COMMITMENT_WHERE}
WITH c ORDER BY c.doc, c.ord SKIP $skip LIMIT $limit
RETURN ${COMMITMENT_FIELDS}`,
    params: { ...commitmentParams(f), skip: page.skip, limit: page.limit },
  }),

  commitmentCount: (f: CommitmentFilter): Query => ({
    name: 'commitments.count',
    text: `MATCH (c:Commitment) WHERE ${COMMITMENT_WHERE} RETURN count(c) AS total`,
    params: commitmentParams(f),
  }),

  commitmentsByIds: (ids: readonly string[]): Query => ({
    name: 'commitments.byIds',
    text: `MATCH (c:Commitment) WHERE c.id IN $ids RETURN ${COMMITMENT_FIELDS}`,
    params: { ids },
  }),

  outcomes: (f: OutcomeFilter, page: Page): Query => ({
    name: 'outcomes.page',
    text: `MATCH (o:Outcome) WHERE ${OUTCOME_WHERE}
WITH o ORDER BY o.doc, o.ord SKIP $skip LIMIT $limit
RETURN ${OUTCOME_FIELDS}`,
    params: { ...outcomeParams(f), skip: page.skip, limit: page.limit },
  }),

  outcomeCount: (f: OutcomeFilter): Query => ({
    name: 'outcomes.count',
    text: `MATCH (o:Outcome) WHERE ${OUTCOME_WHERE} RETURN count(o) AS total`,
    params: outcomeParams(f),
  }),

  /** Statement counts per document, for the Document type's counters. */
  countsByDocument: (ids: readonly string[]): Query => ({
    name: 'statements.countsByDocument',
    text: `MATCH (d:Document) WHERE d.id IN $ids
RETURN d.id AS id, COUNT { MATCH (c:Commitment {doc: d.id}) } AS commitments, COUNT { MATCH (o:Outcome {doc: d.id}) } AS outcomes`,
    params: { ids },
  }),
};
