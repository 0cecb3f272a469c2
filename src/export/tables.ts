// What an export holds, read off the one model: a table per node label and
// one per relationship type, with each column's type. Formats decide how a
// table becomes files; nothing here knows about files.
import { LABELS, NODES, RELS, REL_TYPES, type Label, type PropType, type RelType } from '../graph/model.ts';
import { nodeColumns, relColumns } from '../graph/queries/export.ts';

export interface Column {
  readonly name: string;
  readonly type: PropType;
}

export interface NodeTable {
  readonly label: Label;
  /** Every property of the label, `id` first. */
  readonly columns: readonly Column[];
}

export interface RelTable {
  readonly type: RelType;
  /** The (start label, end label) pairs the model allows for the type. */
  readonly ends: ReadonlyArray<readonly [Label, Label]>;
  /** The relationship's own properties (its ends are columns every format adds). */
  readonly columns: readonly Column[];
}

/** A relationship row as the reader hands it over: its ends, then its properties. */
export const REL_END_COLUMNS = ['startLabel', 'startId', 'endLabel', 'endId'] as const;

// Meta is the store's bookkeeping (schema version, regions awaiting a relink),
// not data: `stats` hides it, and a store loaded from an export writes its own.
export const EXPORTED_LABELS: readonly Label[] = LABELS.filter((l) => l !== 'Meta');

export function nodeTables(): NodeTable[] {
  return EXPORTED_LABELS.map((label) => {
    const props = NODES[label].props as Readonly<Record<string, PropType>>;
    return { label, columns: nodeColumns(label).map((name) => ({ name, type: props[name]! })) };
  });
}

export function relTables(): RelTable[] {
  return REL_TYPES.map((type) => {
    const props = RELS[type].props as Readonly<Record<string, PropType>>;
    return { type, ends: RELS[type].ends, columns: relColumns(type).map((name) => ({ name, type: props[name]! })) };
  });
}
