// The write sequences both engines run, the same statements in the same
// order; an engine supplies only how a statement is run inside its
// transaction (`run`) and its dialect (value expressions and encoding).

import { DERIVED_REL_TYPES, LABELS, OWNED_LABELS, PRUNABLE_LABELS, REL_TYPES, type Label, type RelType } from '../model.ts';
import type { NodeRow, Row } from '../model.ts';
import type { Counts, DocumentBatch, LinkBatch, Query, RelBatch, ResetOptions } from '../port.ts';
import { rowProps, statements, type Dialect } from './statements.ts';

/** Runs one statement inside the engine's transaction and answers its rows as plain values. */
export type Run = (text: string, params: Record<string, unknown>) => Promise<ReadonlyArray<Record<string, unknown>>>;


/**
 * Replace some documents' subgraphs: their old nodes (and relationships) go,
 * the new ones come. Several documents go in one sequence of statements
 * because each statement costs ~2 ms on LadybugDB whatever its size, and a
 * document needs ~25 of them: written one by one, that fixed cost was most
 * of an ingest.
 *
 * Documents not stored yet skip the deletes and the orphan prune. On
 * LadybugDB `doc` has no index, so a delete by `doc` scans its whole table
 * and the prune scans every institution and indicator: a cost that grows
 * with the store, quadratic over a bulk ingest when paid per document.
 * Nothing of an unstored document can be deleted, and without deletions only
 * a shared node that no relationship of the batch reaches can be an orphan.
 */
export async function writeDocuments(run: Run, batches: readonly DocumentBatch[], dialect: Dialect): Promise<void> {
  if (!batches.length) return;
  const batch = combine(batches);
  const found = await run(statements.documentsStored(), { rows: batches.map((b) => ({ id: b.documentId })) });
  const stored = found.map((r) => String(r.id));
  if (stored.length) for (const label of OWNED_LABELS) await run(statements.deleteOwned(label), { docs: stored });
  for (const label of LABELS) {
    const rows = batch.shared[label];
    if (rows?.length) {
      const { form, rows: encoded } = dialect.encode(rows, rowProps.node(label), 'found');
      await run(statements.mergeShared(label, dialect, form), { rows: encoded });
    }
  }
  for (const label of OWNED_LABELS) {
    const rows = batch.nodes[label];
    if (rows?.length) {
      const { form, rows: encoded } = dialect.encode(rows, rowProps.node(label), 'create');
      await run(statements.createNodes(label, dialect, form), { rows: encoded });
    }
  }
  for (const rel of batch.rels) {
    // An empty list cannot be bound to UNWIND on LadybugDB; skipping it is right on both.
    if (rel.rows.length) await createRels(run, rel, dialect);
  }
  for (const label of PRUNABLE_LABELS) {
    if (stored.length) await run(statements.pruneOrphans(label), {});
    else {
      const ids = unreached(batch, label);
      if (ids.length) await run(statements.pruneOrphansAmong(label), { rows: ids.map((id) => ({ id })) });
    }
  }
}

/**
 * Several documents' batches as one: owned nodes and relationships side by
 * side, shared nodes once per id with the last document's properties (what
 * writing them one after another would leave).
 */
export function combine(batches: readonly DocumentBatch[]): DocumentBatch {
  if (batches.length === 1) return batches[0]!;
  const ids = new Set(batches.map((b) => b.documentId));
  if (ids.size < batches.length) throw new Error('A document appears twice in one write; write its versions one after another.');
  const nodes: Partial<Record<Label, Row[]>> = {};
  const shared: Partial<Record<Label, Map<unknown, Row>>> = {};
  // Rows of one label (or type) side by side keep their type; the loops below see them as plain rows.
  const rels = new Map<string, { type: RelType; from: Label; to: Label; rows: Row[] }>();
  for (const b of batches) {
    for (const [label, rows] of Object.entries(b.nodes) as Array<[Label, readonly Row[]]>) (nodes[label] ??= []).push(...rows);
    for (const [label, rows] of Object.entries(b.shared) as Array<[Label, readonly Row[]]>) {
      const byId = (shared[label] ??= new Map());
      for (const r of rows) byId.set(r.id, r);
    }
    for (const rel of b.rels as ReadonlyArray<{ type: RelType; from: Label; to: Label; rows: readonly Row[] }>) {
      const key = `${rel.type} ${rel.from} ${rel.to}`;
      const into = rels.get(key) ?? { type: rel.type, from: rel.from, to: rel.to, rows: [] };
      into.rows.push(...rel.rows);
      rels.set(key, into);
    }
  }
  return {
    documentId: batches.map((b) => b.documentId).join(' '),
    nodes: nodes as DocumentBatch['nodes'],
    shared: Object.fromEntries(Object.entries(shared).map(([label, byId]) => [label, [...byId.values()]])) as DocumentBatch['shared'],
    rels: [...rels.values()] as unknown as RelBatch[],
  };
}

async function createRels(run: Run, rel: RelBatch, dialect: Dialect): Promise<void> {
  const { form, rows } = dialect.encode(rel.rows, rowProps.rel(rel.type), 'found');
  await run(statements.createRels(rel.type, rel.from, rel.to, dialect, form), { rows });
}

/** Shared nodes of a label in the batch that none of its relationships has as an end. */
function unreached(batch: DocumentBatch, label: Label): string[] {
  const ends = new Set<unknown>();
  for (const rel of batch.rels) {
    if (rel.from === label) for (const r of rel.rows) ends.add(r.a);
    if (rel.to === label) for (const r of rel.rows) ends.add(r.b);
  }
  return (batch.shared[label] ?? []).map((r) => String(r.id)).filter((id) => !ends.has(id));
}

/** Replace the derived links leaving the commitments of some regions, and set derived properties. */
export async function writeLinks(run: Run, links: LinkBatch, dialect: Dialect): Promise<void> {
  for (const type of DERIVED_REL_TYPES) await run(statements.deleteLinksFrom(type), { keys: links.regionKeys });
  for (const rel of links.rels) {
    if (rel.rows.length) await createRels(run, rel, dialect);
  }
  for (const u of links.updates) {
    if (!u.rows.length) continue;
    const { form, rows } = dialect.encode(u.rows, rowProps.update(u.label, u.props), 'found');
    await run(statements.setProperties(u.label, u.props, dialect, form), { rows });
  }
}

export async function deleteDocument(run: Run, documentId: string): Promise<void> {
  for (const label of OWNED_LABELS) await run(statements.deleteOwned(label), { docs: [documentId] });
  for (const label of PRUNABLE_LABELS) await run(statements.pruneOrphans(label), {});
}

/** Delete every document and fact; reviewers' decisions too only when asked (see GraphStore.reset). */
export async function deleteEverything(run: Run, { reviews = false }: ResetOptions = {}): Promise<void> {
  for (const label of LABELS) if (label !== 'Meta' && (reviews || label !== 'Review')) await run(statements.deleteAll(label), {});
}

/**
 * Add reviewers' decisions and mark, on each link they are about, the latest
 * one (by time, then id) as current: the one relinking obeys. Merged by id
 * (an id is made from the decision's content), so importing the same
 * decisions twice adds nothing, and an older decision imported after a newer
 * one does not replace it.
 */
export async function writeReviews(run: Run, reviews: readonly NodeRow<'Review'>[], dialect: Dialect): Promise<void> {
  // Two rows of one id in one MERGE would race each other: the first is enough.
  const rows = [...new Map(reviews.map((r) => [r.id, r])).values()];
  if (!rows.length) return;
  const merged = dialect.encode(rows, rowProps.node('Review'), 'found');
  await run(statements.mergeShared('Review', dialect, merged.form), { rows: merged.rows });
  const linkOf = (r: Readonly<Record<string, unknown>>) => JSON.stringify([r.kind, r.fromId, r.toId]);
  const links = [...new Map(rows.map((r) => [linkOf(r), { kind: r.kind, fromId: r.fromId, toId: r.toId }])).values()];
  const found = await run(statements.reviewsOfLinks(), { rows: links });
  const latest = new Map<string, { id: string; at: string }>();
  for (const r of found) {
    const key = linkOf(r);
    const best = latest.get(key);
    const candidate = { id: String(r.id), at: String(r.at) };
    if (!best || candidate.at > best.at || (candidate.at === best.at && candidate.id > best.id)) latest.set(key, candidate);
  }
  const current = found.map((r) => ({ id: String(r.id), current: latest.get(linkOf(r))?.id === String(r.id) }));
  const marked = dialect.encode(current, rowProps.update('Review', ['current']), 'found');
  await run(statements.setProperties('Review', ['current'], dialect, marked.form), { rows: marked.rows });
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
