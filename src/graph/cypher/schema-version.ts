import { SCHEMA_VERSION } from '../model.ts';
import { StoreError, type Query } from '../port.ts';
import { statements } from './statements.ts';

/**
 * A new store records the schema version it was written with; a store
 * written by another version is refused with what to do, rather than read
 * wrongly. `where` names the store in that message.
 */
export async function checkSchemaVersion(
  read: (q: Query) => Promise<Array<Record<string, unknown>>>,
  write: (text: string, params: Record<string, unknown>) => Promise<unknown>,
  where: string,
): Promise<void> {
  const rows = await read({ name: 'meta.read', text: statements.readMeta(), params: { id: 'schemaVersion' } });
  const found = rows[0]?.value;
  if (found === undefined) await write(statements.writeMeta(), { id: 'schemaVersion', value: String(SCHEMA_VERSION) });
  else if (found !== String(SCHEMA_VERSION)) {
    throw new StoreError(
      `${where} was written by another version of plantrace (schema ${String(found)}, this one uses ${SCHEMA_VERSION}). Run \`plantrace reset\` and ingest again.`,
      null,
    );
  }
}
