import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { WriteQueue } from '../cypher/queue.ts';
import { checkSchemaVersion } from '../cypher/schema-version.ts';
import { neo4jDialect } from './dialect.ts';
import { countAll, deleteDocument, deleteEverything, writeDocuments, writeLinks, writeReviews, type Run } from '../cypher/writes.ts';
import { StoreError, type Counts, type DocumentBatch, type GraphStore, type LinkBatch, type Query, type ResetOptions, type SentStatement } from '../port.ts';
import type { NodeRow } from '../model.ts';
import { toPlainRow } from '../values.ts';
import { schemaStatements } from './schema.ts';

type Params = Record<string, unknown>;

export interface Neo4jOptions {
  /** bolt:// for one server, neo4j:// for a cluster or Aura (routing). */
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database?: string | undefined;
  readonly onStatement?: (statement: SentStatement) => void;
}

export async function openNeo4jStore(options: Neo4jOptions): Promise<GraphStore> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
    // Integers come back as JS numbers: every integer we store (offsets, years, counts) is far below 2^53.
    disableLosslessIntegers: true,
  });
  try {
    await driver.verifyConnectivity(options.database ? { database: options.database } : {});
  } catch (cause) {
    await driver.close();
    throw new StoreError(`Cannot reach Neo4j at ${options.uri}: ${(cause as Error).message}`, null, { cause });
  }
  const store = new Neo4jStore(driver, options);
  await store.init();
  return store;
}

class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  // Writes are queued like the embedded engine's, so both engines behave the
  // same for callers; Neo4j itself would serialise conflicting writers anyway.
  private readonly writes = new WriteQueue();

  constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jOptions,
  ) {}

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.options.database ? { database: this.options.database } : {}),
    });
  }

  async init(): Promise<void> {
    const session = this.session('WRITE');
    try {
      // Schema commands cannot share a transaction with data writes.
      for (const ddl of schemaStatements()) {
        this.options.onStatement?.({ text: ddl, params: {}, dialect: 'engine' });
        await session.run(ddl);
      }
    } catch (cause) {
      throw new StoreError(`Neo4j schema set-up failed: ${(cause as Error).message}`, null, { cause });
    } finally {
      await session.close();
    }
    await checkSchemaVersion(
      (q) => this.read(q),
      (text, params) => this.transaction(async (run) => void (await run(text, params))),
      {
        where: 'The Neo4j database',
        fresh: 'Empty it (`MATCH (n) DETACH DELETE n`) or point NEO4J_DATABASE at a new database',
      },
    );
  }

  private transaction(work: (run: Run) => Promise<void>): Promise<void> {
    return this.writes.run(async () => {
      const session = this.session('WRITE');
      try {
        await session.executeWrite(async (tx: ManagedTransaction) => {
          await work(async (text, params) => {
            this.options.onStatement?.({ text, params, dialect: 'shared' });
            try {
              const result = await tx.run(text, params);
              return result.records.map((r) => toPlainRow(r.toObject()));
            } catch (cause) {
              throw new StoreError(`Neo4j failed: ${(cause as Error).message}`, text, { cause });
            }
          });
        });
      } finally {
        await session.close();
      }
    });
  }

  replaceDocuments(batches: readonly DocumentBatch[]): Promise<void> {
    return this.transaction((run) => writeDocuments(run, batches, neo4jDialect));
  }

  replaceLinks(links: LinkBatch): Promise<void> {
    return this.transaction((run) => writeLinks(run, links, neo4jDialect));
  }

  removeDocument(documentId: string): Promise<void> {
    return this.transaction((run) => deleteDocument(run, documentId));
  }

  recordReviews(reviews: readonly NodeRow<'Review'>[]): Promise<void> {
    return this.transaction((run) => writeReviews(run, reviews, neo4jDialect));
  }

  async read(query: Query): Promise<Array<Record<string, unknown>>> {
    this.options.onStatement?.({ text: query.text, params: query.params, dialect: 'shared' });
    const session = this.session('READ');
    try {
      const result = await session.executeRead((tx) => tx.run(query.text, query.params as Params));
      return result.records.map((r) => toPlainRow(r.toObject()));
    } catch (cause) {
      throw new StoreError(`${query.name}: Neo4j failed: ${(cause as Error).message}`, query.text, { cause });
    } finally {
      await session.close();
    }
  }

  counts(): Promise<Counts> {
    return countAll((q) => this.read(q));
  }

  reset(options?: ResetOptions): Promise<void> {
    return this.transaction((run) => deleteEverything(run, options));
  }

  /** A committed Neo4j transaction is durable: nothing to do. */
  async checkpoint(): Promise<void> {}

  async close(): Promise<void> {
    await this.writes.idle();
    await this.driver.close();
  }
}
