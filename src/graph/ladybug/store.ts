import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lbug from '@ladybugdb/core';
import { SCHEMA_VERSION } from '../model.ts';
import { ladybugDialect, statements } from '../cypher/statements.ts';
import { countAll, deleteDocument, deleteEverything, writeDocument, writeLinks } from '../cypher/writes.ts';
import { StoreError, type Counts, type DocumentBatch, type GraphStore, type LinkBatch, type Query, type SentStatement } from '../port.ts';
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
}

const DB_FILE = 'plantrace.lbug';
// The engine reserves (virtual) address space for the largest database it may
// grow to: 8 TiB by default, so a process holding a few stores runs out of
// address space. 64 GiB is far beyond a province-wide corpus.
const MAX_DB_BYTES = 2 ** 36;
const DEFAULT_BUFFER_POOL = 2 ** 30;

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
  const db = new lbug.Database(inMemory ? ':memory:' : join(options.path, DB_FILE), bufferPool, true, false, MAX_DB_BYTES);
  try {
    await db.init();
  } catch (cause) {
    const message = (cause as Error).message;
    const hint = /lock/i.test(message)
      ? ` Another plantrace process (a running \`serve\`?) has the store at ${options.path} open; stop it, or ingest through the API.`
      : '';
    throw new StoreError(`Cannot open the embedded store at ${options.path}: ${message}.${hint}`, null, { cause });
  }
  const store = new LadybugStore(db, options);
  await store.init(options.readConnections ?? 2);
  return store;
}

class LadybugStore implements GraphStore {
  readonly engine = 'ladybug' as const;
  private writer: Session | null = null;
  private readers: Session[] = [];
  private nextReader = 0;
  // One writer at a time: LadybugDB fails a second writer at once instead of waiting.
  private writes: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: lbug.Database,
    private readonly options: LadybugOptions,
  ) {}

  async init(readConnections: number): Promise<void> {
    const w = await this.writerSession();
    for (const ddl of schemaStatements()) {
      this.log(ddl, {}, 'engine');
      await w.exec(ddl);
    }
    for (let i = 0; i < Math.max(1, readConnections); i++) this.readers.push(await Session.open(this.db));
    await this.checkSchemaVersion();
  }

  private async checkSchemaVersion(): Promise<void> {
    const rows = await this.read({ name: 'meta.read', text: statements.readMeta(), params: { id: 'schemaVersion' } });
    const found = rows[0]?.value;
    if (found === undefined) {
      await this.write(async (w) => this.send(w, statements.writeMeta(), { id: 'schemaVersion', value: String(SCHEMA_VERSION) }));
    } else if (found !== String(SCHEMA_VERSION)) {
      throw new StoreError(
        `The store at ${this.options.path} was written by another version of plantrace (schema ${String(found)}, this one uses ${SCHEMA_VERSION}). Run \`plantrace reset\` and ingest again.`,
        null,
      );
    }
  }

  private async writerSession(): Promise<Session> {
    this.writer ??= await Session.open(this.db);
    return this.writer;
  }

  private log(text: string, params: Params, dialect: SentStatement['dialect']): void {
    this.options.onStatement?.({ text, params, dialect });
  }

  private async send(session: Session, text: string, params: Params): Promise<Array<Record<string, unknown>>> {
    this.log(text, params, text.includes('CAST(') ? 'engine' : 'shared');
    return session.run(text, params);
  }

  private write<T>(work: (w: Session) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError('The store is closed.', null));
    const next = this.writes.then(async () => work(await this.writerSession()));
    this.writes = next.catch(() => undefined);
    return next;
  }

  /**
   * BEGIN … COMMIT with every statement checked. An error inside a LadybugDB
   * transaction ends it (rolled back) without saying so, and the connection is
   * not safe to reuse after a failed BEGIN: on any failure we stop, drop the
   * connection and report the statement that failed.
   */
  private transaction(work: (run: (text: string, params: Params) => Promise<unknown>) => Promise<void>): Promise<void> {
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

  replaceDocument(batch: DocumentBatch): Promise<void> {
    return this.transaction((run) => writeDocument(run, batch, ladybugDialect));
  }

  replaceLinks(links: LinkBatch): Promise<void> {
    return this.transaction((run) => writeLinks(run, links, ladybugDialect));
  }

  removeDocument(documentId: string): Promise<void> {
    return this.transaction((run) => deleteDocument(run, documentId));
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

  reset(): Promise<void> {
    return this.transaction((run) => deleteEverything(run));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes;
    // Connections first: closing the database under open connections leaves a WAL it cannot replay.
    for (const session of [...this.readers, ...(this.writer ? [this.writer] : [])]) await session.close();
    await this.db.close();
  }
}
