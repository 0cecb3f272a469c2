import type { Query } from '../port.ts';
import { optionalClause as opt, optionalParams } from './filters.ts';

export interface CommitmentFilter {
  readonly documentId?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly planYear?: number | null | undefined;
  /** Commitments whose plan is in force in this year (a five-year plan's, or that year's annual plan). */
  readonly activeIn?: number | null | undefined;
  /** Commitments due in or before this year. */
  readonly dueBy?: number | null | undefined;
  readonly status?: readonly string[] | null | undefined;
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

// One fixed text per query, with null meaning "no filter": the engines cache
// the plan and the linter sees every query the API can send.
const COMMITMENT_SCALARS = [
  opt('documentId', 'c.doc = $documentId'),
  opt('region', 'c.region = $region'),
  opt('planYear', 'c.planYear = $planYear'),
  opt('activeIn', 'c.periodFrom <= $activeIn AND c.periodTo >= $activeIn'),
  opt('dueBy', 'c.dueYear <= $dueBy'),
  opt('status', 'c.status IN $status'),
  opt('text', 'c.text CONTAINS $text'),
];

// Subquery filters go into the text only when given: a flag does not stop
// the engines from evaluating the subquery for every commitment. Eight
// fixed texts at most, all linted.
const COMMITMENT_RELATED = {
  institution: 'EXISTS { MATCH (c)-[:INVOLVES]->(i:Institution) WHERE i.name CONTAINS $institution }',
  indicator: 'EXISTS { MATCH (c)-[:TARGETS]->(:IndicatorValue)-[:OF]->(i:Indicator) WHERE i.name CONTAINS $indicator }',
  project: '(c.text CONTAINS $project OR EXISTS { MATCH (p:Project)-[:INCLUDES]->(c) WHERE p.name CONTAINS $project })',
} as const;

function commitmentWhere(f: CommitmentFilter): string {
  const related = (Object.keys(COMMITMENT_RELATED) as Array<keyof typeof COMMITMENT_RELATED>).filter((k) => f[k]).map((k) => COMMITMENT_RELATED[k]);
  return [...COMMITMENT_SCALARS, ...related].join(' AND ');
}

function relatedSuffix(f: CommitmentFilter): string {
  const given = (Object.keys(COMMITMENT_RELATED) as Array<keyof typeof COMMITMENT_RELATED>).filter((k) => f[k]);
  return given.length ? `.${given.join('+')}` : '';
}

const COMMITMENT_ORDER: Record<CommitmentOrder, string> = {
  DOCUMENT: 'c.doc, c.ord',
  DUE_YEAR: 'c.dueYear, c.doc, c.ord',
  STATUS: 'c.status, c.doc, c.ord',
};

const COMMITMENT_FIELDS = `c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
  c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
  c.status AS status, c.statusReason AS statusReason, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote`;

const OUTCOME_SCALARS = [
  opt('documentId', 'o.doc = $documentId'),
  opt('region', 'o.region = $region'),
  opt('year', 'o.year = $year'),
  opt('text', 'o.text CONTAINS $text'),
];

function outcomeWhere(f: OutcomeFilter): string {
  const related = f.institution ? ['EXISTS { MATCH (o)-[:INVOLVES]->(i:Institution) WHERE i.name CONTAINS $institution }'] : [];
  return [...OUTCOME_SCALARS, ...related].join(' AND ');
}

const OUTCOME_FIELDS = `o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
  o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote`;

function commitmentParams(f: CommitmentFilter) {
  const { status, institution, indicator, project, ...scalars } = f;
  return {
    ...optionalParams(scalars, { documentId: '', region: '', planYear: 0, activeIn: 0, dueBy: 0, text: '' }),
    ...(institution ? { institution } : {}),
    ...(indicator ? { indicator } : {}),
    ...(project ? { project } : {}),
    status: status?.length ? [...status] : [],
    anyStatus: !status?.length,
  };
}

function outcomeParams(f: OutcomeFilter) {
  const { institution, ...scalars } = f;
  return { ...optionalParams(scalars, { documentId: '', region: '', year: 0, text: '' }), ...(institution ? { institution } : {}) };
}

export const statementQueries = {
  commitments: (f: CommitmentFilter, page: Page, order: CommitmentOrder = 'DOCUMENT'): Query => ({
    name: `commitments.page.${order}${relatedSuffix(f)}`,
    text: `MATCH (c:Commitment) WHERE ${commitmentWhere(f)}
WITH c ORDER BY ${COMMITMENT_ORDER[order]} SKIP $skip LIMIT $limit
RETURN ${COMMITMENT_FIELDS}`,
    params: { ...commitmentParams(f), skip: page.skip, limit: page.limit },
  }),

  commitmentCount: (f: CommitmentFilter): Query => ({
    name: `commitments.count${relatedSuffix(f)}`,
    text: `MATCH (c:Commitment) WHERE ${commitmentWhere(f)} RETURN count(c) AS total`,
    params: commitmentParams(f),
  }),

  commitmentsByIds: (ids: readonly string[]): Query => ({
    name: 'commitments.byIds',
    text: `MATCH (c:Commitment) WHERE c.id IN $ids RETURN ${COMMITMENT_FIELDS}`,
    params: { ids },
  }),

  outcomes: (f: OutcomeFilter, page: Page): Query => ({
    name: f.institution ? 'outcomes.page.institution' : 'outcomes.page',
    text: `MATCH (o:Outcome) WHERE ${outcomeWhere(f)}
WITH o ORDER BY o.doc, o.ord SKIP $skip LIMIT $limit
RETURN ${OUTCOME_FIELDS}`,
    params: { ...outcomeParams(f), skip: page.skip, limit: page.limit },
  }),

  outcomeCount: (f: OutcomeFilter): Query => ({
    name: f.institution ? 'outcomes.count.institution' : 'outcomes.count',
    text: `MATCH (o:Outcome) WHERE ${outcomeWhere(f)} RETURN count(o) AS total`,
    params: outcomeParams(f),
  }),

  /** Commitments of one plan by status: the scorecard. */
  statusCounts: (documentId: string): Query => ({
    name: 'commitments.statusCounts',
    text: 'MATCH (c:Commitment {doc: $doc}) RETURN c.status AS status, count(c) AS n ORDER BY status',
    params: { doc: documentId },
  }),

  /** Statement counts per document, for the Document type's counters. */
  countsByDocument: (ids: readonly string[]): Query => ({
    name: 'statements.countsByDocument',
    text: `MATCH (d:Document) WHERE d.id IN $ids
RETURN d.id AS id, COUNT { MATCH (c:Commitment {doc: d.id}) } AS commitments, COUNT { MATCH (o:Outcome {doc: d.id}) } AS outcomes`,
    params: { ids },
  }),
};
