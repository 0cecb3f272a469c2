// One document from its file or bytes to the batch the store writes: read,
// understood, turned into rows. Pure CPU work with no store in sight, so it
// runs on a worker thread as well as on the calling one (workers/); what it
// takes and gives is plain data, which crosses between threads as it is.
import { basename } from 'node:path';
import type { DocumentBatch } from '../../graph/port.ts';
import { contentHash, documentIdOf, regionKeyOf } from '../ids.ts';
import { understand } from '../pipeline.ts';
import { readBytes, readFile } from '../read/index.ts';
import type { ReadFailure, ReadResult } from '../types.ts';
import { toBatch } from './batch.ts';
import { pendingMark } from './pending.ts';

export interface IngestedDocument {
  readonly id: string;
  readonly regionKey: string;
  readonly name: string;
  readonly title: string;
  readonly statements: number;
  readonly diagnostics: number;
}

/** Where a document's bytes are: a file to read, or bytes in hand (the API's, the intake journal's). */
export type DocumentSource = { readonly path: string } | { readonly name: string; readonly bytes: Uint8Array };

export interface PrepareTask {
  /** Names the document in the failures of understanding it (the path given, or the name and where it came from). */
  readonly label: string;
  readonly from: DocumentSource;
  /** The ingest time the batch is stamped with, ISO; a replay from the intake journal gives the original one. */
  readonly at: string;
  /** The content hash the store holds for this document's id, if any: the same text is not prepared again. */
  readonly storedHash: string | null;
}

/** The name a document is known by (its identity), before it is read. */
export const nameOf = (from: DocumentSource): string => ('path' in from ? basename(from.path) : from.name);

/** A document understood and turned into its batch, with what the intake journal keeps of it. */
export interface Prepared {
  readonly kind: 'prepared';
  readonly file: string;
  readonly batch: DocumentBatch;
  readonly rows: number;
  readonly document: IngestedDocument;
  readonly intake: { readonly name: string; readonly at: string; readonly bytes: Uint8Array };
}

export type Prepare = Prepared | { readonly kind: 'unchanged'; readonly documentId: string } | { readonly kind: 'failed'; readonly failure: ReadFailure };

export interface PrepareResult {
  readonly outcome: Prepare;
  /** Wall ms of each step, for the bench's stage table (on a worker: that thread's time). */
  readonly ms: { readonly read: number; readonly understand: number; readonly batch: number };
}

/** Read, understand and build the batch of one document. Never throws for bad input: a failure is data. */
export async function prepareDocument(task: PrepareTask): Promise<PrepareResult> {
  const ms = { read: 0, understand: 0, batch: 0 };
  const timed = <T>(step: keyof typeof ms, work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      ms[step] += performance.now() - started;
    }
  };
  const started = performance.now();
  const read: ReadResult = 'path' in task.from ? await readFile(task.from.path) : await readBytes(task.from.name, asBuffer(task.from.bytes));
  ms.read = performance.now() - started;
  if (!read.ok) return { outcome: { kind: 'failed', failure: read.failure }, ms };
  const { source, bytes } = read;
  const id = documentIdOf(source.name);
  if (task.storedHash === contentHash(source.text)) return { outcome: { kind: 'unchanged', documentId: id }, ms };
  const file = task.label;
  const corrupt = (error: unknown): PrepareResult => ({ outcome: { kind: 'failed', failure: { file, code: 'CORRUPT', reason: `could not be understood: ${(error as Error).message}` } }, ms });
  let understood;
  try {
    understood = timed('understand', () => understand(source));
  } catch (error) {
    return corrupt(error);
  }
  if (understood.statements.length === 0) {
    const reason = 'holds no sentences plantrace can read as a plan or a summary (is it a health plan or work summary?)';
    return { outcome: { kind: 'failed', failure: { file, code: 'NO_STRUCTURE', reason } }, ms };
  }
  const regionKey = regionKeyOf(understood.description.region, id);
  let batch: DocumentBatch;
  try {
    batch = timed('batch', () => withPendingMark(toBatch(understood, task.at), regionKey));
  } catch (error) {
    return corrupt(error);
  }
  const document: IngestedDocument = {
    id,
    regionKey,
    name: basename(source.name),
    title: understood.description.title,
    statements: understood.statements.length,
    diagnostics: understood.diagnostics.length,
  };
  return { outcome: { kind: 'prepared', file, batch, rows: rowCount(batch), document, intake: { name: source.name, at: task.at, bytes } }, ms };
}

/**
 * Bytes that crossed from another thread arrive as a plain Uint8Array, not
 * the Buffer they were sent as: the readers get a Buffer over the same
 * memory, as they do on the thread that made it.
 */
const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

function rowCount(batch: DocumentBatch): number {
  let n = 0;
  for (const rows of Object.values(batch.nodes)) n += rows?.length ?? 0;
  for (const rows of Object.values(batch.shared)) n += rows?.length ?? 0;
  for (const rel of batch.rels) n += rel.rows.length;
  return n;
}

/** The document's region is marked for relinking in the document's own transaction (see pending.ts). */
function withPendingMark(batch: DocumentBatch, regionKey: string): DocumentBatch {
  return { ...batch, shared: { ...batch.shared, Meta: [...(batch.shared.Meta ?? []), pendingMark(regionKey)] } };
}
