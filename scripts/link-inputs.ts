// The link stage's input taken from document batches instead of the store:
// what the relink reads (store/link-part.ts, linkInputs) for the regions of
// those documents, in the same order (by id). For measuring and snapshotting
// the pure link stage (link/compute.ts) without a store.
import type { DocumentBatch } from '../src/graph/port.ts';
import { clausesOf } from '../src/ingest/link/evidence.ts';
import type { IndicatorPoint, LinkCommitment, LinkOutcome } from '../src/ingest/link/types.ts';

/** What the relink reads from the store (store/link-part.ts, linkInputs), taken from the batches instead, in id order as the store gives it. */
export function linkInputs(batches: readonly DocumentBatch[]): { commitments: LinkCommitment[]; outcomes: LinkOutcome[] } {
  const regionOf = new Map<string, { key: string; name: string | null }>();
  const institutions = new Map<string, string[]>();
  const valueTo = new Map<string, string[]>();
  const values = new Map<string, Record<string, unknown>>();
  const indicatorOf = new Map<string, string>();
  const add = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const b of batches) {
    const doc = b.nodes.Document![0]!;
    regionOf.set(b.documentId, { key: String(doc.regionKey), name: (doc.region as string | null) ?? null });
    for (const v of b.nodes.IndicatorValue ?? []) values.set(String(v.id), v as Record<string, unknown>);
    for (const r of b.rels) {
      for (const row of r.rows as ReadonlyArray<{ a: string; b: string }>) {
        if (r.type === 'INVOLVES') add(institutions, row.a, row.b);
        if (r.type === 'TARGETS' || r.type === 'REPORTS') add(valueTo, row.a, row.b);
        if (r.type === 'OF') indicatorOf.set(row.a, row.b);
      }
    }
  }
  const points = (id: string): IndicatorPoint[] =>
    (valueTo.get(id) ?? [])
      .map((v) => ({ v: values.get(v)!, indicatorId: indicatorOf.get(v)! }))
      .sort((x, y) => (x.indicatorId < y.indicatorId ? -1 : x.indicatorId > y.indicatorId ? 1 : 0))
      .map(({ v, indicatorId }) => ({
        indicatorId,
        value: v.value === null || v.value === undefined ? null : Number(v.value),
        comparator: (v.comparator as string | null) ?? null,
        year: (v.year as number | null) ?? null,
        kind: v.kind as IndicatorPoint['kind'],
      }));
  const base = (r: Record<string, unknown>) => {
    const region = regionOf.get(String(r.doc))!;
    return {
      id: String(r.id),
      doc: String(r.doc),
      regionKey: region.key,
      region: region.name,
      text: String(r.text),
      terms: (r.terms as string[] | null) ?? [],
      broad: r.broad === true,
      ord: Number(r.ord ?? 0),
      institutions: [...(institutions.get(String(r.id)) ?? [])].sort(),
      indicators: points(String(r.id)),
    };
  };
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const year = (v: unknown) => (v as number | null) ?? null;
  const titles = new Map(batches.flatMap((b) => b.nodes.Document ?? []).map((d) => [String(d.id), (d.title as string | null) ?? null]));
  const commitments = batches
    .flatMap((b) => b.nodes.Commitment ?? [])
    .map((r): LinkCommitment => ({ ...base(r), clauses: clausesOf(String(r.text)), plan: titles.get(String(r.doc)) ?? null, planYear: year(r.planYear), periodFrom: year(r.periodFrom), periodTo: year(r.periodTo), dueYear: year(r.dueYear), lead: (r.lead as string | null) ?? null }))
    .sort(byId);
  const outcomes = batches
    .flatMap((b) => b.nodes.Outcome ?? [])
    .map((r): LinkOutcome => ({ ...base(r), year: year(r.year), progress: (r.progress as LinkOutcome['progress']) ?? null }))
    .sort(byId);
  return { commitments, outcomes };
}
