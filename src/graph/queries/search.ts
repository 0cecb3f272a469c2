import type { Query } from '../port.ts';

// Candidates for Chinese free-text search: statements containing any of the
// query's segmented terms (or the query itself). Ranking is done by the
// caller, which knows the terms' weights.

export const searchQueries = {
  // A parameter inside ANY(… WHERE t IN $terms) trips an assertion in
  // LadybugDB 0.19; UNWIND over the query's terms works on both engines and
  // counts how many of them each statement contains.
  commitments: (terms: readonly string[], limit: number): Query => ({
    name: 'search.commitments',
    text: `UNWIND $terms AS q
MATCH (c:Commitment) WHERE c.text CONTAINS q
RETURN c.id AS id, c.doc AS doc, c.text AS text, collect(q) AS matched
ORDER BY size(matched) DESC, id LIMIT $limit`,
    params: { terms, limit },
  }),

  outcomes: (terms: readonly string[], limit: number): Query => ({
    name: 'search.outcomes',
    text: `UNWIND $terms AS q
MATCH (o:Outcome) WHERE o.text CONTAINS q
RETURN o.id AS id, o.doc AS doc, o.text AS text, collect(q) AS matched
ORDER BY size(matched) DESC, id LIMIT $limit`,
    params: { terms, limit },
  }),

  projects: (terms: readonly string[], limit: number): Query => ({
    name: 'search.projects',
    text: `UNWIND $terms AS q
MATCH (p:Project) WHERE p.name CONTAINS q OR p.description CONTAINS q
RETURN p.id AS id, p.doc AS doc, p.name AS name, p.description AS text, collect(q) AS matched
ORDER BY size(matched) DESC, id LIMIT $limit`,
    params: { terms, limit },
  }),

  /** Statement counts, for the weight of a term: how many statements carry it. */
  termFrequency: (terms: readonly string[]): Query => ({
    name: 'search.termFrequency',
    text: `UNWIND $terms AS t
RETURN t AS term, COUNT { MATCH (c:Commitment) WHERE t IN c.terms } + COUNT { MATCH (o:Outcome) WHERE t IN o.terms } AS df`,
    params: { terms },
  }),
};
