// plantrace export of the seeds, in each format, read back with JSON.parse
// and csv-parse: what a user leaving with the data gets. Each test says what
// wrong code it catches.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDecision } from '../../src/ingest/store/reviews.ts';
import { NODES, RELS, REL_TYPES, type Label, type PropType, type RelType } from '../../src/graph/model.ts';
import type { Counts, GraphStore, Query } from '../../src/graph/port.ts';
import { nodeColumns, relColumns } from '../../src/graph/queries/export.ts';
import { ExportError } from '../../src/export/errors.ts';
import { exportGraph } from '../../src/export/export.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/export/formats/index.ts';
import { EXPORTED_LABELS } from '../../src/export/tables.ts';
import { seededStore, stub } from '../server/helpers.ts';
import { filesIn, readCsv, readNdjson, type Json } from './read-back.ts';

const dir = mkdtempSync(join(tmpdir(), 'plantrace-export-'));
let store: GraphStore;
let counts: Counts;
const out = {} as Record<ExportFormat, string>;

// A value a naive writer breaks: ASCII commas and quotes, line breaks of both kinds, Chinese, a trailing space.
const TRICKY = '他说："你好, 世界"\n第二行\r\n引号"" 与逗号,,结束 ';
const TRICKY_TERMS = ['中文', 'a"b,c', '换\n行'];
let institutionId: string;
let commitmentId: string;

const ids = (label: Label, limit: number): Query => ({ name: 'test.ids', text: `MATCH (n:${label}) RETURN n.id AS id ORDER BY id LIMIT ${limit}`, params: {} });

beforeAll(async () => {
  store = await seededStore();
  institutionId = String((await store.read(ids('Institution', 1)))[0]!.id);
  commitmentId = String((await store.read(ids('Commitment', 1)))[0]!.id);
  // Written through the port as the link stage writes properties: a value with every CSV hazard, an empty
  // string (which must not come back as null) and a list whose items hold quotes, commas and a line break.
  await store.replaceLinks({
    regionKeys: [],
    rels: [],
    updates: [
      { label: 'Institution', props: ['name', 'region'], rows: [{ id: institutionId, name: TRICKY, region: '' }] },
      { label: 'Commitment', props: ['terms'], rows: [{ id: commitmentId, terms: TRICKY_TERMS }] },
    ],
  });
  // A reviewer's decision, so the Review table has a row to carry (its note with every CSV hazard too).
  const [link] = await store.read({ name: 'test.link', text: 'MATCH (c:Commitment)-[:EVIDENCED_BY]->(o:Outcome) RETURN c.id AS cid, o.id AS oid ORDER BY cid, oid LIMIT 1', params: {} });
  const recorded = await recordDecision(store, { kind: 'EVIDENCE', from: String(link!.cid), to: String(link!.oid), decision: 'CONFIRM', note: TRICKY, reviewer: '审核员' });
  if (recorded.status !== 'RECORDED') throw new Error(`the decision was not recorded: ${JSON.stringify(recorded)}`);
  counts = await store.counts();
  for (const format of EXPORT_FORMATS) {
    out[format] = join(dir, format);
    await exportGraph(store, { format, out: out[format] });
  }
}, 120_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The NDJSON export's rows, per label and per relationship type. */
const ndjsonNodes = (label: Label) => readNdjson(join(out.ndjson, 'nodes', `${label}.ndjson`));
const ndjsonRels = (type: RelType) => readNdjson(join(out.ndjson, 'relationships', `${type}.ndjson`));

/** A CSV cell back to the model's type (lists joined with ';', an empty cell null). */
function decode(cell: string | null, type: PropType): unknown {
  if (cell === null) return null;
  switch (type) {
    case 'STRING':
      return cell;
    case 'INT64':
    case 'DOUBLE':
      return Number(cell);
    case 'BOOLEAN':
      if (cell !== 'true' && cell !== 'false') throw new Error(`not a boolean: ${cell}`);
      return cell === 'true';
    case 'STRING[]':
      return cell.split(';');
    case 'INT64[]':
      return cell.split(';').map(Number);
  }
}

/** An NDJSON row as CSV can hold it: an empty list is an empty cell. */
const asCsvHolds = (row: Json) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Array.isArray(v) && v.length === 0 ? null : v]));

const propType = (label: Label, prop: string) => (NODES[label].props as Record<string, PropType>)[prop]!;
const relPropType = (type: RelType, prop: string) => (RELS[type].props as Record<string, PropType>)[prop]!;

describe('the seeds hold something of everything', () => {
  // Without this, a label or type the seeds lack would pass every count check below with 0 = 0.
  it('every exported label and relationship type has rows in the store', () => {
    for (const l of EXPORTED_LABELS) expect(counts.nodes[l], l).toBeGreaterThan(0);
    for (const t of REL_TYPES) expect(counts.relationships[t], t).toBeGreaterThan(0);
  });
});

describe('--format ndjson', () => {
  // Catches: a label or type left out of the export (Meta is bookkeeping, left out on purpose), or a stray file.
  it('writes one file per label and per relationship type', () => {
    expect(filesIn(join(out.ndjson, 'nodes'))).toEqual(EXPORTED_LABELS.map((l) => `${l}.ndjson`).sort());
    expect(filesIn(join(out.ndjson, 'relationships'))).toEqual(REL_TYPES.map((t) => `${t}.ndjson`).sort());
    expect(filesIn(out.ndjson)).toEqual(['manifest.json', 'nodes', 'relationships']);
  });

  // Catches: a page lost or read twice (a cursor off by one), one pair of a type's ends left out.
  it('holds as many rows of each label and type as store.counts() says', () => {
    for (const l of EXPORTED_LABELS) expect(ndjsonNodes(l).length, l).toBe(counts.nodes[l]);
    for (const t of REL_TYPES) expect(ndjsonRels(t).length, t).toBe(counts.relationships[t]);
    const manifest = JSON.parse(readFileSync(join(out.ndjson, 'manifest.json'), 'utf8'));
    expect(manifest.nodes).toEqual(Object.fromEntries(EXPORTED_LABELS.map((l) => [l, counts.nodes[l]])));
    expect(manifest.relationships).toEqual(counts.relationships);
  });

  // Catches: a property the model has and the export forgot (a status's reason, a link's score), or a renamed column.
  it('gives every row every property of the model, and nothing else', () => {
    for (const l of EXPORTED_LABELS) for (const row of ndjsonNodes(l)) expect(Object.keys(row), l).toEqual(nodeColumns(l));
    for (const t of REL_TYPES) {
      for (const row of ndjsonRels(t)) expect(Object.keys(row), t).toEqual(['startLabel', 'startId', 'endLabel', 'endId', ...relColumns(t)]);
    }
  });

  // Catches: ends swapped, an end's label wrong, a relationship whose end was not exported.
  it("resolves every relationship's ends to exported nodes of the labels it names", () => {
    const exported = new Map(EXPORTED_LABELS.map((l) => [l, new Set(ndjsonNodes(l).map((r) => r.id))]));
    for (const t of REL_TYPES) {
      const ends = new Set(RELS[t].ends.map(([a, b]) => `${a}->${b}`));
      for (const r of ndjsonRels(t)) {
        expect(ends.has(`${r.startLabel}->${r.endLabel}`), `${t} ${r.startLabel}->${r.endLabel}`).toBe(true);
        expect(exported.get(r.startLabel as Label)!.has(r.startId), `${t} start ${r.startId}`).toBe(true);
        expect(exported.get(r.endLabel as Label)!.has(r.endId), `${t} end ${r.endId}`).toBe(true);
      }
    }
  });

  // The export carries what it takes to check its own sources. Catches: offsets or quotes from another row,
  // a document's text cut short, columns mixed up.
  it("cuts every fact's quote out of its document's text with its offsets", () => {
    const text = new Map(ndjsonNodes('Document').map((d) => [d.id, String(d.text)]));
    let checked = 0;
    for (const l of EXPORTED_LABELS) {
      if (!('spanStart' in NODES[l].props)) continue;
      for (const r of ndjsonNodes(l)) {
        expect(text.get(r.doc)!.slice(Number(r.spanStart), Number(r.spanEnd)), `${l} ${String(r.id)}`).toBe(r.quote);
        checked++;
      }
    }
    expect(checked).toBe(counts.nodes.Section + counts.nodes.Commitment + counts.nodes.Outcome + counts.nodes.Project + counts.nodes.IndicatorValue);
  });

  // Catches: numbers written as strings, lists flattened, an empty string turned into null.
  it('keeps values as stored: strings exact, lists as lists, numbers and booleans typed', () => {
    const institution = ndjsonNodes('Institution').find((r) => r.id === institutionId)!;
    expect(institution.name).toBe(TRICKY);
    expect(institution.region).toBe('');
    expect(ndjsonNodes('Commitment').find((r) => r.id === commitmentId)!.terms).toEqual(TRICKY_TERMS);
    const doc = ndjsonNodes('Document').find((d) => d.id === 'doc-7884afb05359')!;
    expect(doc.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(ndjsonNodes('Commitment').every((c) => typeof c.broad === 'boolean' && typeof c.spanStart === 'number')).toBe(true);
    expect(ndjsonRels('EVIDENCED_BY').every((r) => typeof r.score === 'number' && r.score > 0 && r.score <= 1)).toBe(true);
  });
});

describe('--format csv', () => {
  const nodeFile = (label: Label) => join(out.csv, 'nodes', `${label}.csv`);
  const relFile = (type: RelType) => join(out.csv, 'relationships', `${type}.csv`);

  // Catches: a file without a header, a header out of step with the rows; the BOM Excel needs for Chinese.
  it('writes the same files as NDJSON, each with a header row and a byte-order mark', () => {
    expect(filesIn(join(out.csv, 'nodes'))).toEqual(EXPORTED_LABELS.map((l) => `${l}.csv`).sort());
    expect(filesIn(join(out.csv, 'relationships'))).toEqual(REL_TYPES.map((t) => `${t}.csv`).sort());
    for (const l of EXPORTED_LABELS) {
      expect(readFileSync(nodeFile(l)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(readCsv(nodeFile(l)).header).toEqual(nodeColumns(l));
    }
    for (const t of REL_TYPES) expect(readCsv(relFile(t)).header).toEqual(['startLabel', 'startId', 'endLabel', 'endId', ...relColumns(t)]);
  });

  // Every cell against the NDJSON value, so counts, order, quoting, lists, booleans and empty-versus-absent
  // are all checked at once. Catches: hand-rolled quoting, booleans as 1/'' (the library's default), a list
  // item split at a comma, '' and null written alike, rows in another order or number.
  it('holds exactly the NDJSON values, row for row', () => {
    for (const l of EXPORTED_LABELS) {
      const { header, rows } = readCsv(nodeFile(l));
      const decoded = rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, decode(cells[i]!, propType(l, h))])));
      expect(decoded, l).toEqual(ndjsonNodes(l).map(asCsvHolds));
    }
    for (const t of REL_TYPES) {
      const { header, rows } = readCsv(relFile(t));
      const decoded = rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, i < 4 ? cells[i] : decode(cells[i]!, relPropType(t, h))])));
      expect(decoded, t).toEqual(ndjsonRels(t).map(asCsvHolds));
    }
  });

  // The same, said plainly for the value with every hazard.
  it('brings back a value with commas, quotes, line breaks and Chinese, and an empty string as empty', () => {
    const { header, rows } = readCsv(nodeFile('Institution'));
    const row = rows.find((r) => r[0] === institutionId)!;
    expect(row[header.indexOf('name')]).toBe(TRICKY);
    expect(row[header.indexOf('region')]).toBe('');
    expect(readFileSync(nodeFile('Institution'), 'utf8')).toContain(`,"${TRICKY.replaceAll('"', '""')}",`);
  });
});

describe('--format neo4j', () => {
  const ADMIN: Record<PropType, string> = { STRING: '', INT64: ':long', DOUBLE: ':double', BOOLEAN: ':boolean', 'STRING[]': ':string[]', 'INT64[]': ':long[]' };
  const triples = REL_TYPES.flatMap((type) => RELS[type].ends.map(([from, to]) => ({ type, from, to, path: `relationships/${type}.${from}-${to}.csv` })));
  const csv = (path: string) => readCsv(join(out.neo4j, path));

  // Catches: a label or a pair of ends without its file (its relationships would never load).
  it('writes a file per label and per relationship type and pair of end labels, with the loading files', () => {
    expect(filesIn(join(out.neo4j, 'nodes'))).toEqual(EXPORTED_LABELS.map((l) => `${l}.csv`).sort());
    expect(filesIn(join(out.neo4j, 'relationships'))).toEqual(triples.map((t) => t.path.slice('relationships/'.length)).sort());
    expect(filesIn(out.neo4j)).toEqual(['README.txt', 'import.sh', 'load.cypher', 'manifest.json', 'nodes', 'relationships']);
  });

  // The header neo4j-admin reads. Catches: a missing :ID/:LABEL/:TYPE, an id space that is not the label,
  // a column typed wrongly (an INT64 as :int, 32 bits; a list without [] would load as one string).
  it('types every header as neo4j-admin reads it', () => {
    for (const l of EXPORTED_LABELS) {
      const expected = [`id:ID(${l})`, ...nodeColumns(l).slice(1).map((p) => `${p}${ADMIN[propType(l, p)]}`), ':LABEL'];
      const { header, rows } = csv(`nodes/${l}.csv`);
      expect(header, l).toEqual(expected);
      expect(rows.every((r) => r[r.length - 1] === l), l).toBe(true);
    }
    for (const { type, from, to, path } of triples) {
      const { header, rows } = csv(path);
      expect(header, path).toEqual([`:START_ID(${from})`, `:END_ID(${to})`, ':TYPE', ...relColumns(type).map((p) => `${p}${ADMIN[relPropType(type, p)]}`)]);
      expect(rows.every((r) => r[2] === type), path).toBe(true);
    }
  });

  // Catches: rows lost between the per-pair files, ids outside their id space (neo4j-admin would refuse the
  // relationship), values that differ from the NDJSON export.
  it('counts, resolves and holds the same values as the NDJSON export', () => {
    const idSpace = new Map<Label, Set<string | null>>();
    for (const l of EXPORTED_LABELS) {
      const { header, rows } = csv(`nodes/${l}.csv`);
      expect(rows.length, l).toBe(counts.nodes[l]);
      idSpace.set(l, new Set(rows.map((r) => r[0]!)));
      const names = header.slice(0, -1).map((h) => (h.startsWith('id:ID(') ? 'id' : h.split(':')[0]!));
      const decoded = rows.map((r) => Object.fromEntries(names.map((n, i) => [n, decode(r[i]!, propType(l, n))])));
      expect(decoded, l).toEqual(ndjsonNodes(l).map(asCsvHolds));
    }
    const perType = new Map<RelType, number>();
    for (const { type, from, to, path } of triples) {
      const { rows } = csv(path);
      perType.set(type, (perType.get(type) ?? 0) + rows.length);
      for (const r of rows) {
        expect(idSpace.get(from)!.has(r[0]!), `${path} start ${r[0]}`).toBe(true);
        expect(idSpace.get(to)!.has(r[1]!), `${path} end ${r[1]}`).toBe(true);
      }
    }
    for (const t of REL_TYPES) expect(perType.get(t), t).toBe(counts.relationships[t]);
  });

  it('lists every data file once for neo4j-admin, with line breaks in fields allowed', () => {
    const script = readFileSync(join(out.neo4j, 'import.sh'), 'utf8');
    expect(script).toMatch(/^#!\/bin\/sh\n/);
    expect(script).toContain('neo4j-admin database import full');
    // Catches: a missing --multiline-fields (quotes and texts hold line breaks: the import would fail).
    expect(script).toContain('--multiline-fields=true');
    expect(script).toContain("--array-delimiter=';'");
    const listed = [...script.matchAll(/--(nodes|relationships)=(\S+) \\/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(listed.sort()).toEqual([...EXPORTED_LABELS.map((l) => `nodes nodes/${l}.csv`), ...triples.map((t) => `relationships ${t.path}`)].sort());
  });
});

/**
 * The label (or type) a LOAD statement creates and its property map as [name, expression] pairs, split
 * at the map's top-level commas (an expression such as split(x, ';') holds commas of its own).
 */
function created(statement: string): { name: string; entries: Array<[string, string]> } {
  const head = /CREATE (?:\(:(\w+)|\(a\)-\[:(\w+))( \{)?/.exec(statement)!;
  const name = head[1] ?? head[2]!;
  if (!head[3]) return { name, entries: [] };
  const entries: Array<[string, string]> = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of statement.slice(head.index + head[0].length)) {
    if (ch === '`') quoted = !quoted;
    if (!quoted && '([{'.includes(ch)) depth++;
    if (!quoted && ')]}'.includes(ch)) {
      if (depth === 0) break;
      depth--;
    }
    if (!quoted && depth === 0 && ch === ',') {
      entries.push(current.trim().split(/: (.*)/s).slice(0, 2) as [string, string]);
      current = '';
    } else current += ch;
  }
  entries.push(current.trim().split(/: (.*)/s).slice(0, 2) as [string, string]);
  return { name, entries };
}

describe('load.cypher', () => {
  let statements: string[];
  beforeAll(async () => {
    const text = readFileSync(join(out.neo4j, 'load.cypher'), 'utf8');
    const body = text.split('\n').filter((line) => !line.startsWith('//')).join('\n');
    expect(body.trimEnd().endsWith(';')).toBe(true);
    statements = body.split(/;\n/).map((s) => s.trim()).filter(Boolean);
  });

  // Catches: syntax Neo4j rejects, a function it lacks, an unknown label or relationship type in a MATCH.
  it("passes Neo4j's own analyser, every statement", async () => {
    const { describeDiagnostics, lintForNeo4j } = await import('../graph/neo4j-lint.ts');
    expect(statements.length).toBeGreaterThan(30);
    for (const s of statements) expect(describeDiagnostics(lintForNeo4j(s, {})), s).toEqual([]);
  }, 120_000);

  // Catches: loading relationships before their nodes, or nodes before the constraints that index their ids.
  it('creates the constraints first, then the nodes, then the relationships', () => {
    const kind = (s: string) => (s.startsWith('CREATE CONSTRAINT') || s.startsWith('CREATE INDEX') ? 0 : s.includes(')-[:') ? 2 : 1);
    const kinds = statements.map(kind);
    expect(kinds).toEqual([...kinds].sort());
    for (const l of EXPORTED_LABELS) expect(statements.filter((s) => kind(s) === 0).join('\n')).toContain(`FOR (n:${l}) REQUIRE n.id IS UNIQUE`);
  });

  // The analyser does not know the files: this checks each statement against the header of the file it
  // loads. Catches: a column read under another name (it would load as null), a column never loaded, a
  // typed column not converted back (a year loaded as a string), a file never loaded.
  it('reads every column of every file it loads, each converted back to its type', () => {
    const CONVERT: Record<string, RegExp> = {
      ':long': /^toInteger\(row\.`[^`]+`\)$/,
      ':double': /^toFloat\(row\.`[^`]+`\)$/,
      ':boolean': /^toBoolean\(row\.`[^`]+`\)$/,
      ':string[]': /^split\(row\.`[^`]+`, ';'\)$/,
      ':long[]': /^\[x IN split\(row\.`[^`]+`, ';'\) \| toInteger\(x\)\]$/,
      '': /^row\.`[^`]+`$/,
    };
    const loaded = new Set<string>();
    for (const s of statements.filter((x) => x.startsWith('LOAD CSV'))) {
      const path = /FROM 'file:\/\/\/([^']+)' AS row/.exec(s)![1]!;
      loaded.add(path);
      const { header } = readCsv(join(out.neo4j, path));
      const read = new Set([...s.matchAll(/row\.`([^`]+)`/g)].map((m) => m[1]!));
      expect([...read].sort(), path).toEqual(header.filter((h) => h !== ':LABEL' && h !== ':TYPE').sort());
      for (const [prop, expression] of created(s).entries) {
        const h = header.find((x) => x === prop || x.startsWith(`${prop}:`))!;
        const suffix = h.startsWith('id:ID(') ? '' : h.slice(prop.length);
        expect(expression, `${path} ${prop}`).toMatch(CONVERT[suffix]!);
        expect(expression, `${path} ${prop}`).toContain(`row.\`${h}\``);
      }
    }
    expect([...loaded].sort()).toEqual(
      [...EXPORTED_LABELS.map((l) => `nodes/${l}.csv`), ...REL_TYPES.flatMap((t) => RELS[t].ends.map(([a, b]) => `relationships/${t}.${a}-${b}.csv`))].sort(),
    );
  });

  // Catches: a node or relationship created under the wrong label or type, a property under another name.
  it('creates each label and type with the model’s property names', () => {
    for (const l of EXPORTED_LABELS) {
      const c = created(statements.find((x) => x.includes(`'file:///nodes/${l}.csv'`))!);
      expect(c.name).toBe(l);
      expect(c.entries.map(([p]) => p)).toEqual(nodeColumns(l));
    }
    for (const t of REL_TYPES) {
      for (const s of statements.filter((x) => x.includes(`'file:///relationships/${t}.`))) {
        const c = created(s);
        expect(c.name).toBe(t);
        expect(c.entries.map(([p]) => p)).toEqual(relColumns(t));
      }
    }
  });
});

describe('reading in pages', () => {
  // Catches: a cursor that skips or repeats the node at a page's edge, relationships of a page's first or
  // last node left out or read twice, a table read in one go (the read sizes below).
  it('gives the same files with tiny pages, and no read brings more than its page', async () => {
    const largest = new Map<string, number>();
    const recording = stub(store, async (q) => {
      const rows = await store.read(q);
      const size = q.name.startsWith('export.rels.') ? new Set(rows.map((r) => r.startId)).size : rows.length;
      largest.set(q.name, Math.max(largest.get(q.name) ?? 0, size));
      return rows;
    });
    const small = join(dir, 'small-pages');
    await exportGraph(recording, { format: 'ndjson', out: small, pages: { nodes: 7, documents: 2 } });
    for (const f of filesIn(join(out.ndjson, 'nodes'))) expect(readFileSync(join(small, 'nodes', f), 'utf8'), f).toBe(readFileSync(join(out.ndjson, 'nodes', f), 'utf8'));
    // A type with two pairs of ends from one label (CONTINUES) interleaves them page by page: the same lines, in another order.
    const lines = (path: string) => readFileSync(path, 'utf8').split('\n').sort();
    for (const f of filesIn(join(out.ndjson, 'relationships'))) expect(lines(join(small, 'relationships', f)), f).toEqual(lines(join(out.ndjson, 'relationships', f)));
    expect(largest.get('export.nodes.Commitment')).toBe(7);
    expect(largest.get('export.nodes.Document')).toBe(2);
    // Relationships come a page of start nodes at a time: from at most 7 nodes (2 documents).
    expect(Math.max(...[...largest].filter(([k]) => k.startsWith('export.rels.')).map(([, n]) => n))).toBe(7);
    expect(largest.get('export.rels.HAS_STATEMENT.Document-Commitment')).toBe(2);
  });
});

describe('the output folder', () => {
  // Catches: an export that overwrites or mixes into someone's files.
  it('refuses a folder that holds files, and leaves it as it was', async () => {
    const taken = join(dir, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'notes.txt'), 'mine');
    await expect(exportGraph(store, { format: 'csv', out: taken })).rejects.toThrow(ExportError);
    await expect(exportGraph(store, { format: 'csv', out: taken })).rejects.toThrow(/already holds files/);
    expect(readdirSync(taken)).toEqual(['notes.txt']);
  });

  it('writes into an existing empty folder', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const report = await exportGraph(store, { format: 'ndjson', out: empty });
    expect(report.nodes.Commitment).toBe(counts.nodes.Commitment);
    expect(readdirSync(empty).sort()).toEqual(['manifest.json', 'nodes', 'relationships']);
  });

  // Catches: a half-written export left where a complete one is expected.
  it('leaves nothing behind when a read fails half-way', async () => {
    const failing = stub(store, async (q) => {
      if (q.name === 'export.nodes.Outcome') throw new Error('disk gone');
      return store.read(q);
    });
    const target = join(dir, 'failed');
    await expect(exportGraph(failing, { format: 'neo4j', out: target })).rejects.toThrow('disk gone');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
