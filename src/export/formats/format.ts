import type { Label, RelType } from '../../graph/model.ts';
import type { ReadRow } from '../read.ts';
import type { NodeTable, RelTable } from '../tables.ts';

/** How rows of one table become one file. */
export interface TableFile {
  /** Relative to the export folder, `/`-separated. */
  readonly path: string;
  /** Written once before the rows, also for an empty table (a CSV header; nothing for NDJSON). */
  readonly head: string;
  /** Some rows (node rows: the table's columns; relationship rows: REL_END_COLUMNS then its columns) as text. */
  encode(rows: readonly ReadRow[]): string;
}

/** What was written for one table, for the manifest and the files that describe the data. */
export interface WrittenFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
  readonly table: { readonly kind: 'node'; readonly label: Label } | { readonly kind: 'rel'; readonly type: RelType; readonly ends: ReadonlyArray<readonly [Label, Label]> };
}

export interface Format {
  readonly name: string;
  nodeFile(table: NodeTable): TableFile;
  /** The files a relationship type goes to, each with the (start, end) label pairs it holds. */
  relFiles(table: RelTable): Array<{ readonly file: TableFile; readonly ends: ReadonlyArray<readonly [Label, Label]> }>;
  /** Files that describe or load the data, written after it. */
  finish?(written: readonly WrittenFile[]): Array<{ readonly path: string; readonly text: string; readonly executable?: boolean }>;
}
