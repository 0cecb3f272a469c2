// Neo4j has no declared tables: a uniqueness constraint per label (which is
// also the id index) and an index on `doc` for deleting one document's nodes.
import { LABELS, NODES } from '../model.ts';

export function schemaStatements(): string[] {
  const out: string[] = [];
  for (const l of LABELS) {
    out.push(`CREATE CONSTRAINT ${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`);
    if ('doc' in NODES[l].props) out.push(`CREATE INDEX ${l.toLowerCase()}_doc IF NOT EXISTS FOR (n:${l}) ON (n.doc)`);
  }
  return out;
}
