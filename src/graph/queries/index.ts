// Every read query the code sends, by name: the lint test walks this list.
import type { Query } from '../port.ts';
import { LABELS, OWNED_LABELS } from '../model.ts';
import { relEnds } from '../cypher/statements.ts';
import { dashboardQueries } from './dashboards.ts';
import { documentQueries } from './documents.ts';
import { exportQueries } from './export.ts';
import { indicatorQueries } from './indicators.ts';
import { institutionQueries } from './institutions.ts';
import { linkQueries } from './links.ts';
import { reviewQueries } from './reviews.ts';
import { searchQueries } from './search.ts';
import { traceQueries } from './trace.ts';
import { sectionQueries } from './sections.ts';
import { statementQueries } from './statements.ts';

export { dashboardQueries, documentQueries, exportQueries, indicatorQueries, institutionQueries, linkQueries, reviewQueries, searchQueries, sectionQueries, statementQueries, traceQueries };

/** One instance of every read query, with representative parameters. */
export function sampleQueries(): Query[] {
  const ids = ['x'];
  const page = { skip: 0, limit: 10 };
  return [
    documentQueries.list({ region: '南阳市', kind: 'ANNUAL_PLAN', year: 2022 }),
    documentQueries.byIds(ids),
    documentQueries.hashes(),
    documentQueries.text('x'),
    documentQueries.regionChains(ids),
    sectionQueries.topLevel(ids),
    sectionQueries.children(ids),
    statementQueries.commitments({ documentId: 'x', region: 'r', planYear: 2022, text: 't' }, page),
    statementQueries.commitments(
      { activeIn: 2022, dueBy: 2022, status: ['NOT_REPORTED', 'UNTRACKED'], institution: '医院', indicator: '床位', project: '迁建' },
      page,
      'DUE_YEAR',
    ),
    statementQueries.commitments({}, page, 'STATUS'),
    statementQueries.commitmentCount({ status: ['MET'] }),
    statementQueries.commitmentCount({ institution: '医院' }),
    statementQueries.commitments({ project: '迁建' }, page),
    statementQueries.commitments({ indicator: '床位' }, page),
    statementQueries.outcomeCount({ institution: '医院' }),
    statementQueries.commitmentCount({}),
    statementQueries.commitmentsByIds(ids),
    statementQueries.outcomes({ year: 2022 }, page),
    statementQueries.outcomes({ documentId: 'x', region: 'r', year: 2022, text: 't', institution: '医院' }, page),
    statementQueries.outcomeCount({}),
    statementQueries.countsByDocument(ids),
    statementQueries.statusCounts('x'),
    dashboardQueries.statusCounts({}, []),
    dashboardQueries.statusCounts({ region: '南阳市' }, ['REGION', 'YEAR', 'DOCUMENT', 'KIND', 'STATUS']),
    dashboardQueries.statusCounts({ dueBy: 2023, status: ['MET'], reportingToken: '2022:SILENT' }, ['YEAR', 'STATUS']),
    dashboardQueries.reportingCounts({}, [], { reported: '2022:REPORTED', silent: '2022:SILENT', noReport: '2022:NO_REPORT' }),
    dashboardQueries.reportingCounts({ documentId: 'x' }, ['REGION', 'DOCUMENT', 'KIND', 'STATUS'], { reported: '2022:REPORTED', silent: '2022:SILENT', noReport: '2022:NO_REPORT' }),
    dashboardQueries.indicatorValues({}, page),
    dashboardQueries.indicatorValues({ indicator: '床位', region: '南阳市', year: 2025, kind: 'TARGET', documentId: 'x' }, page),
    dashboardQueries.indicatorValueCount({}),
    dashboardQueries.indicatorValueCount({ indicator: '床位', region: '南阳市', year: 2025, kind: 'TARGET', documentId: 'x' }),
    linkQueries.regionKeys(),
    linkQueries.documentsPerRegion(ids),
    linkQueries.pendingRegions(),
    linkQueries.commitments(ids),
    linkQueries.outcomes(ids),
    linkQueries.institutions(ids),
    linkQueries.commitmentIndicators(ids),
    linkQueries.outcomeIndicators(ids),
    traceQueries.evidence(ids),
    traceQueries.evidences(ids),
    traceQueries.continues(ids),
    traceQueries.continuedBy(ids),
    traceQueries.earlier('x', 3),
    traceQueries.later('x', 3),
    traceQueries.chainLinks(ids),
    traceQueries.outcomesByIds(ids),
    indicatorQueries.list({ name: '床位', region: '南阳市' }),
    indicatorQueries.series(ids),
    indicatorQueries.ofStatements(ids),
    searchQueries.documents(),
    searchQueries.commitments(),
    searchQueries.outcomes(),
    searchQueries.projects(),
    institutionQueries.list({ name: '医院', region: '南阳市', type: 'HOSPITAL' }, page),
    institutionQueries.count({}),
    institutionQueries.commitments(ids),
    institutionQueries.outcomes(ids),
    institutionQueries.ofStatements(ids),
    statementQueries.outcomes({ institution: '医院' }, page),
    // The export's texts differ by label and type: every one of them.
    ...LABELS.map((l) => exportQueries.nodes(l, '', 10)),
    ...OWNED_LABELS.map((l) => exportQueries.nodesOf(l, ids, '', 10)),
    ...relEnds().map(({ type, from, to }) => exportQueries.rels(type, from, to, 'a', 'b')),
    reviewQueries.inForce(),
    reviewQueries.list({}),
    reviewQueries.list({ decision: 'REJECT', reviewer: '李', kind: 'EVIDENCE', statementId: 'x', history: true }),
    reviewQueries.byIds(ids),
    reviewQueries.all(),
    reviewQueries.statements(ids),
  ];
}
