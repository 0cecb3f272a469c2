import type { Query } from '../port.ts';
import { optionalClause as opt, optionalParams, unique } from './filters.ts';

export interface IndicatorFilter {
  readonly name?: string | null | undefined;
  readonly region?: string | null | undefined;
}

export const indicatorQueries = {
  /** Indicators with at least one value (in the region, when given). */
  list: (f: IndicatorFilter): Query => ({
    name: 'indicators.list',
    text: `MATCH (v:IndicatorValue)-[:OF]->(i:Indicator)
WHERE ${opt('name', 'i.name CONTAINS $name')} AND ${opt('region', 'v.region = $region')}
RETURN i.id AS id, i.name AS name, i.unit AS unit, i.category AS category, count(v) AS values
ORDER BY name`,
    params: optionalParams({ ...f }, { name: '', region: '' }),
  }),

  /** The indicator values each statement states: a commitment's targets, an outcome's reported values. */
  ofStatements: (ids: readonly string[]): Query => ({
    name: 'indicators.ofStatements',
    text: `MATCH (s:Commitment|Outcome)-[:TARGETS|REPORTS]->(v:IndicatorValue)-[:OF]->(i:Indicator) WHERE s.id IN $ids
RETURN s.id AS parent, v.id AS id, v.doc AS doc, i.name AS indicator, v.kind AS kind, v.year AS year, v.value AS value, v.upper AS upper, v.text AS text,
  v.comparator AS comparator, v.qualitative AS qualitative, v.unit AS unit, v.attribute AS attribute, v.region AS region,
  v.spanStart AS spanStart, v.spanEnd AS spanEnd, v.quote AS quote
ORDER BY spanStart`,
    params: { ids: unique(ids) },
  }),

  /** Every value of each indicator, with its kind, year, region and source. */
  series: (indicatorIds: readonly string[]): Query => ({
    name: 'indicators.series',
    text: `MATCH (v:IndicatorValue)-[:OF]->(i:Indicator) WHERE i.id IN $ids
RETURN i.id AS parent, v.id AS id, v.doc AS doc, v.kind AS kind, v.year AS year, v.value AS value, v.upper AS upper, v.text AS text,
  v.comparator AS comparator, v.qualitative AS qualitative, v.unit AS unit, v.attribute AS attribute, v.region AS region,
  v.spanStart AS spanStart, v.spanEnd AS spanEnd, v.quote AS quote
ORDER BY region, year, kind`,
    params: { ids: unique(indicatorIds) },
  }),
};
