// The one node/relationship model both engines store. LadybugDB needs every
// table and property declared up front; Neo4j gets constraints and indexes
// from the same list; the Cypher linter gets labels, types and property keys.

export type PropType = 'STRING' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'STRING[]' | 'INT64[]';

interface NodeSpec {
  /** Shared nodes (regions, institutions, indicators) are merged by id across documents. */
  readonly shared: boolean;
  readonly props: Readonly<Record<string, PropType>>;
}

// Every node owned by a document carries `doc` (the document id), so one
// document's subgraph can be deleted and rewritten as a unit.
const owned = { id: 'STRING', doc: 'STRING' } as const;
// Every fact keeps where it came from: offsets into the document's original text and the quote.
const source = { spanStart: 'INT64', spanEnd: 'INT64', quote: 'STRING' } as const;

export const NODES = {
  /** Store bookkeeping (schema version); not part of the domain, hidden from stats. */
  Meta: { shared: true, props: { id: 'STRING', value: 'STRING' } },
  Region: { shared: true, props: { id: 'STRING', name: 'STRING', code: 'STRING', level: 'STRING' } },
  Document: {
    shared: false,
    props: {
      ...owned,
      name: 'STRING',
      title: 'STRING',
      titleStart: 'INT64',
      titleEnd: 'INT64',
      issuer: 'STRING',
      kind: 'STRING',
      region: 'STRING',
      regionStatus: 'STRING',
      regionCode: 'STRING',
      regionKey: 'STRING',
      years: 'INT64[]',
      periodFrom: 'INT64',
      periodTo: 'INT64',
      baselineYear: 'INT64',
      sha256: 'STRING',
      format: 'STRING',
      encoding: 'STRING',
      chars: 'INT64',
      text: 'STRING',
      diagnostics: 'STRING',
      ingestedAt: 'STRING',
    },
  },
  Section: {
    shared: false,
    props: {
      ...owned,
      ...source,
      ord: 'INT64',
      level: 'INT64',
      style: 'STRING',
      number: 'STRING',
      heading: 'STRING',
      path: 'STRING',
      role: 'STRING',
      kind: 'STRING',
      year: 'INT64',
    },
  },
  Commitment: {
    shared: false,
    props: {
      ...owned,
      ...source,
      ord: 'INT64',
      // The commitment that leads its paragraph (塑造区域发展新格局。加强对…。), when it is one of the works that lead names.
      lead: 'STRING',
      text: 'STRING',
      sectionPath: 'STRING',
      role: 'STRING',
      region: 'STRING',
      regionKey: 'STRING',
      terms: 'STRING[]',
      broad: 'BOOLEAN',
      planYear: 'INT64',
      periodFrom: 'INT64',
      periodTo: 'INT64',
      deadline: 'STRING',
      dueYear: 'INT64',
      status: 'STRING',
      statusReason: 'STRING',
      // Each year in force: `2022:SILENT@doc-a` (src/ingest/link/status.ts encodes it).
      reporting: 'STRING',
    },
  },
  Outcome: {
    shared: false,
    props: {
      ...owned,
      ...source,
      ord: 'INT64',
      text: 'STRING',
      sectionPath: 'STRING',
      region: 'STRING',
      regionKey: 'STRING',
      terms: 'STRING[]',
      broad: 'BOOLEAN',
      year: 'INT64',
      progress: 'STRING',
      progressWords: 'STRING[]',
    },
  },
  Project: {
    shared: false,
    props: { ...owned, ...source, ord: 'INT64', name: 'STRING', box: 'INT64', boxTitle: 'STRING', description: 'STRING' },
  },
  Institution: { shared: true, props: { id: 'STRING', name: 'STRING', type: 'STRING', region: 'STRING' } },
  Indicator: { shared: true, props: { id: 'STRING', name: 'STRING', unit: 'STRING', category: 'STRING' } },
  IndicatorValue: {
    shared: false,
    props: {
      ...owned,
      ...source,
      kind: 'STRING',
      year: 'INT64',
      value: 'DOUBLE',
      /** A range's upper end (\`6.5%－7%\`: value 6.5, upper 7); null otherwise. */
      upper: 'DOUBLE',
      text: 'STRING',
      comparator: 'STRING',
      qualitative: 'STRING',
      unit: 'STRING',
      attribute: 'STRING',
      region: 'STRING',
    },
  },
  /**
   * A reviewer's decision on one link, the link named by its two statements'
   * ids (stable while their document is unchanged: src/ingest/ids.ts). Shared,
   * not owned: no document's replacement deletes it. Each decision is kept
   * (the audit trail); `current` marks the latest on its link, the one relinking obeys.
   * `fromText`/`toText` are what the reviewer saw: a decision holds only while
   * the statements at those ids still read so.
   */
  Review: {
    shared: true,
    props: {
      id: 'STRING',
      kind: 'STRING',
      fromId: 'STRING',
      toId: 'STRING',
      decision: 'STRING',
      note: 'STRING',
      reviewer: 'STRING',
      at: 'STRING',
      fromText: 'STRING',
      toText: 'STRING',
      current: 'BOOLEAN',
    },
  },
} as const satisfies Record<string, NodeSpec>;

export type Label = keyof typeof NODES;
export const LABELS = Object.keys(NODES) as Label[];
export const OWNED_LABELS = LABELS.filter((l) => !NODES[l].shared);
export const SHARED_LABELS = LABELS.filter((l) => NODES[l].shared && l !== 'Meta');
/** Labels whose nodes go when nothing refers to them any more. */
export const PRUNABLE_LABELS: readonly Label[] = ['Institution', 'Indicator'];

interface RelSpec {
  readonly ends: ReadonlyArray<readonly [Label, Label]>;
  readonly props: Readonly<Record<string, PropType>>;
}

export const RELS = {
  HAS_SECTION: { ends: [['Document', 'Section'], ['Section', 'Section']], props: {} },
  STATES: { ends: [['Section', 'Commitment'], ['Section', 'Outcome']], props: {} },
  // A document reaches its statements in one hop. LadybugDB has no index
  // but the primary key, so finding a region's or a document's statements
  // by property scanned the whole table: the link stage did it for every
  // part of a relink, quadratic over a bulk ingest, and region questions
  // slowed with the corpus. Documents are few; from them, this is adjacency.
  HAS_STATEMENT: { ends: [['Document', 'Commitment'], ['Document', 'Outcome']], props: {} },
  HAS_PROJECT: { ends: [['Section', 'Project']], props: {} },
  INCLUDES: { ends: [['Project', 'Commitment'], ['Project', 'Outcome']], props: {} },
  INVOLVES: { ends: [['Commitment', 'Institution'], ['Outcome', 'Institution'], ['Project', 'Institution']], props: { alias: 'STRING' } },
  TARGETS: { ends: [['Commitment', 'IndicatorValue']], props: {} },
  REPORTS: { ends: [['Outcome', 'IndicatorValue']], props: {} },
  OF: { ends: [['IndicatorValue', 'Indicator']], props: {} },
  // A link's matched terms are one string (joinLinkTerms), not a list: on
  // LadybugDB a list column in a relationship table made each checkpoint of
  // newly written links take 16–27 s at 1,500 documents (without the lists:
  // none over 0.6 s), a third of a bulk ingest's link stage.
  // `review`: the id of the reviewer's decision that confirmed the link; null for a machine link.
  EVIDENCED_BY: {
    ends: [['Commitment', 'Outcome']],
    props: { score: 'DOUBLE', verdict: 'STRING', terms: 'STRING', review: 'STRING' },
  },
  CONTINUES: {
    ends: [['Commitment', 'Commitment'], ['Commitment', 'Outcome']],
    props: { score: 'DOUBLE', verdict: 'STRING', terms: 'STRING', review: 'STRING' },
  },
  COVERS: { ends: [['Document', 'Region']], props: {} },
  PART_OF: { ends: [['Region', 'Region']], props: {} },
} as const satisfies Record<string, RelSpec>;

export type RelType = keyof typeof RELS;
/** Relationships the link stage derives; replaced per region, never written with a document. */
export const DERIVED_REL_TYPES: readonly RelType[] = ['EVIDENCED_BY', 'CONTINUES'];
export const REL_TYPES = Object.keys(RELS) as RelType[];

/** Bump when tables or properties change: a store written by another version is refused with advice. */
export const SCHEMA_VERSION = 10;

/**
 * What each version added, for the advice a store of an older one gets
 * (src/graph/cypher/schema-version.ts). Stores from 9 on may hold reviewers'
 * decisions, which no re-ingest brings back: the advice says to export them first.
 */
export const SCHEMA_CHANGES: Readonly<Record<number, string>> = {
  7: 'each commitment’s reporting by year',
  8: 'a range target’s upper end (IndicatorValue.upper)',
  9: 'reviewers’ decisions on links (Review) and each link’s review',
  10: 'the lead of each commitment’s paragraph (a lead is reported through the works it names)',
};

/** The first schema whose stores can hold reviewers' decisions. */
export const FIRST_SCHEMA_WITH_REVIEWS = 9;

export function propertyKeys(): string[] {
  const keys = new Set<string>();
  for (const l of LABELS) for (const k of Object.keys(NODES[l].props)) keys.add(k);
  for (const t of REL_TYPES) for (const k of Object.keys(RELS[t].props)) keys.add(k);
  return [...keys].sort();
}

/** A property value as stored: what both engines accept and return. */
export type PropValue = string | number | boolean | null | readonly string[] | readonly number[];
export type Row = Readonly<Record<string, PropValue>>;

type ValueOf<T> = T extends 'STRING'
  ? string
  : T extends 'INT64' | 'DOUBLE'
    ? number
    : T extends 'BOOLEAN'
      ? boolean
      : T extends 'STRING[]'
        ? readonly string[]
        : readonly number[];
type NodeProps<L extends Label> = (typeof NODES)[L]['props'];
type RelProps<T extends RelType> = (typeof RELS)[T]['props'];
/** Keys a row can never leave out: a node's identity and its owner. */
type Key = 'id' | 'doc';

/**
 * A node as ingest hands it to the store: every property of the label, with
 * its type (null where unknown), and no other key. A misspelt or forgotten
 * property does not compile, where a `Row` stored it as null.
 */
export type NodeRow<L extends Label> = { readonly [K in keyof NodeProps<L>]: K extends Key ? string : ValueOf<NodeProps<L>[K]> | null };

/** A relationship as ingest hands it to the store: its two ends' ids and its properties. */
export type RelRow<T extends RelType> = { readonly a: string; readonly b: string } & {
  readonly [K in keyof RelProps<T>]: ValueOf<RelProps<T>[K]> | null;
};

// Terms are words, institution and indicator ids: none holds a line break.
const LINK_TERM_SEPARATOR = '\n';

/** A link's matched terms as stored (see EVIDENCED_BY). */
export function joinLinkTerms(terms: readonly string[]): string {
  return terms.map((t) => t.replaceAll(LINK_TERM_SEPARATOR, ' ')).join(LINK_TERM_SEPARATOR);
}

/** A link's matched terms as read back: a list again. */
export function splitLinkTerms(stored: unknown): string[] {
  return typeof stored === 'string' && stored !== '' ? stored.split(LINK_TERM_SEPARATOR) : [];
}
