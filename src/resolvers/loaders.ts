import DataLoader from 'dataloader';
import type { GraphStore, Query } from '../graph/port.ts';
import { documentQueries } from '../graph/queries/documents.ts';
import { sectionQueries } from '../graph/queries/sections.ts';
import { indicatorQueries } from '../graph/queries/indicators.ts';
import { institutionQueries } from '../graph/queries/institutions.ts';
import { reviewsByIds, type ReviewView } from '../ingest/store/reviews.ts';
import { statementQueries } from '../graph/queries/statements.ts';
import { traceQueries } from '../graph/queries/trace.ts';

export type Row = Record<string, unknown>;

/** One loader per child list, made per request: one store query per list per level, in key order. */
export function createLoaders(store: GraphStore) {
  const byKey = (query: (ids: readonly string[]) => Query, key = 'id') =>
    new DataLoader<string, Row | null>(async (ids) => {
      const rows = await store.read(query(ids));
      const map = new Map(rows.map((r) => [String(r[key]), r]));
      return ids.map((id) => map.get(id) ?? null);
    });
  const grouped = (query: (ids: readonly string[]) => Query, key = 'parent') =>
    new DataLoader<string, Row[]>(async (ids) => {
      const rows = await store.read(query(ids));
      const groups = new Map<string, Row[]>(ids.map((id) => [id, []]));
      for (const r of rows) groups.get(String(r[key]))?.push(r);
      return ids.map((id) => groups.get(id) ?? []);
    });
  return {
    document: byKey(documentQueries.byIds),
    documentText: new DataLoader<string, string | null>(async (ids) =>
      Promise.all(ids.map(async (id) => (await store.read(documentQueries.text(id)))[0]?.text as string | null ?? null)),
    ),
    regionChain: byKey(documentQueries.regionChains),
    statementCounts: byKey(statementQueries.countsByDocument),
    topSections: grouped(sectionQueries.topLevel),
    childSections: grouped(sectionQueries.children),
    commitment: byKey(statementQueries.commitmentsByIds),
    outcome: byKey(traceQueries.outcomesByIds),
    evidence: grouped(traceQueries.evidence),
    evidenceFor: grouped(traceQueries.evidences),
    continues: grouped(traceQueries.continues),
    continuedBy: grouped(traceQueries.continuedBy),
    series: grouped(indicatorQueries.series),
    statementValues: grouped(indicatorQueries.ofStatements),
    institutionCommitments: grouped(institutionQueries.commitments),
    institutionOutcomes: grouped(institutionQueries.outcomes),
    statementInstitutions: grouped(institutionQueries.ofStatements),
    // Judged against the statements as they are now (stale or not), as the reviews list is.
    review: new DataLoader<string, ReviewView | null>(async (ids) => {
      const map = new Map((await reviewsByIds(store, ids)).map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  readonly store: GraphStore;
  readonly loaders: Loaders;
}
