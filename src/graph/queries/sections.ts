import type { Query } from '../port.ts';
import { unique } from './filters.ts';

const SECTION_FIELDS = `s.id AS id, s.doc AS doc, s.ord AS ord, s.level AS level, s.style AS style, s.number AS number, s.heading AS heading,
  s.path AS path, s.role AS role, s.kind AS kind, s.year AS year, s.spanStart AS spanStart, s.spanEnd AS spanEnd, s.quote AS quote`;

export const sectionQueries = {
  /** Top-level sections of each document, keyed by `parent` = the document id. */
  topLevel: (documentIds: readonly string[]): Query => ({
    name: 'sections.topLevel',
    text: `MATCH (d:Document)-[:HAS_SECTION]->(s:Section) WHERE d.id IN $ids
RETURN d.id AS parent, ${SECTION_FIELDS} ORDER BY s.ord`,
    params: { ids: unique(documentIds) },
  }),

  children: (sectionIds: readonly string[]): Query => ({
    name: 'sections.children',
    text: `MATCH (p:Section)-[:HAS_SECTION]->(s:Section) WHERE p.id IN $ids
RETURN p.id AS parent, ${SECTION_FIELDS} ORDER BY s.ord`,
    params: { ids: unique(sectionIds) },
  }),
};
