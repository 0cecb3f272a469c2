import type { Label, NodeRow, RelRow, RelType, Row } from './model.ts';

/** A read query: written once in the Cypher both engines run, with parameters only. */
export interface Query {
  /** A stable name for logs, errors and the lint test. */
  readonly name: string;
  readonly text: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Relationships of one type between two labels: `a` and `b` are the ids of the two ends. */
export type RelBatch = {
  readonly [T in RelType]: { readonly type: T; readonly from: Label; readonly to: Label; readonly rows: readonly RelRow<T>[] };
}[RelType];

/** Rows of some labels, each typed by its label. */
export type NodeRows = { readonly [L in Label]?: readonly NodeRow<L>[] };

/** Everything one document contributes to the graph, to be written as a unit. */
export interface DocumentBatch {
  readonly documentId: string;
  /** Nodes the document owns; each row has `id` and `doc` = documentId. */
  readonly nodes: NodeRows;
  /** Shared nodes (regions, institutions, indicators), merged by id. */
  readonly shared: NodeRows;
  readonly rels: readonly RelBatch[];
}

export interface Counts {
  readonly nodes: Readonly<Record<Label, number>>;
  readonly relationships: Readonly<Record<RelType, number>>;
}

export type Engine = 'ladybug' | 'neo4j';

/** One statement as sent to an engine, for logs and the Cypher lint test. */
export interface SentStatement {
  readonly text: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** `shared`: the Cypher both engines run; `engine`: this engine's own dialect (DDL, casts). */
  readonly dialect: 'shared' | 'engine';
}

export interface GraphStore {
  readonly engine: Engine;
  /**
   * Replace some documents' subgraphs in one transaction: their old nodes and
   * every relationship touching them go, the new ones come, shared nodes are
   * merged. Either all of it lands or none of it does. Each document appears
   * once.
   */
  replaceDocuments(batches: readonly DocumentBatch[]): Promise<void>;
  /**
   * Replace the derived links (evidence, continuation) leaving the commitments
   * of some regions, and set derived properties, in one transaction.
   */
  replaceLinks(links: LinkBatch): Promise<void>;
  removeDocument(documentId: string): Promise<void>;
  /**
   * Add reviewers' decisions on links, merged by id, and mark the latest on
   * each link as current, in one transaction. No document owns them: they
   * stay when documents are replaced or removed.
   */
  recordReviews(reviews: readonly NodeRow<'Review'>[]): Promise<void>;
  read(query: Query): Promise<Array<Record<string, unknown>>>;
  counts(): Promise<Counts>;
  /**
   * Delete every document and fact (the schema stays). Reviewers' decisions
   * stay unless `reviews` is set: they are people's work, which no ingest
   * brings back, and they apply again when their documents are ingested.
   */
  reset(options?: ResetOptions): Promise<void>;
  /**
   * Make every committed write part of the store's main file, so that it no
   * longer depends on the engine's journal. A no-op where a commit is durable
   * by itself (Neo4j).
   */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
  /**
   * A folder where the writer keeps what it needs to redo its writes since the
   * last checkpoint: set where a committed write is not durable until then
   * (LadybugDB 0.19.1 cannot replay a journal holding a document's text, see
   * docs/engines.md), absent where it is (Neo4j) or nothing lasts (in memory).
   */
  readonly redoDir?: string;
  /** What opening the store had to do after an unclean stop, in one sentence; null after a clean one. */
  readonly recovered?: string | null;
  /**
   * A number that changes whenever the graph may have changed; only stores
   * that know they are the sole writer (the read cache) provide it, and
   * only then may answers built from the graph be reused.
   */
  readonly generation?: () => number;
  /**
   * The same, counting only writes of documents' own nodes (documents
   * written or removed, the store reset), not of links, statuses or reviews:
   * what is built from documents' text alone (search's index) may outlive
   * a relink.
   */
  readonly textGeneration?: () => number;
}

export interface ResetOptions {
  /** Delete reviewers' decisions too. */
  readonly reviews?: boolean;
}

/** Derived data for some regions, recomputed by the link stage. */
export interface LinkBatch {
  /** Links leaving commitments of these region keys are replaced. */
  readonly regionKeys: readonly string[];
  readonly rels: readonly RelBatch[];
  /** Property updates on existing nodes, found by id: rows of `{id, …props}`, all props set in one pass. */
  readonly updates: ReadonlyArray<{ readonly label: Label; readonly props: readonly string[]; readonly rows: readonly Row[] }>;
}

/** A driver failure, wrapped with the statement that failed. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly statement: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
