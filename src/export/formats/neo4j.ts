// The CSV layout `neo4j-admin database import full` reads, one file per label
// and one per relationship type and pair of end labels, each with its typed
// header in its first line (so LOAD CSV WITH HEADERS reads the same files):
//
//   nodes/Commitment.csv           id:ID(Commitment),doc,spanStart:long,…,terms:string[],broad:boolean,…,:LABEL
//   relationships/INVOLVES.Commitment-Institution.csv
//                                  :START_ID(Commitment),:END_ID(Institution),:TYPE,alias
//
// Every label has its own id space, so ids need only be unique within a
// label (as they are in the store), and a relationship file names the label
// of each end: hence a file per pair of ends. `id:ID(…)` also stores `id`,
// the property plantrace looks nodes up by. String columns carry no type
// (string is the default); INT64 is `long`, not `int`, which is 32 bits.
import type { Label } from '../../graph/model.ts';
import { cellOf, csvLines } from '../cells.ts';
import { nodeTables, relTables } from '../tables.ts';
import type { Format, TableFile } from './format.ts';
import { nodeHeader, relHeader, type HeaderField } from './neo4j-header.ts';
import { importScript, loadCypher, readme, type Load } from './neo4j-load.ts';

function file(path: string, fields: readonly HeaderField[]): TableFile {
  return {
    path,
    head: csvLines([fields.map((f) => f.header)]),
    encode: (rows) =>
      csvLines(rows.map((row) => fields.map((f) => cellOf(f.take(row), () => `${path}: ${f.header} of ${String(row.id ?? row.startId)}`)))),
  };
}

export const nodePath = (label: Label) => `nodes/${label}.csv`;
export const relPath = (type: string, from: Label, to: Label) => `relationships/${type}.${from}-${to}.csv`;

export const neo4jFormat: Format = {
  name: 'neo4j',
  nodeFile: (t) => file(nodePath(t.label), nodeHeader(t)),
  relFiles: (t) => t.ends.map(([from, to]) => ({ file: file(relPath(t.type, from, to), relHeader(t, from, to)), ends: [[from, to]] as const })),
  finish: (written) => {
    const nodes = nodeTables();
    const rels = relTables();
    const loads = written.map((w): Load => {
      const t = w.table;
      if (t.kind === 'node') return { path: w.path, node: nodes.find((n) => n.label === t.label)! };
      const [from, to] = t.ends[0]!;
      return { path: w.path, rel: { table: rels.find((r) => r.type === t.type)!, from, to } };
    });
    return [
      { path: 'load.cypher', text: loadCypher(loads) },
      { path: 'import.sh', text: importScript(written.map((w) => ({ path: w.path, kind: w.table.kind }))), executable: true },
      { path: 'README.txt', text: readme(written) },
    ];
  },
};
