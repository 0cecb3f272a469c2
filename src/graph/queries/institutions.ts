import type { Query } from '../port.ts';
import { optionalClause as opt, optionalParams, unique } from './filters.ts';

export interface InstitutionFilter {
  readonly name?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly type?: string | null | undefined;
}

export const institutionQueries = {
  list: (f: InstitutionFilter, page: { skip: number; limit: number }): Query => ({
    name: 'institutions.list',
    text: `MATCH (i:Institution)
WHERE ${opt('name', 'i.name CONTAINS $name')} AND ${opt('region', 'i.region = $region')} AND ${opt('type', 'i.type = $type')}
WITH i ORDER BY i.name SKIP $skip LIMIT $limit
RETURN i.id AS id, i.name AS name, i.type AS type, i.region AS region`,
    params: { ...optionalParams({ ...f }, { name: '', region: '', type: '' }), skip: page.skip, limit: page.limit },
  }),

  count: (f: InstitutionFilter): Query => ({
    name: 'institutions.count',
    text: `MATCH (i:Institution)
WHERE ${opt('name', 'i.name CONTAINS $name')} AND ${opt('region', 'i.region = $region')} AND ${opt('type', 'i.type = $type')}
RETURN count(i) AS total`,
    params: optionalParams({ ...f }, { name: '', region: '', type: '' }),
  }),

  /** What each institution was asked to do: the commitments that involve it, with how it was named there. */
  commitments: (ids: readonly string[]): Query => ({
    name: 'institutions.commitments',
    text: `MATCH (c:Commitment)-[r:INVOLVES]->(i:Institution) WHERE i.id IN $ids
RETURN i.id AS parent, c.id AS id, r.alias AS alias ORDER BY c.doc, c.ord`,
    params: { ids: unique(ids) },
  }),

  /** What each institution was reported to have done. */
  outcomes: (ids: readonly string[]): Query => ({
    name: 'institutions.outcomes',
    text: `MATCH (o:Outcome)-[r:INVOLVES]->(i:Institution) WHERE i.id IN $ids
RETURN i.id AS parent, o.id AS id, r.alias AS alias ORDER BY o.doc, o.ord`,
    params: { ids: unique(ids) },
  }),

  /** The named institutions each statement involves. */
  ofStatements: (ids: readonly string[]): Query => ({
    name: 'institutions.ofStatements',
    text: `MATCH (s:Commitment|Outcome)-[r:INVOLVES]->(i:Institution) WHERE s.id IN $ids
RETURN s.id AS parent, i.id AS id, i.name AS name, i.type AS type, i.region AS region, r.alias AS alias ORDER BY name`,
    params: { ids: unique(ids) },
  }),
};
