import { decodeReporting } from '../ingest/query.ts';
import { link } from './links.ts';
import type { Context, Row } from './loaders.ts';
import { sourceOf } from './source.ts';

const document = (s: Row, _: unknown, { loaders }: Context) => loaders.document.load(String(s.doc));

export const Commitment = {
  document,
  source: sourceOf,
  reporting: (c: Row, args: { year?: number | null }) =>
    decodeReporting(c.reporting)
      .filter((r) => args.year == null || r.year === args.year)
      .map((r) => ({ ...r, commitmentId: String(c.id), reason: reasonOf(r.state, r.year, (c.region as string | null) ?? null) })),
};

/** One year of a commitment's reporting: its report's documents and that year's evidence, through the loaders. */
export const YearReporting = {
  documents: async (r: { documents: readonly string[] }, _: unknown, { loaders }: Context) =>
    (await Promise.all(r.documents.map((id) => loaders.document.load(id)))).filter((d) => d !== null && d !== undefined),
  evidence: async (r: { year: number; commitmentId: string }, _: unknown, { loaders }: Context) =>
    (await loaders.evidence.load(r.commitmentId)).filter((e) => e.year === r.year).map((e) => ({ ...link(e), outcomeId: e.id })),
};

export const Outcome = { document, source: sourceOf, progressWords: (o: Row) => o.progressWords ?? [] };

function reasonOf(state: string, year: number, region: string | null): string {
  const where = region ?? 'its region';
  if (state === 'REPORTED') return `The ${year} report of ${where} reports on it.`;
  if (state === 'SILENT') return `The ${year} report of ${where} is in the corpus and says nothing about it.`;
  return `No report of ${where} for ${year} is in the corpus.`;
}
