// The write sequences both engines run, the same statements in the same
// order; an engine supplies only how a statement is run inside its
// transaction (`run`) and its dialect (value expressions and encoding).

import { DERIVED_REL_TYPES, LABELS, NODES, OWNED_LABELS, PRUNABLE_LABELS, REL_TYPES, RELS, type Label, type PropType, type RelType } from '../model.ts';
import type { Counts, DocumentBatch, LinkBatch, Query } from '../port.ts';
import { statements, type Dialect } from './statements.ts';

export type Run = (text: string, params: Record<string, unknown>) => Promise<unknown>;

const relProps = (type: RelType) => ({ a: 'STRING', b: 'STRING', ...RELS[type].props }) as const;

/** Replace one document's subgraph: its old nodes (and their relationships) go, the new ones come. */
export async function writeDocument(run: Run, batch: DocumentBatch, dialect: Dialect): Promise<void> {
  const doc = batch.documentId;
  for (const label of OWNED_LABELS) await run(statements.deleteOwned(label), { doc });
  for (const label of LABELS) {
    const rows = batch.shared[label];
    if (rows?.length) await run(statements.mergeShared(label, dialect), { rows: dialect.encode(rows, NODES[label].props) });
  }
  for (const label of OWNED_LABELS) {
    const rows = batch.nodes[label];
    if (rows?.length) await run(statements.createNodes(label, dialect), { rows: dialect.encode(rows, NODES[label].props) });
  }
  for (const rel of batch.rels) {
    // An empty list cannot be bound to UNWIND on LadybugDB; skipping it is right on both.
    if (rel.rows.length) await run(statements.createRels(rel.type, rel.from, rel.to, dialect), { rows: dialect.encode(rel.rows, relProps(rel.type)) });
  }
  for (const label of PRUNABLE_LABELS) await run(statements.pruneOrphans(label), {});
}

/** Replace the derived links leaving the commitments of some regions, and set derived properties. */
export async function writeLinks(run: Run, links: LinkBatch, dialect: Dialect): Promise<void> {
  for (const type of DERIVED_REL_TYPES) await run(statements.deleteLinksFrom(type), { keys: links.regionKeys });
  for (const rel of links.rels) {
    if (rel.rows.length) await run(statements.createRels(rel.type, rel.from, rel.to, dialect), { rows: dialect.encode(rel.rows, relProps(rel.type)) });
  }
  for (const u of links.updates) {
    if (!u.rows.length) continue;
    const type = (NODES[u.label].props as Record<string, PropType>)[u.prop] ?? 'STRING';
    await run(statements.setProperty(u.label, u.prop, dialect), { rows: dialect.encode(u.rows, { id: 'STRING', value: type }) });
  }
}

export async function deleteDocument(run: Run, documentId: string): Promise<void> {
  for (const label of OWNED_LABELS) await run(statements.deleteOwned(label), { doc: documentId });
  for (const label of PRUNABLE_LABELS) await run(statements.pruneOrphans(label), {});
}

export async function deleteEverything(run: Run): Promise<void> {
  for (const label of LABELS) if (label !== 'Meta') await run(statements.deleteAll(label), {});
}

/** Node and relationship counts, Meta bookkeeping left out. */
export async function countAll(read: (q: Query) => Promise<Array<Record<string, unknown>>>): Promise<Counts> {
  const nodes = {} as Record<Label, number>;
  for (const l of LABELS) {
    if (l === 'Meta') continue;
    const rows = await read({ name: `count.${l}`, text: statements.countNodes(l), params: {} });
    nodes[l] = Number(rows[0]?.c ?? 0);
  }
  const relationships = {} as Record<RelType, number>;
  for (const t of REL_TYPES) {
    const rows = await read({ name: `count.${t}`, text: statements.countRels(t), params: {} });
    relationships[t] = Number(rows[0]?.c ?? 0);
  }
  return { nodes, relationships };
}
