import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import lbug from '@ladybugdb/core';
import { WriteQueue } from '../cypher/queue.ts';
import { checkSchemaVersion } from '../cypher/schema-version.ts';
import { ladybugDialect } from './dialect.ts';
import { countAll, deleteDocument, deleteEverything, writeDocuments, writeLinks, writeReviews, type Run } from '../cypher/writes.ts';
import { StoreError, type Counts, type DocumentBatch, type GraphStore, type LinkBatch, type Query, type ResetOptions, type SentStatement } from '../port.ts';
import type { NodeRow } from '../model.ts';
import { toPlainRow } from '../values.ts';
import { schemaStatements } from './schema.ts';

type Params = Record<string, unknown>;
type LbugParams = Parameters<lbug.Connection['execute']>[1];

export interface LadybugOptions {
  /** A folder for the database file, or ':memory:' for a throw-away store. */
  readonly path: string;
  readonly readConnections?: number;
  readonly onStatement?: (statement: SentStatement) => void;
  /** Buffer pool in bytes; the engine's default takes most of the machine's memory. */
  readonly bufferPoolBytes?: number;
  /** Where a recovery after a crash is reported; stderr by default. */
  readonly onWarning?: (message: string) => void;
  /**
   * Open an existing store to read only, beside a process that writes it (a
   * running `serve`): LadybugDB lets one read-only process in next to the
   * writer, seeing the store as it was last checkpointed. A store that does
   * not exist yet is opened as usual.
   */
  readonly readOnly?: boolean;
}

const DB_FILE = 'plantrace.lbug';
// The engine reserves (virtual) address space for the largest database it may
// grow to: 8 TiB by default, so a process holding a few stores runs out of
// address space. 64 GiB is far beyond a province-wide corpus.
const MAX_DB_BYTES = 2 ** 36;
const DEFAULT_BUFFER_POOL = 2 ** 30;
// The engine checkpoints (writes the journal into the database file) when its
// journal passes this size. A checkpoint costs time in proportion to the whole
// store (~0.4 s at 2,000 documents), so the default 16 MiB, reached every ~50
// documents, made a bulk ingest quadratic.
const CHECKPOINT_BYTES = 2 ** 26;

/** One connection with its prepared statements. Thrown away after any failed transaction. */
class Session {
  private readonly prepared = new Map<string, lbug.PreparedStatement>();

  private constructor(private readonly conn: lbug.Connection) {}

  static async open(db: lbug.Database): Promise<Session> {
    const conn = new lbug.Connection(db);
    await conn.init();
    return new Session(conn);
  }

  async run(text: string, params: Params = {}): Promise<Array<Record<string, unknown>>> {
    let stmt = this.prepared.get(text);
    if (!stmt) {
      stmt = await this.conn.prepare(text);
      if (!stmt.isSuccess()) throw new StoreError(`LadybugDB rejected a statement: ${stmt.getErrorMessage()}`, text);
      this.prepared.set(text, stmt);
    }
    let result;
    try {
      result = await this.conn.execute(stmt, params as LbugParams);
    } catch (cause) {
      throw new StoreError(`LadybugDB failed: ${(cause as Error).message}`, text, { cause });
    }
    const single = Array.isArray(result) ? result[result.length - 1]! : result;
    try {
      return (await single.getAll()).map(toPlainRow);
    } finally {
      single.close();
    }
  }

  async close(): Promise<void> {
    this.prepared.clear();
    await this.conn.close();
  }

  /** Plain statements without parameters (DDL, transaction control). */
  async exec(text: string): Promise<void> {
    try {
      const result = await this.conn.query(text);
      for (const r of Array.isArray(result) ? result : [result]) r.close();
    } catch (cause) {
      throw new StoreError(`LadybugDB failed: ${(cause as Error).message}`, text, { cause });
    }
  }
}

export async function openLadybugStore(options: LadybugOptions): Promise<GraphStore> {
  const inMemory = options.path === ':memory:';
  if (!inMemory) mkdirSync(options.path, { recursive: true });
  const bufferPool = options.bufferPoolBytes ?? (inMemory ? 2 ** 28 : DEFAULT_BUFFER_POOL);
  const file = inMemory ? ':memory:' : join(options.path, DB_FILE);
  const open = async (readOnly: boolean) => {
    const db = new lbug.Database(file, bufferPool, true, readOnly, MAX_DB_BYTES, !readOnly, CHECKPOINT_BYTES);
    await db.init();
    return db;
  };
  const { db, recovered, readOnly } = await openRecovering(open, file, options, !inMemory && options.readOnly === true && existsSync(file));
  const store = new LadybugStore(db, { ...options, readOnly }, recovered);
  await store.init(options.readConnections ?? 2);
  return store;
}

/**
 * Open, and when the engine cannot replay the journal a crash left, open the
 * last checkpoint instead. LadybugDB 0.19.1 writes a journal it cannot replay
 * once it holds a value over 4 KiB (every document's text), so after a crash
 * (kill -9, power loss) the store would never open again ("Corrupted wal
 * file"; once in 60 crash-test stops, "Trying to a create a vector with ANY
 * type" during the replay): any failure to open with a journal there is taken
 * as one, except another process holding the lock. What the engine does replay
 * is a checkpoint's shadow pages, so the database file with its shadow file is
 * the last checkpoint, a consistent state: the journal is set aside — `.wal`,
 * or `.wal.checkpoint` when the crash came during a checkpoint — and that is
 * opened. What was committed since is redone by the writer from its own
 * journal (redoDir; src/ingest/store/intake.ts).
 */
async function openRecovering(
  open: (readOnly: boolean) => Promise<lbug.Database>,
  file: string,
  options: LadybugOptions,
  readOnly: boolean,
): Promise<{ db: lbug.Database; recovered: string | null; readOnly: boolean }> {
  let failure: Error;
  try {
    return { db: await open(readOnly), recovered: null, readOnly };
  } catch (cause) {
    failure = cause as Error;
  }
  const journal = () => JOURNALS.some((suffix) => existsSync(`${file}${suffix}`));
  if (file === ':memory:' || LOCKED.test(failure.message) || !journal()) throw openError(options.path, failure);
  // Recovering writes the store, and only its writer may: a reader takes no
  // lock, so it cannot tell a dead writer's journal from a live one's; a
  // read-write open can (a live writer holds the lock).
  if (readOnly) {
    try {
      return { db: await open(false), recovered: null, readOnly: false };
    } catch (cause) {
      if (LOCKED.test((cause as Error).message)) {
        throw new StoreError(
          `Cannot read the embedded store at ${options.path} beside the plantrace process that writes it (a running \`serve\`?): it has written since its last checkpoint, and LadybugDB cannot read that journal from another process (${failure.message.trim()}). Ask the server (its GraphQL API), or stop it and try again.`,
          null,
          { cause: failure },
        );
      }
      failure = cause as Error;
    }
  }
  const stamp = Date.now();
  const aside = JOURNALS.filter((suffix) => existsSync(`${file}${suffix}`)).map((suffix) => {
    const to = `${file}${suffix}.unreplayable-${stamp}`;
    renameSync(`${file}${suffix}`, to);
    return basename(to);
  });
  let db: lbug.Database;
  try {
    db = await open(false);
  } catch (again) {
    throw openError(options.path, again);
  }
  const recovered = `the store at ${options.path} was not closed cleanly and the engine could not replay its journal (${failure.message.trim()}); it is back at its last checkpoint, the journal set aside as ${aside.join(', ')}.`;
  (options.onWarning ?? ((m: string) => console.error(m)))(`plantrace: ${recovered}`);
  return { db, recovered, readOnly: false };
}

// Another process has the store open: its journal is live, never to be set aside.
const LOCKED = /lock/i;
// The engine's journal is `<db>.wal`, renamed `<db>.wal.checkpoint` while a
// checkpoint applies it (seen after kills during CHECKPOINT: the next open
// fails on whichever of the two is there).
const JOURNALS = ['.wal', '.wal.checkpoint'] as const;

function openError(path: string, cause: unknown): StoreError {
  const message = (cause as Error).message;
  const hint = /lock/i.test(message)
    ? ` Another plantrace process (a running \`serve\`?) has the store at ${path} open; stop it, or ingest through it: \`plantrace ingest --server http://localhost:4000 <files>\` with PLANTRACE_TOKEN set to its token.`
    : '';
  return new StoreError(`Cannot open the embedded store at ${path}: ${message}.${hint}`, null, { cause });
}

class LadybugStore implements GraphStore {
  readonly engine = 'ladybug' as const;
  private writer: Session | null = null;
  private readers: Session[] = [];
  private nextReader = 0;
  private readonly writes = new WriteQueue();
  private closed = false;

  /** Set for a store on disk: see GraphStore.redoDir. */
  readonly redoDir: string | undefined;

  constructor(
    private readonly db: lbug.Database,
    private readonly options: LadybugOptions,
    readonly recovered: string | null,
  ) {
    this.redoDir = options.path === ':memory:' || options.readOnly ? undefined : options.path;
  }

  async init(readConnections: number): Promise<void> {
    if (!this.options.readOnly) {
      const w = await this.writerSession();
      for (const ddl of schemaStatements()) {
        this.log(ddl, {}, 'engine');
        await w.exec(ddl);
      }
    }
    for (let i = 0; i < Math.max(1, readConnections); i++) this.readers.push(await Session.open(this.db));
    await checkSchemaVersion(
      (q) => this.read(q),
      (text, params) => this.write((w) => this.send(w, text, params)),
      { where: `The store at ${this.options.path}`, fresh: `Move the folder ${this.options.path} aside (or delete it)` },
    );
  }

  private async writerSession(): Promise<Session> {
    this.writer ??= await Session.open(this.db);
    return this.writer;
  }

  private log(text: string, params: Params, dialect: SentStatement['dialect']): void {
    this.options.onStatement?.({ text, params, dialect });
  }

  private async send(session: Session, text: string, params: Params): Promise<Array<Record<string, unknown>>> {
    this.log(text, params, text.includes('CAST(') || text.includes('string_split(') ? 'engine' : 'shared');
    return session.run(text, params);
  }

  private write<T>(work: (w: Session) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError('The store is closed.', null));
    if (this.options.readOnly) return Promise.reject(new StoreError(`The store at ${this.options.path} is open to read only.`, null));
    return this.writes.run(async () => work(await this.writerSession()));
  }

  /**
   * BEGIN … COMMIT with every statement checked. An error inside a LadybugDB
   * transaction ends it (rolled back) without saying so, and the connection is
   * not safe to reuse after a failed BEGIN: on any failure we stop, drop the
   * connection and report the statement that failed.
   */
  private transaction(work: (run: Run) => Promise<void>): Promise<void> {
    return this.write(async (w) => {
      try {
        this.log('BEGIN TRANSACTION', {}, 'engine');
        await w.exec('BEGIN TRANSACTION');
        await work((text, params) => this.send(w, text, params));
        this.log('COMMIT', {}, 'engine');
        await w.exec('COMMIT');
      } catch (error) {
        this.writer = null;
        throw error;
      }
    });
  }

  replaceDocuments(batches: readonly DocumentBatch[]): Promise<void> {
    return this.transaction((run) => writeDocuments(run, batches, ladybugDialect));
  }

  replaceLinks(links: LinkBatch): Promise<void> {
    return this.transaction((run) => writeLinks(run, links, ladybugDialect));
  }

  removeDocument(documentId: string): Promise<void> {
    return this.transaction((run) => deleteDocument(run, documentId));
  }

  recordReviews(reviews: readonly NodeRow<'Review'>[]): Promise<void> {
    return this.transaction((run) => writeReviews(run, reviews, ladybugDialect));
  }

  async read(query: Query): Promise<Array<Record<string, unknown>>> {
    if (this.closed) throw new StoreError('The store is closed.', null);
    const session = this.readers[this.nextReader++ % this.readers.length]!;
    this.log(query.text, query.params, 'shared');
    try {
      return await session.run(query.text, query.params as Params);
    } catch (error) {
      if (error instanceof StoreError) throw new StoreError(`${query.name}: ${error.message}`, query.text, { cause: error });
      throw error;
    }
  }

  counts(): Promise<Counts> {
    return countAll((q) => this.read(q));
  }

  reset(options?: ResetOptions): Promise<void> {
    return this.transaction((run) => deleteEverything(run, options));
  }

  /** CHECKPOINT behind the writes already queued: everything they committed is then in the database file. */
  checkpoint(): Promise<void> {
    return this.write(async (w) => {
      this.log('CHECKPOINT', {}, 'engine');
      await w.exec('CHECKPOINT');
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes.idle();
    // Connections first: closing the database under open connections leaves a WAL it cannot replay.
    for (const session of [...this.readers, ...(this.writer ? [this.writer] : [])]) await session.close();
    await this.db.close();
  }
}
