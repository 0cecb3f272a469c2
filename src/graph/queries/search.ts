import type { Query } from '../port.ts';

// What the search index is built from (src/search/source.ts): one read of
// each label it searches, every row whole, statements with the words ingest
// segmented them into (terms). The index does the matching and ranking in
// memory; the store is asked again only after a write.

export const searchQueries = {
  /** Each document's region and years: a statement's region is its document's, and a project's years too. */
  documents: (): Query => ({
    name: 'search.documents',
    text: `MATCH (d:Document) RETURN d.id AS id, d.region AS region, d.years AS years`,
    params: {},
  }),

  /** A commitment speaks for its plan's years: the plan year, or a five-year plan's period. */
  commitments: (): Query => ({
    name: 'search.commitments',
    text: `MATCH (c:Commitment)
RETURN c.id AS id, c.doc AS doc, c.text AS text, c.quote AS quote, c.spanStart AS spanStart, c.spanEnd AS spanEnd,
  c.periodFrom AS yearFrom, c.periodTo AS yearTo, c.terms AS terms`,
    params: {},
  }),

  outcomes: (): Query => ({
    name: 'search.outcomes',
    text: `MATCH (o:Outcome)
RETURN o.id AS id, o.doc AS doc, o.text AS text, o.quote AS quote, o.spanStart AS spanStart, o.spanEnd AS spanEnd,
  o.year AS yearFrom, o.year AS yearTo, o.terms AS terms`,
    params: {},
  }),

  projects: (): Query => ({
    name: 'search.projects',
    text: `MATCH (p:Project)
RETURN p.id AS id, p.doc AS doc, p.name AS name, p.description AS description, p.quote AS quote, p.spanStart AS spanStart, p.spanEnd AS spanEnd`,
    params: {},
  }),
};
