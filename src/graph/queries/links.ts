import type { Query } from '../port.ts';

// What the link stage reads: the statements of some regions, with the
// institutions and indicator values attached to them. Each starts from the
// regions' documents and follows HAS_STATEMENT: a region's statements are
// then found in time proportional to the region, not to the store.

export const linkQueries = {
  regionKeys: (): Query => ({
    name: 'links.regionKeys',
    text: 'MATCH (d:Document) RETURN DISTINCT d.regionKey AS key ORDER BY key',
    params: {},
  }),

  /** Documents per region: a big relink goes in parts of bounded size. */
  documentsPerRegion: (keys: readonly string[]): Query => ({
    name: 'links.documentsPerRegion',
    text: 'MATCH (d:Document) WHERE d.regionKey IN $keys RETURN d.regionKey AS key, count(d) AS n ORDER BY key',
    params: { keys },
  }),

  /** Regions with documents written but links not yet recomputed (an ingest stopped before its relink). */
  pendingRegions: (): Query => ({
    name: 'links.pendingRegions',
    text: 'MATCH (m:Meta) WHERE m.value = $pending RETURN m.id AS id ORDER BY id',
    params: { pending: 'pending' },
  }),

  commitments: (keys: readonly string[]): Query => ({
    name: 'links.commitments',
    text: `MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE d.regionKey IN $keys
RETURN c.id AS id, c.doc AS doc, d.regionKey AS regionKey, d.region AS region, d.title AS plan, c.text AS text, c.terms AS terms,
  c.broad AS broad, c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.dueYear AS dueYear, c.ord AS ord, c.lead AS lead
ORDER BY id`,
    params: { keys },
  }),

  outcomes: (keys: readonly string[]): Query => ({
    name: 'links.outcomes',
    text: `MATCH (d:Document)-[:HAS_STATEMENT]->(o:Outcome) WHERE d.regionKey IN $keys
RETURN o.id AS id, o.doc AS doc, d.regionKey AS regionKey, d.region AS region, o.text AS text, o.terms AS terms,
  o.broad AS broad, o.year AS year, o.progress AS progress, o.ord AS ord
ORDER BY id`,
    params: { keys },
  }),

  institutions: (keys: readonly string[]): Query => ({
    name: 'links.institutions',
    text: `MATCH (d:Document)-[:HAS_STATEMENT]->(s:Commitment|Outcome)-[:INVOLVES]->(i:Institution) WHERE d.regionKey IN $keys
RETURN s.id AS id, i.id AS institution ORDER BY id, institution`,
    params: { keys },
  }),

  commitmentIndicators: (keys: readonly string[]): Query => ({
    name: 'links.commitmentIndicators',
    text: `MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment)-[:TARGETS]->(v:IndicatorValue)-[:OF]->(i:Indicator) WHERE d.regionKey IN $keys
RETURN c.id AS id, i.id AS indicator, v.value AS value, v.comparator AS comparator, v.year AS year, v.kind AS kind ORDER BY id, indicator`,
    params: { keys },
  }),

  outcomeIndicators: (keys: readonly string[]): Query => ({
    name: 'links.outcomeIndicators',
    text: `MATCH (d:Document)-[:HAS_STATEMENT]->(o:Outcome)-[:REPORTS]->(v:IndicatorValue)-[:OF]->(i:Indicator) WHERE d.regionKey IN $keys
RETURN o.id AS id, i.id AS indicator, v.value AS value, v.comparator AS comparator, v.year AS year, v.kind AS kind ORDER BY id, indicator`,
    params: { keys },
  }),
};
