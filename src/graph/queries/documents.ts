import type { Query } from '../port.ts';
import { optionalClause as opt, optionalParams, unique } from './filters.ts';

const DOCUMENT_FIELDS = `d.id AS id, d.name AS name, d.title AS title, d.titleStart AS titleStart, d.titleEnd AS titleEnd,
  d.issuer AS issuer, d.kind AS kind, d.region AS region, d.regionStatus AS regionStatus, d.regionCode AS regionCode,
  d.years AS years, d.periodFrom AS periodFrom, d.periodTo AS periodTo, d.baselineYear AS baselineYear,
  d.sha256 AS sha256, d.format AS format, d.encoding AS encoding, d.chars AS chars, d.diagnostics AS diagnostics, d.ingestedAt AS ingestedAt`;

export interface DocumentFilter {
  readonly region?: string | null | undefined;
  readonly kind?: string | null | undefined;
  readonly year?: number | null | undefined;
}

export const documentQueries = {
  list: (f: DocumentFilter = {}): Query => ({
    name: 'documents.list',
    text: `MATCH (d:Document)
WHERE ${opt('region', 'd.region = $region')} AND ${opt('kind', 'd.kind = $kind')} AND ${opt('year', '$year IN d.years')}
RETURN ${DOCUMENT_FIELDS}
ORDER BY d.name`,
    params: optionalParams({ ...f }, { region: '', kind: '', year: 0 }),
  }),

  byIds: (ids: readonly string[]): Query => ({
    name: 'documents.byIds',
    text: `UNWIND $ids AS key MATCH (d:Document {id: key}) RETURN ${DOCUMENT_FIELDS}`,
    params: { ids: unique(ids) },
  }),

  hashes: (): Query => ({
    name: 'documents.hashes',
    text: 'MATCH (d:Document) RETURN d.id AS id, d.sha256 AS sha256',
    params: {},
  }),

  text: (id: string): Query => ({
    name: 'documents.text',
    text: 'MATCH (d:Document {id: $id}) RETURN d.text AS text',
    params: { id },
  }),

  regionChains: (ids: readonly string[]): Query => ({
    name: 'documents.regionChains',
    text: `MATCH (d:Document)-[:COVERS]->(r:Region) WHERE d.id IN $ids
OPTIONAL MATCH (r)-[:PART_OF*1..3]->(p:Region)
RETURN d.id AS id, r.name AS name, r.level AS level, collect(p.name) AS parents`,
    params: { ids: unique(ids) },
  }),
};
