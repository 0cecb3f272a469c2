// The one door from ingest to the store: files (the CLI, the bench) and one
// document's bytes (the API's mutation, tests) are read, understood, written
// and linked here, the same way. Everything before the write is the pure
// pipeline (../pipeline.ts); everything that touches the graph is in this folder.
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { GraphStore, ResetOptions } from '../../graph/port.ts';
import { documentQueries } from '../../graph/queries/documents.ts';
import { documentIdOf } from '../ids.ts';
import type { ReadFailure } from '../types.ts';
import { Intake, settleBytes, type IntakeEntry } from './intake.ts';
import { nameOf, type DocumentSource, type IngestedDocument, type Prepared, type PrepareResult } from './prepare.ts';
import { pendingRegions, relink } from './relink.ts';
import { noRoomFor } from './space.ts';
import { inOrder } from './workers/ahead.ts';
import { ON_THIS_THREAD, startWorkers, type Workers } from './workers/pool.ts';

/** The largest document the readers take: the API checks it before decoding a request. */
export { MAX_FILE_BYTES } from '../read/index.ts';
export type { IngestedDocument } from './prepare.ts';
/** Worker threads for ingest's CPU-bound steps; the CLI and the server start them (PLANTRACE_WORKERS). */
export { ON_THIS_THREAD, startWorkers, type Workers };

export interface IngestReport {
  readonly ingested: readonly IngestedDocument[];
  readonly unchanged: readonly string[];
  readonly failed: readonly ReadFailure[];
  /** Links recomputed for the regions the ingested documents belong to. */
  readonly links: { readonly regions: number; readonly evidence: number; readonly continuations: number };
  /** Why the regions were not relinked (the disk is full), or null; they stay marked and are linked by the next ingest or serve. */
  readonly notLinked: string | null;
}

export interface IngestProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
  readonly statements: number;
  /** `links` once every file is through and the touched regions are relinked. */
  readonly phase?: 'documents' | 'links';
  /** In the links phase: the regions being relinked, and the links written once done. */
  readonly regions?: number;
  readonly links?: number;
}

/** Stages timed by the optional `onStage` hook (for the bench; nothing else listens). */
export type IngestStage = 'read' | 'understand' | 'batch' | 'write' | 'link';
export type StageTimer = (stage: IngestStage, ms: number) => void;

/**
 * Documents written per transaction, at most (PLANTRACE_WRITE_GROUP), and
 * rows. Each statement has a fixed cost on the embedded engine, so documents
 * go in groups; a group is small enough that a failure (after which its
 * documents are written one by one to find the bad one) or a crash loses
 * little work.
 */
const WRITE_GROUP = { documents: 32, rows: 20_000 } as const;

/** What an ingest of files or of the intake journal takes besides its documents. */
export interface IngestOptions {
  readonly onProgress?: (p: IngestProgress) => void;
  readonly onStage?: StageTimer;
  readonly writeGroup?: number;
  /** Where documents are understood and links computed; on the calling thread by default. */
  readonly workers?: Workers | undefined;
}

/**
 * How many documents are understood beyond the one being written, per worker
 * thread: enough that the threads keep busy while a group is written, few
 * enough that the batches waiting stay a small part of memory.
 */
const AHEAD_PER_THREAD = 4;

/**
 * Ingest files: each is read and understood, then written with others in a
 * group while the next files are understood (on worker threads, with
 * workers). A file that cannot be read, understood or stored is reported and
 * skipped; the others still land. A file whose content is already stored is
 * not written again. Documents are written in the order given.
 */
export async function ingestFiles(files: readonly string[], store: GraphStore, options: IngestOptions & { readonly now?: () => Date } = {}): Promise<IngestReport> {
  const clashes = nameClashes(files);
  const inputs = files.map((file): Input => ({ label: file, at: () => options.now?.() ?? new Date(), from: { path: file }, refused: clashes.get(file) }));
  return ingestInputs(inputs, store, intakeOf(store), options);
}

/** One document to ingest: its label (for messages), when it is ingested, where its bytes are, or why it is refused unread. */
interface Input {
  readonly label: string;
  readonly at: () => Date;
  readonly from: DocumentSource;
  readonly refused?: ReadFailure | undefined;
}

/**
 * The ingest of files and of a replayed journal alike. With an intake
 * journal, each group's documents are made durable there before the group is
 * committed (a replay passes none: its documents are in the journal already).
 */
async function ingestInputs(inputs: readonly Input[], store: GraphStore, intake: Intake | null, options: IngestOptions): Promise<IngestReport> {
  const timed = stageTimer(options.onStage);
  const workers = options.workers ?? ON_THIS_THREAD;
  const stored = await storedHashes(store);
  const unchanged: string[] = [];
  const failed: ReadFailure[] = [];
  const writer = new GroupWriter(store, intake, timed, failed, options.writeGroup ?? WRITE_GROUP.documents);
  const prepare = (input: Input): Promise<PrepareResult> =>
    input.refused
      ? Promise.resolve({ outcome: { kind: 'failed', failure: input.refused }, ms: { read: 0, understand: 0, batch: 0 } })
      : workers.prepare({ label: input.label, from: input.from, at: input.at().toISOString(), storedHash: stored.get(documentIdOf(nameOf(input.from))) ?? null });
  let statements = 0;
  let i = 0;
  // Understood out of order on the threads, handed over in the order given: written and acknowledged in that order.
  for await (const { outcome, ms } of inOrder(inputs, prepare, workers.threads * AHEAD_PER_THREAD)) {
    const input = inputs[i++]!;
    for (const stage of ['read', 'understand', 'batch'] as const) options.onStage?.(stage, ms[stage]);
    if (outcome.kind === 'failed') failed.push(outcome.failure);
    else if (outcome.kind === 'unchanged') unchanged.push(input.label);
    else {
      await writer.add(outcome);
      statements += outcome.document.statements;
    }
    options.onProgress?.({ done: i, total: inputs.length, file: input.label, statements });
  }
  await writer.finish();
  const ingested = writer.written;
  // With the regions an earlier, interrupted ingest wrote documents of but never linked.
  const regionKeys = [...new Set([...ingested.map((d) => d.regionKey), ...(await pendingRegions(store))])];
  const progress = { done: inputs.length, total: inputs.length, file: '', statements, phase: 'links', regions: regionKeys.length } as const;
  if (regionKeys.length) options.onProgress?.(progress);
  const notLinked = regionKeys.length ? noRoomFor(store, 0) : null;
  const linked = regionKeys.length && !notLinked ? await timed('link', () => relink(store, regionKeys, { workers })) : null;
  if (linked) options.onProgress?.({ ...progress, links: linked.evidence + linked.continuations });
  return {
    ingested,
    unchanged,
    failed,
    links: { regions: linked ? regionKeys.length : 0, evidence: linked?.evidence ?? 0, continuations: linked?.continuations ?? 0 },
    notLinked: notLinked && `${regionKeys.length} region(s) were not relinked: ${notLinked}`,
  };
}

/**
 * A document's identity is its file name, so two files of one name in
 * different folders would be one document, the second silently replacing the
 * first. The first is ingested; each later one is refused, saying why.
 */
function nameClashes(files: readonly string[]): Map<string, ReadFailure> {
  const first = new Map<string, string>();
  const out = new Map<string, ReadFailure>();
  for (const file of files) {
    const name = basename(file).normalize('NFC');
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, file);
    else {
      out.set(file, {
        file,
        code: 'NAME_CLASH',
        reason: `"${file}" has the same file name as "${earlier}", and a document is known by its file name: rename one of them and ingest it again (this one was not ingested).`,
      });
    }
  }
  return out;
}

type Timed = ReturnType<typeof stageTimer>;

/**
 * Writes prepared documents in groups, one group in flight while the caller
 * prepares the next (the engine works on its own threads, so understanding
 * and writing overlap even without workers). A group that fails is written again one document at
 * a time, so only the documents that cannot be stored are lost.
 */
class GroupWriter {
  readonly written: IngestedDocument[] = [];
  private group: Prepared[] = [];
  private rows = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: GraphStore,
    private readonly intake: Intake | null,
    private readonly timed: Timed,
    private readonly failed: ReadFailure[],
    private readonly maxDocuments: number,
  ) {}

  async add(doc: Prepared): Promise<void> {
    // Two versions of one document (the same name twice) go in separate transactions, in order.
    if (this.group.some((g) => g.document.id === doc.document.id)) await this.send();
    this.group.push(doc);
    this.rows += doc.rows;
    if (this.group.length >= this.maxDocuments || this.rows >= WRITE_GROUP.rows) await this.send();
  }

  async finish(): Promise<void> {
    await this.send();
    await this.inFlight;
  }

  private async send(): Promise<void> {
    const group = this.group;
    this.group = [];
    this.rows = 0;
    await this.inFlight;
    if (group.length) this.inFlight = this.write(group);
  }

  private async write(group: readonly Prepared[]): Promise<void> {
    const full = noRoomFor(this.store, group.reduce((n, g) => n + g.intake.bytes.byteLength, 0));
    if (full) {
      for (const g of group) this.failed.push({ file: g.file, code: 'DISK_FULL', reason: `could not be stored: ${full}` });
      return;
    }
    let entries: IntakeEntry[] = [];
    try {
      entries = this.intake?.append(group.map((g) => g.intake)) ?? [];
    } catch (error) {
      for (const g of group) this.failed.push(journalFailure(g.file, error));
      return;
    }
    try {
      await this.timed('write', () => this.store.replaceDocuments(group.map((g) => g.batch)));
      this.written.push(...group.map((g) => g.document));
    } catch (error) {
      if (group.length === 1) {
        this.intake?.void(entries);
        this.failed.push(storeFailure(group[0]!.file, error));
      } else {
        for (const [i, g] of group.entries()) {
          try {
            await this.timed('write', () => this.store.replaceDocuments([g.batch]));
            this.written.push(g.document);
          } catch (error) {
            if (entries[i]) this.intake?.void([entries[i]]);
            this.failed.push(storeFailure(g.file, error));
          }
        }
      }
    }
    if (this.intake && this.intake.bytes() > settleBytes() && !noRoomFor(this.store, 0)) await settle(this.store, this.intake);
  }
}

/** A document that could not be made durable in the intake journal, and so was not written. */
function journalFailure(file: string, error: unknown): ReadFailure {
  const message = (error as Error).message;
  const full = /ENOSPC|no space left/i.test(message);
  return { file, code: full ? 'DISK_FULL' : 'STORE_FAILED', reason: `could not be written to the intake journal${full ? ' (the disk is full)' : ''}, so it was not stored: ${message}` };
}

/** A write the store refused: the file was read and understood, so this is never UNREADABLE. */
function storeFailure(file: string, error: unknown): ReadFailure {
  const message = (error as Error).message;
  const full = /ENOSPC|no space left/i.test(message);
  return { file, code: full ? 'DISK_FULL' : 'STORE_FAILED', reason: `could not be stored${full ? ' (the disk is full)' : ''}: ${message}` };
}

/**
 * Relink the regions an interrupted ingest wrote documents of but never
 * linked (their pending marks), so a server never answers from a half-linked
 * store. Returns the regions relinked.
 */
export async function finishPendingLinks(store: GraphStore, options: { readonly workers?: Workers | undefined } = {}): Promise<number> {
  const pending = await pendingRegions(store);
  if (pending.length && !noRoomFor(store, 0)) await relink(store, pending, options);
  else return 0;
  return pending.length;
}

// One intake journal per store object: the API's mutations share it, and
// its entries in memory are what settle() may forget.
const intakes = new WeakMap<GraphStore, Intake>();

/** The intake journal of a store whose commits are not durable by themselves (see intake.ts), or null. */
function intakeOf(store: GraphStore): Intake | null {
  if (store.redoDir === undefined) return null;
  let intake = intakes.get(store);
  if (!intake) intakes.set(store, (intake = Intake.open(store.redoDir)));
  return intake;
}

/** Checkpoint, then forget what the checkpoint made durable. */
async function settle(store: GraphStore, intake: Intake): Promise<void> {
  const upTo = intake.mark();
  await store.checkpoint();
  intake.settle(upTo);
}

/** What opening a store for writing found and redid after an unclean stop. */
export interface Recovery {
  /** Documents acknowledged before the stop that the store had lost, written again from the intake journal. */
  readonly redone: number;
  /** Journal entries the store still held unchanged. */
  readonly alreadyStored: number;
  readonly failed: readonly ReadFailure[];
  /** Regions whose links an interrupted ingest or relink had left unfinished, linked now. */
  readonly relinked: number;
  /** One line for the operator, or null when there was nothing to do. */
  readonly message: string | null;
}

/**
 * Before a store is written or served: redo what the intake journal holds
 * (documents acknowledged since the last checkpoint, which a crash may have
 * taken from the store), link the regions left pending, then checkpoint and
 * empty the journal. After a clean stop there is nothing to do.
 */
export async function recover(store: GraphStore, options: Pick<IngestOptions, 'onProgress' | 'workers'> = {}): Promise<Recovery> {
  const intake = intakeOf(store);
  const entries = intake?.pending() ?? [];
  let report: IngestReport | null = null;
  if (intake && entries.length) {
    const inputs = entries.map((e): Input => ({ label: `${e.name} (intake journal)`, at: () => new Date(e.at), from: { name: e.name, bytes: e.bytes } }));
    report = await ingestInputs(inputs, store, null, options);
    if (report.failed.length === 0 && !report.notLinked) {
      await settle(store, intake);
      // Everything acknowledged is redone: the engine's journal set aside at the open holds nothing more.
      removeSetAside(store);
    }
  } else if (store.recovered && store.redoDir !== undefined) {
    removeSetAside(store);
  }
  const relinked = report ? report.links.regions : await finishPendingLinks(store, options);
  const parts: string[] = [];
  if (store.recovered) parts.push(store.recovered);
  if (report) {
    parts.push(
      `redid ${report.ingested.length} acknowledged document(s) from the intake journal (${report.unchanged.length} were still stored${report.failed.length ? `, ${report.failed.length} failed again` : ''}).`,
    );
  }
  if (report?.notLinked) parts.push(report.notLinked);
  if (relinked && !report) parts.push(`linked ${relinked} region(s) an interrupted ingest had left unlinked.`);
  else if (relinked) parts.push(`relinked ${relinked} region(s).`);
  return {
    redone: report?.ingested.length ?? 0,
    alreadyStored: report?.unchanged.length ?? 0,
    failed: report?.failed ?? [],
    relinked,
    message: parts.length ? `plantrace: ${parts.join(' ')}` : null,
  };
}

/**
 * The engine's journals an unclean stop left set aside (`*.unreplayable-*`):
 * what they held that was acknowledged is redone from the intake journal, and
 * on a full disk they are what keeps it full.
 */
function removeSetAside(store: GraphStore): void {
  const dir = store.redoDir;
  if (dir === undefined) return;
  for (const name of readdirSync(dir)) if (/\.unreplayable-\d+$/.test(name)) rmSync(join(dir, name), { force: true });
}

/**
 * Close a store so that nothing it acknowledged depends on a journal any
 * more: checkpoint, empty the intake journal, close.
 */
export async function closeStore(store: GraphStore): Promise<void> {
  const intake = intakeOf(store);
  if (intake && !noRoomFor(store, 0)) await settle(store, intake);
  await store.close();
}

/**
 * Empty the store and the intake journal (the journal first: a crash between
 * the two must not bring the documents back). Reviewers' decisions stay
 * unless `reviews` is set (GraphStore.reset).
 */
export async function resetStore(store: GraphStore, options: ResetOptions = {}): Promise<void> {
  const intake = intakeOf(store);
  intake?.settle(intake.mark());
  await store.reset(options);
  await store.checkpoint();
}

/** What became of one document given as bytes. */
export type DocumentOutcome =
  | { readonly status: 'INGESTED'; readonly document: IngestedDocument }
  | { readonly status: 'UNCHANGED'; readonly documentId: string; readonly title: string | null }
  | { readonly status: 'FAILED'; readonly failure: ReadFailure };

/**
 * One document's bytes → the store, atomically, then its region relinked (a
 * new summary can evidence an older plan of its region). `name` is the file
 * name, the document's identity. Never throws for bad input. Once `signal` is
 * aborted (the request timed out and was answered so), the document is
 * dropped before anything is written and the call rejects with the signal's
 * reason; a write already begun is finished and linked.
 */
export async function ingestBytes(
  store: GraphStore,
  input: { readonly name: string; readonly bytes: Uint8Array },
  options: { readonly now?: Date; readonly workers?: Workers | undefined; readonly signal?: AbortSignal | undefined } = {},
): Promise<DocumentOutcome> {
  const { now = new Date(), workers = ON_THIS_THREAD, signal } = options;
  signal?.throwIfAborted();
  const storedHash = (await storedHashes(store)).get(documentIdOf(input.name)) ?? null;
  const from = { name: input.name, bytes: input.bytes };
  const { outcome } = await workers.prepare({ label: input.name, from, at: now.toISOString(), storedHash }, signal);
  // The last moment to drop it: from the journal on, the document is being stored.
  signal?.throwIfAborted();
  switch (outcome.kind) {
    case 'failed':
      return { status: 'FAILED', failure: outcome.failure };
    case 'unchanged': {
      const [row] = await store.read(documentQueries.byIds([outcome.documentId]));
      return { status: 'UNCHANGED', documentId: outcome.documentId, title: row ? String(row.title) : null };
    }
    case 'prepared': {
      const full = noRoomFor(store, input.bytes.byteLength);
      if (full) return { status: 'FAILED', failure: { file: input.name, code: 'DISK_FULL', reason: `could not be stored: ${full}` } };
      const intake = intakeOf(store);
      let entries: IntakeEntry[] = [];
      try {
        entries = intake?.append([outcome.intake]) ?? [];
      } catch (error) {
        return { status: 'FAILED', failure: journalFailure(input.name, error) };
      }
      try {
        await store.replaceDocuments([outcome.batch]);
      } catch (error) {
        intake?.void(entries);
        return { status: 'FAILED', failure: storeFailure(input.name, error) };
      }
      // On a full disk the region stays marked and is linked by the next ingest or start.
      if (!noRoomFor(store, 0)) await relink(store, [outcome.document.regionKey], { workers });
      if (intake && intake.bytes() > settleBytes() && !noRoomFor(store, 0)) await settle(store, intake);
      return { status: 'INGESTED', document: outcome.document };
    }
  }
}

export async function storedHashes(store: GraphStore): Promise<Map<string, string>> {
  const rows = await store.read(documentQueries.hashes());
  return new Map(rows.map((r) => [String(r.id), String(r.sha256)]));
}

/** Run a step and report its wall time to the hook; without a hook, just run it. */
function stageTimer(onStage: StageTimer | undefined) {
  return <T>(stage: IngestStage, work: () => T): T => {
    if (!onStage) return work();
    const started = performance.now();
    const result = work();
    if (result instanceof Promise) return result.finally(() => onStage(stage, performance.now() - started)) as T;
    onStage(stage, performance.now() - started);
    return result;
  };
}
