import { FIRST_SCHEMA_WITH_REVIEWS, SCHEMA_CHANGES, SCHEMA_VERSION } from '../model.ts';
import { StoreError, type Query } from '../port.ts';
import { statements } from './statements.ts';

/** Where a store is, and how to start it afresh, in the words of its engine. */
export interface StoreName {
  /** "The store at ./data", "The Neo4j database". */
  readonly where: string;
  /** What to do to start afresh: a store of another version cannot be opened, not even by `plantrace reset`. */
  readonly fresh: string;
}

/**
 * A new store records the schema version it was written with; a store
 * written by another version is refused with what to do, rather than read
 * wrongly.
 */
export async function checkSchemaVersion(
  read: (q: Query) => Promise<Array<Record<string, unknown>>>,
  write: (text: string, params: Record<string, unknown>) => Promise<unknown>,
  name: StoreName,
): Promise<void> {
  const rows = await read({ name: 'meta.read', text: statements.readMeta(), params: { id: 'schemaVersion' } });
  const found = rows[0]?.value;
  if (found === undefined) await write(statements.writeMeta(), { id: 'schemaVersion', value: String(SCHEMA_VERSION) });
  else if (found !== String(SCHEMA_VERSION)) throw new StoreError(schemaAdvice(String(found), name), null);
}

/**
 * What a store of another schema version is told. Documents come back by
 * ingesting them again; reviewers' decisions do not, so a store that may hold
 * some is told to export them with the version that wrote it, first.
 */
export function schemaAdvice(found: string, { where, fresh }: StoreName): string {
  const version = Number(found);
  const added = Object.entries(SCHEMA_CHANGES)
    .filter(([v]) => Number.isInteger(version) && Number(v) > version && Number(v) <= SCHEMA_VERSION)
    .map(([v, what]) => `${v}: ${what}`);
  const since = added.length ? `; since then: ${added.join('; ')}` : '';
  const head = `${where} was written by another version of plantrace (schema ${found}, this one uses ${SCHEMA_VERSION}${since}).`;
  if (Number.isInteger(version) && version < FIRST_SCHEMA_WITH_REVIEWS) {
    return `${head} ${fresh}, then ingest the documents again; a store of schema ${found} holds no reviewers’ decisions, so nothing else is lost.`;
  }
  return (
    `${head} It may hold reviewers’ decisions, which ingesting again does not bring back: export them with the plantrace that wrote it ` +
    `(\`plantrace reviews export --out reviews.ndjson\`), then ${fresh[0]!.toLowerCase()}${fresh.slice(1)}, ingest the documents again and \`plantrace reviews import reviews.ndjson\`.`
  );
}
