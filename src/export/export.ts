// plantrace export: every node and relationship of the store, read a page at
// a time, written as one format's files into a new folder.
import { chmod, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SCHEMA_VERSION } from '../graph/model.ts';
import type { GraphStore } from '../graph/port.ts';
import { ExportError } from './errors.ts';
import { FORMATS, type ExportFormat } from './formats/index.ts';
import type { TableFile, WrittenFile } from './formats/format.ts';
import { DEFAULT_PAGES, labelBatches, type PageSizes, type ReadRow } from './read.ts';
import { FileSink } from './sink.ts';
import { nodeTables, relTables } from './tables.ts';

export interface ExportRun {
  readonly format: ExportFormat;
  /** A folder that does not exist yet, or is empty. */
  readonly out: string;
  readonly pages?: PageSizes;
  /** Called after each table's file is complete. */
  readonly onFile?: (file: WrittenFile) => void;
}

export interface ExportReport {
  readonly out: string;
  readonly format: ExportFormat;
  readonly nodes: Readonly<Record<string, number>>;
  readonly relationships: Readonly<Record<string, number>>;
  readonly files: readonly WrittenFile[];
  readonly bytes: number;
  readonly seconds: number;
}

/**
 * Writes the export into a sibling folder and renames it into place at the
 * end: an export that fails or is stopped leaves no folder that looks complete.
 */
export async function exportGraph(store: GraphStore, run: ExportRun): Promise<ExportReport> {
  const started = Date.now();
  const out = resolve(run.out);
  await refuseNonEmpty(out);
  const work = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'nodes'), { recursive: true });
  await mkdir(join(work, 'relationships'), { recursive: true });
  const sinks: FileSink[] = [];
  const create = async (file: TableFile) => {
    const sink = await FileSink.create(join(work, file.path));
    sinks.push(sink);
    await sink.write(file.head);
    return sink;
  };
  try {
    const format = FORMATS[run.format];
    const pages = run.pages ?? DEFAULT_PAGES;
    const files: WrittenFile[] = [];
    const done = (f: WrittenFile) => {
      files.push(f);
      run.onFile?.(f);
    };
    // Relationships arrive with the nodes they start, so every relationship file stays open to the end.
    const relFiles: OpenFile[] = [];
    const byEnds = new Map<string, OpenFile>();
    for (const table of relTables()) {
      for (const { file, ends } of format.relFiles(table)) {
        const open: OpenFile = { file, sink: await create(file), rows: 0, table: { kind: 'rel', type: table.type, ends } };
        relFiles.push(open);
        for (const [from, to] of ends) byEnds.set(`${table.type} ${from} ${to}`, open);
      }
    }
    for (const table of nodeTables()) {
      const file = format.nodeFile(table);
      const nodes: OpenFile = { file, sink: await create(file), rows: 0, table: { kind: 'node', label: table.label } };
      for await (const batch of labelBatches(store, table.label, pages)) {
        if (batch.kind === 'nodes') await append(nodes, batch.rows);
        else {
          const { type, from, to } = batch;
          await append(byEnds.get(`${type} ${from} ${to}`)!, batch.rows.map((row) => ({ startLabel: from, endLabel: to, ...row })));
        }
      }
      done(await finished(nodes));
    }
    for (const open of relFiles) done(await finished(open));
    for (const extra of format.finish?.(files) ?? []) {
      await writeFile(join(work, extra.path), extra.text, { flag: 'wx' });
      if (extra.executable) await chmod(join(work, extra.path), 0o755);
    }
    const report: ExportReport = {
      out,
      format: run.format,
      nodes: sumBy(files, (t) => (t.kind === 'node' ? t.label : null)),
      relationships: sumBy(files, (t) => (t.kind === 'rel' ? t.type : null)),
      files,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      seconds: (Date.now() - started) / 1000,
    };
    await writeFile(join(work, 'manifest.json'), `${JSON.stringify(manifest(report, store), null, 2)}\n`, { flag: 'wx' });
    await refuseNonEmpty(out);
    await rmdir(out).catch(() => undefined);
    await rename(work, out);
    return report;
  } catch (error) {
    for (const sink of sinks) await sink.close();
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

interface OpenFile {
  readonly file: TableFile;
  readonly sink: FileSink;
  rows: number;
  readonly table: WrittenFile['table'];
}

async function append(open: OpenFile, rows: readonly ReadRow[]): Promise<void> {
  await open.sink.write(open.file.encode(rows));
  open.rows += rows.length;
}

async function finished(open: OpenFile): Promise<WrittenFile> {
  await open.sink.close();
  return { path: open.file.path, rows: open.rows, bytes: open.sink.size, table: open.table };
}

async function refuseNonEmpty(out: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new ExportError(`${out} is a file; give --out a folder that does not exist yet.`);
    throw error;
  }
  if (entries.length) throw new ExportError(`${out} already holds files; give --out a new or empty folder (nothing was written).`);
}

function sumBy(files: readonly WrittenFile[], key: (t: WrittenFile['table']) => string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of files) {
    const k = key(f.table);
    if (k !== null) out[k] = (out[k] ?? 0) + f.rows;
  }
  return out;
}

function manifest(report: ExportReport, store: GraphStore) {
  return {
    format: report.format,
    schemaVersion: SCHEMA_VERSION,
    engine: store.engine,
    exportedAt: new Date().toISOString(),
    nodes: report.nodes,
    relationships: report.relationships,
    files: report.files.map((f) => ({ path: f.path, rows: f.rows, bytes: f.bytes, ...f.table })),
  };
}
