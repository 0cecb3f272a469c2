// The typed header of a neo4j export's files (see neo4j.ts), one field per
// column with what it holds: the CSV files and load.cypher are both built
// from it, so a column and the expression that reads it cannot drift apart.
import type { Label, PropType } from '../../graph/model.ts';
import type { Column, NodeTable, RelTable } from '../tables.ts';
import type { ReadRow } from '../read.ts';

const ADMIN_TYPE: Record<PropType, string> = {
  STRING: '',
  INT64: 'long',
  DOUBLE: 'double',
  BOOLEAN: 'boolean',
  'STRING[]': 'string[]',
  'INT64[]': 'long[]',
};

/** A header field and what it holds: a property of the row (or a constant, for :LABEL and :TYPE). */
export interface HeaderField {
  readonly header: string;
  readonly take: (row: ReadRow) => unknown;
  /** The property it loads into, with the model's type; none for :LABEL, :TYPE and the relationship's ends. */
  readonly prop?: Column;
}

const typed = (c: Column) => (ADMIN_TYPE[c.type] ? `${c.name}:${ADMIN_TYPE[c.type]}` : c.name);

export function nodeHeader(t: NodeTable): HeaderField[] {
  return [
    ...t.columns.map((c) => ({ header: c.name === 'id' ? `id:ID(${t.label})` : typed(c), take: (row: ReadRow) => row[c.name], prop: c })),
    { header: ':LABEL', take: () => t.label },
  ];
}

export function relHeader(t: RelTable, from: Label, to: Label): HeaderField[] {
  return [
    { header: `:START_ID(${from})`, take: (row) => row.startId },
    { header: `:END_ID(${to})`, take: (row) => row.endId },
    { header: ':TYPE', take: () => t.type },
    ...t.columns.map((c) => ({ header: typed(c), take: (row: ReadRow) => row[c.name], prop: c })),
  ];
}

