// The files that load a neo4j export: load.cypher (LOAD CSV into a running
// Neo4j), import.sh (neo4j-admin into a new database) and README.txt.
import type { Label, PropType } from '../../graph/model.ts';
import { schemaStatements } from '../../graph/neo4j/schema.ts';
import { ARRAY_DELIMITER } from '../cells.ts';
import type { NodeTable, RelTable } from '../tables.ts';
import type { WrittenFile } from './format.ts';
import { nodeHeader, relHeader, type HeaderField } from './neo4j-header.ts';

export type Load = { readonly path: string } & (
  | { readonly node: NodeTable; readonly rel?: undefined }
  | { readonly rel: { readonly table: RelTable; readonly from: Label; readonly to: Label }; readonly node?: undefined }
);

/** Rows per transaction: a document's text is the largest row, a few MB at most. */
const ROWS_PER_TRANSACTION = 1000;

// LOAD CSV hands every field over as a string (an empty one as null): each
// typed column goes back to its type here.
const READ_AS: Record<PropType, (field: string) => string> = {
  STRING: (f) => f,
  INT64: (f) => `toInteger(${f})`,
  DOUBLE: (f) => `toFloat(${f})`,
  BOOLEAN: (f) => `toBoolean(${f})`,
  'STRING[]': (f) => `split(${f}, '${ARRAY_DELIMITER}')`,
  'INT64[]': (f) => `[x IN split(${f}, '${ARRAY_DELIMITER}') | toInteger(x)]`,
};

const field = (f: HeaderField) => `row.\`${f.header}\``;

function properties(fields: readonly HeaderField[]): string {
  const props = fields.filter((f) => f.prop).map((f) => `${f.prop!.name}: ${READ_AS[f.prop!.type](field(f))}`);
  return props.length ? ` {${props.join(', ')}}` : '';
}

function loadStatement(path: string, body: string): string {
  return `LOAD CSV WITH HEADERS FROM 'file:///${path}' AS row
CALL (row) {
  ${body}
} IN TRANSACTIONS OF ${ROWS_PER_TRANSACTION} ROWS`;
}

/** Every statement of load.cypher, in order: constraints and indexes, nodes, relationships. */
export function loadStatements(loads: readonly Load[]): string[] {
  const nodes = loads.flatMap((l) => (l.node ? [loadStatement(l.path, `CREATE (:${l.node.label}${properties(nodeHeader(l.node))})`)] : []));
  const rels = loads.flatMap((l) => {
    if (!l.rel) return [];
    const { table, from, to } = l.rel;
    const fields = relHeader(table, from, to);
    // Two MATCHes, each through the id constraint's index.
    return [
      loadStatement(
        l.path,
        `MATCH (a:${from} {id: ${field(fields[0]!)}})
  MATCH (b:${to} {id: ${field(fields[1]!)}})
  CREATE (a)-[:${table.type}${properties(fields)}]->(b)`,
      ),
    ];
  });
  // plantrace's own constraints and indexes (what it creates on a Neo4j it writes), so a loaded database is one it can serve.
  return [...schemaStatements(), ...nodes, ...rels];
}

export function loadCypher(loads: readonly Load[]): string {
  return `// Loads this export into a running Neo4j (5.23 or later, for CALL (row) { … }) with LOAD CSV.
// Copy the nodes/ and relationships/ folders into the database's import directory, then, on an
// empty database:  cypher-shell -u neo4j -p <password> -f load.cypher
// (In Neo4j Browser, run each statement with :auto in front.) See README.txt.

${loadStatements(loads).join(';\n\n')};
`;
}

export function importScript(files: ReadonlyArray<{ path: string; kind: 'node' | 'rel' }>): string {
  const args = files.map((f) => `  ${f.kind === 'node' ? '--nodes' : '--relationships'}=${f.path} \\`);
  return `#!/bin/sh
# Builds a new Neo4j database from this export with neo4j-admin (Neo4j 5 or later), the server stopped.
#   sh import.sh [database]     (default: neo4j)
# A database of that name that already holds data is refused: add --overwrite-destination=true
# below to replace it. Fields hold line breaks, hence --multiline-fields.
set -e
cd "$(dirname "$0")"
neo4j-admin database import full \\
  --multiline-fields=true \\
  --array-delimiter='${ARRAY_DELIMITER}' \\
${args.join('\n')}
  "\${1:-neo4j}"
`;
}

export function readme(written: readonly WrittenFile[]): string {
  const nodes = written.filter((w) => w.table.kind === 'node').reduce((n, w) => n + w.rows, 0);
  const rels = written.filter((w) => w.table.kind === 'rel').reduce((n, w) => n + w.rows, 0);
  return `plantrace export for Neo4j: ${nodes} nodes, ${rels} relationships (counts per file in manifest.json).

nodes/<Label>.csv                      one file per label; id:ID(<Label>) is the node's id (stored as the
                                       property "id"), typed columns (:long, :double, :boolean, :string[],
                                       :long[], lists joined with "${ARRAY_DELIMITER}"), :LABEL
relationships/<TYPE>.<From>-<To>.csv   one file per relationship type and pair of end labels:
                                       :START_ID(<From>), :END_ID(<To>), :TYPE, typed columns

Facts keep their source: doc (the document's id), spanStart and spanEnd (offsets into that document's
text, end exclusive, counted in UTF-16 code units as JavaScript's String.slice counts) and quote.

Two ways in:

1. A new database, fastest (the server stopped; Neo4j 5 or later):
     sh import.sh [database]
   which runs neo4j-admin database import full --multiline-fields=true --nodes=… --relationships=… .
   Then create plantrace's constraints (the first statements of load.cypher) or let plantrace create
   them when it first opens the database.

2. A running Neo4j (5.23 or later), into an empty database: copy nodes/ and relationships/ into its
   import directory (server.directories.import), then
     cypher-shell -u neo4j -p <password> -f load.cypher
   It creates the constraints first, then the nodes, then the relationships, 1000 rows a transaction.

A database loaded either way has plantrace's labels, properties and ids: NEO4J_URI=bolt://… plantrace
serve answers from it. Empty lists are written as empty cells and load as absent properties.
`;
}
