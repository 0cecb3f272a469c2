import type { Query } from '../port.ts';
import { givenConditions, unique, type Conditions } from './filters.ts';

export interface CommitmentFilter {
  readonly documentId?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly planYear?: number | null | undefined;
  /** Commitments whose plan is in force in this year (a five-year plan's, or that year's annual plan). */
  readonly activeIn?: number | null | undefined;
  /** Commitments due in or before this year. */
  readonly dueBy?: number | null | undefined;
  readonly status?: readonly string[] | null | undefined;
  /** Commitments whose reporting holds this token (`2022:SILENT`): see src/ingest/link/status.ts. */
  readonly reportingToken?: string | null | undefined;
  readonly institution?: string | null | undefined;
  readonly indicator?: string | null | undefined;
  readonly project?: string | null | undefined;
  readonly text?: string | null | undefined;
}

export type CommitmentOrder = 'DOCUMENT' | 'DUE_YEAR' | 'STATUS';

export interface OutcomeFilter {
  readonly documentId?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly year?: number | null | undefined;
  readonly institution?: string | null | undefined;
  readonly text?: string | null | undefined;
}

export interface Page {
  readonly skip: number;
  readonly limit: number;
}

// Only the filters given go into the text, each with its parameter: an
// always-true `($anyRegion OR …)` clause still costs its evaluation on every
// row, and seven of them made a scan of all commitments ten times slower. No
// parameter is ever null (LadybugDB would type it BOOL for good). The texts
// are conjunctions of the clauses below, each linted (sampleQueries).

// A filter on the document (its id, its region) starts the match at the
// documents and follows HAS_STATEMENT: the statements of one document or one
// region are then found without a scan of the statement table, whose cost
// grew with the corpus (no secondary indexes on LadybugDB). A statement's
// region is its document's.
const ON_DOCUMENT = new Set(['documentId', 'region']);

const COMMITMENT_CONDITIONS: Conditions<CommitmentFilter> = {
  documentId: 'd.id = $documentId',
  region: 'd.region = $region',
  planYear: 'c.planYear = $planYear',
  activeIn: 'c.periodFrom <= $activeIn AND c.periodTo >= $activeIn',
  dueBy: 'c.dueYear <= $dueBy',
  status: 'c.status IN $status',
  reportingToken: 'c.reporting CONTAINS $reportingToken',
  text: 'c.text CONTAINS $text',
  institution: 'EXISTS { MATCH (c)-[:INVOLVES]->(i:Institution) WHERE i.name CONTAINS $institution }',
  indicator: 'EXISTS { MATCH (c)-[:TARGETS]->(:IndicatorValue)-[:OF]->(i:Indicator) WHERE i.name CONTAINS $indicator }',
  project: '(c.text CONTAINS $project OR EXISTS { MATCH (p:Project)-[:INCLUDES]->(c) WHERE p.name CONTAINS $project })',
};

const OUTCOME_CONDITIONS: Conditions<OutcomeFilter> = {
  documentId: 'd.id = $documentId',
  region: 'd.region = $region',
  year: 'o.year = $year',
  text: 'o.text CONTAINS $text',
  institution: 'EXISTS { MATCH (o)-[:INVOLVES]->(i:Institution) WHERE i.name CONTAINS $institution }',
};

function filterOf<F extends object>(f: F, conditions: Conditions<F>, label: 'Commitment' | 'Outcome', viaDocument = false) {
  const { where, params, suffix } = givenConditions(f, conditions);
  const node = label === 'Commitment' ? 'c' : 'o';
  const fromDocument = viaDocument || Object.keys(params).some((k) => ON_DOCUMENT.has(k));
  return {
    match: fromDocument ? `MATCH (d:Document)-[:HAS_STATEMENT]->(${node}:${label})` : `MATCH (${node}:${label})`,
    where,
    params,
    suffix,
  };
}

/**
 * The commitments a CommitmentFilter picks, as `MATCH … WHERE …` with its
 * parameters, for reads other than the list (the dashboard counts).
 * `viaDocument` binds the document as `d` whatever the filter: the counts
 * group on its kind and region.
 */
export const commitmentMatch = (f: CommitmentFilter, viaDocument = false) => filterOf(f, COMMITMENT_CONDITIONS, 'Commitment', viaDocument);

// A page is sorted on ids and sort keys alone, then its rows are fetched by
// id: carrying whole nodes through ORDER BY costs twice as much. The second
// ORDER BY (over RETURN's aliases) keeps the order, which a MATCH may not.
const COMMITMENT_ORDER: Record<CommitmentOrder, { keys: string; sort: string; again: string }> = {
  DOCUMENT: { keys: 'c.doc AS kDoc, c.ord AS kOrd', sort: 'kDoc, kOrd', again: 'doc, ord' },
  DUE_YEAR: { keys: 'c.dueYear AS kDue, c.doc AS kDoc, c.ord AS kOrd', sort: 'kDue, kDoc, kOrd', again: 'dueYear, doc, ord' },
  STATUS: { keys: 'c.status AS kStatus, c.doc AS kDoc, c.ord AS kOrd', sort: 'kStatus, kDoc, kOrd', again: 'status, doc, ord' },
};

const COMMITMENT_FIELDS = `c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
  c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
  c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote`;

const OUTCOME_FIELDS = `o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
  o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote`;

export const statementQueries = {
  commitments: (f: CommitmentFilter, page: Page, order: CommitmentOrder = 'DOCUMENT'): Query => {
    const { match, where, params, suffix } = filterOf(f, COMMITMENT_CONDITIONS, 'Commitment');
    return {
      name: `commitments.page.${order}${suffix}`,
      text: `${match} WHERE ${where}
WITH c.id AS key, ${COMMITMENT_ORDER[order].keys} ORDER BY ${COMMITMENT_ORDER[order].sort} SKIP $skip LIMIT $limit
MATCH (c:Commitment {id: key})
RETURN ${COMMITMENT_FIELDS} ORDER BY ${COMMITMENT_ORDER[order].again}`,
      params: { ...params, skip: page.skip, limit: page.limit },
    };
  },

  commitmentCount: (f: CommitmentFilter): Query => {
    const { match, where, params, suffix } = filterOf(f, COMMITMENT_CONDITIONS, 'Commitment');
    return { name: `commitments.count${suffix}`, text: `${match} WHERE ${where} RETURN count(c) AS total`, params };
  },

  commitmentsByIds: (ids: readonly string[]): Query => ({
    name: 'commitments.byIds',
    text: `UNWIND $ids AS key MATCH (c:Commitment {id: key}) RETURN ${COMMITMENT_FIELDS}`,
    params: { ids: unique(ids) },
  }),

  outcomes: (f: OutcomeFilter, page: Page): Query => {
    const { match, where, params, suffix } = filterOf(f, OUTCOME_CONDITIONS, 'Outcome');
    return {
      name: `outcomes.page${suffix}`,
      text: `${match} WHERE ${where}
WITH o.id AS key, o.doc AS kDoc, o.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
MATCH (o:Outcome {id: key})
RETURN ${OUTCOME_FIELDS}, o.ord AS ord ORDER BY doc, ord`,
      params: { ...params, skip: page.skip, limit: page.limit },
    };
  },

  outcomeCount: (f: OutcomeFilter): Query => {
    const { match, where, params, suffix } = filterOf(f, OUTCOME_CONDITIONS, 'Outcome');
    return { name: `outcomes.count${suffix}`, text: `${match} WHERE ${where} RETURN count(o) AS total`, params };
  },

  /** Commitments of one plan by status: the scorecard. */
  statusCounts: (documentId: string): Query => ({
    name: 'commitments.statusCounts',
    text: 'MATCH (:Document {id: $doc})-[:HAS_STATEMENT]->(c:Commitment) RETURN c.status AS status, count(c) AS n ORDER BY status',
    params: { doc: documentId },
  }),

  /** Statement counts per document, for the Document type's counters. */
  countsByDocument: (ids: readonly string[]): Query => ({
    name: 'statements.countsByDocument',
    text: `UNWIND $ids AS key MATCH (d:Document {id: key})
RETURN d.id AS id, COUNT { MATCH (d)-[:HAS_STATEMENT]->(:Commitment) } AS commitments, COUNT { MATCH (d)-[:HAS_STATEMENT]->(:Outcome) } AS outcomes`,
    params: { ids: unique(ids) },
  }),
};
