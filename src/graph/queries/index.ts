// Every read query the code sends, by name: the lint test walks this list.
import type { Query } from '../port.ts';
import { documentQueries } from './documents.ts';
import { linkQueries } from './links.ts';
import { sectionQueries } from './sections.ts';
import { statementQueries } from './statements.ts';

export { documentQueries, linkQueries, sectionQueries, statementQueries };

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
    statementQueries.commitmentCount({}),
    statementQueries.commitmentsByIds(ids),
    statementQueries.outcomes({ year: 2022 }, page),
    statementQueries.outcomeCount({}),
    statementQueries.countsByDocument(ids),
    linkQueries.regionKeys(),
    linkQueries.commitments(ids),
    linkQueries.outcomes(ids),
    linkQueries.institutions(ids),
    linkQueries.commitmentIndicators(ids),
    linkQueries.outcomeIndicators(ids),
  ];
}
