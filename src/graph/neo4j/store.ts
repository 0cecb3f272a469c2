import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { DERIVED_REL_TYPES, LABELS, NODES, OWNED_LABELS, PRUNABLE_LABELS, REL_TYPES, SCHEMA_VERSION, type Label, type RelType } from '../model.ts';
import { neo4jDialect, statements } from '../cypher/statements.ts';
import { StoreError, type Counts, type DocumentBatch, type GraphStore, type LinkBatch, type Query, type SentStatement } from '../port.ts';
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
  private writes: Promise<unknown> = Promise.resolve();

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
    const rows = await this.read({ name: 'meta.read', text: statements.readMeta(), params: { id: 'schemaVersion' } });
    const found = rows[0]?.value;
    if (found === undefined) {
      await this.transaction(async (run) => {
        await run(statements.writeMeta(), { id: 'schemaVersion', value: String(SCHEMA_VERSION) });
      });
    } else if (found !== String(SCHEMA_VERSION)) {
      throw new StoreError(
        `The Neo4j database was written by another version of plantrace (schema ${String(found)}, this one uses ${SCHEMA_VERSION}). Run \`plantrace reset\` and ingest again.`,
        null,
      );
    }
  }

  private transaction(work: (run: (text: string, params: Params) => Promise<unknown>) => Promise<void>): Promise<void> {
    const next = this.writes.then(async () => {
      const session = this.session('WRITE');
      try {
        await session.executeWrite(async (tx: ManagedTransaction) => {
          await work(async (text, params) => {
            this.options.onStatement?.({ text, params, dialect: 'shared' });
            try {
              return await tx.run(text, params);
            } catch (cause) {
              throw new StoreError(`Neo4j failed: ${(cause as Error).message}`, text, { cause });
            }
          });
        });
      } finally {
        await session.close();
      }
    });
    this.writes = next.catch(() => undefined);
    return next;
  }

  replaceDocument(batch: DocumentBatch): Promise<void> {
    return this.transaction(async (run) => {
      const doc = batch.documentId;
      for (const label of OWNED_LABELS) await run(statements.deleteOwned(label), { doc });
      for (const label of LABELS) {
        const rows = batch.shared[label];
        if (rows?.length) await run(statements.mergeShared(label, neo4jDialect), { rows: fill(rows, NODES[label].props) });
      }
      for (const label of OWNED_LABELS) {
        const rows = batch.nodes[label];
        if (rows?.length) await run(statements.createNodes(label, neo4jDialect), { rows: fill(rows, NODES[label].props) });
      }
      for (const rel of batch.rels) {
        if (rel.rows.length) await run(statements.createRels(rel.type, rel.from, rel.to, neo4jDialect), { rows: rel.rows });
      }
      for (const label of PRUNABLE_LABELS) await run(statements.pruneOrphans(label), {});
    });
  }

  replaceLinks(links: LinkBatch): Promise<void> {
    return this.transaction(async (run) => {
      for (const type of DERIVED_REL_TYPES) await run(statements.deleteLinksFrom(type), { keys: links.regionKeys });
      for (const rel of links.rels) {
        if (rel.rows.length) await run(statements.createRels(rel.type, rel.from, rel.to, neo4jDialect), { rows: rel.rows });
      }
      for (const u of links.updates) {
        if (u.rows.length) await run(statements.setProperty(u.label, u.prop, neo4jDialect), { rows: u.rows });
      }
    });
  }

  removeDocument(documentId: string): Promise<void> {
    return this.transaction(async (run) => {
      for (const label of OWNED_LABELS) await run(statements.deleteOwned(label), { doc: documentId });
      for (const label of PRUNABLE_LABELS) await run(statements.pruneOrphans(label), {});
    });
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

  async counts(): Promise<Counts> {
    const nodes = {} as Record<Label, number>;
    for (const l of LABELS) {
      if (l === 'Meta') continue;
      const rows = await this.read({ name: `count.${l}`, text: statements.countNodes(l), params: {} });
      nodes[l] = Number(rows[0]?.c ?? 0);
    }
    const relationships = {} as Record<RelType, number>;
    for (const t of REL_TYPES) {
      const rows = await this.read({ name: `count.${t}`, text: statements.countRels(t), params: {} });
      relationships[t] = Number(rows[0]?.c ?? 0);
    }
    return { nodes, relationships };
  }

  reset(): Promise<void> {
    return this.transaction(async (run) => {
      for (const l of LABELS) if (l !== 'Meta') await run(statements.deleteAll(l), {});
    });
  }

  async close(): Promise<void> {
    await this.writes;
    await this.driver.close();
  }
}

/** Every row gets every property (null when absent), so CREATE sets the same keys on each node. */
function fill(rows: readonly Record<string, unknown>[], props: Readonly<Record<string, unknown>>): Array<Record<string, unknown>> {
  const keys = Object.keys(props);
  return rows.map((row) => Object.fromEntries(keys.map((k) => [k, row[k] ?? null])));
}
