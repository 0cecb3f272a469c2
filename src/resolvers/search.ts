import { searchQueries } from '../graph/queries/search.ts';
import { parseArg, SearchArgs } from './inputs.ts';
import type { Context, Row } from './loaders.ts';
import { queryTerms, rank } from './rank.ts';

/** Chinese free-text search over commitments, outcomes and 专栏 projects: segmented, ranked, highlighted. */
export async function search(_: unknown, args: Record<string, unknown>, { store }: Context) {
  const { text, first } = parseArg(SearchArgs, args, 'search');
  const terms = queryTerms(text);
  const pool = first * 3;
  const [commitments, outcomes, projects, freq] = await Promise.all([
    store.read(searchQueries.commitments(terms, pool)),
    store.read(searchQueries.outcomes(terms, pool)),
    store.read(searchQueries.projects(terms, pool)),
    store.read(searchQueries.termFrequency(terms)),
  ]);
  const df = new Map(freq.map((r) => [String(r.term), Number(r.df)]));
  const total = Math.max(...freq.map((r) => Number(r.df)), 1) * 4;
  const hits = [
    ...commitments.map((r) => ({ ...candidate(r), kind: 'COMMITMENT' as const })),
    ...outcomes.map((r) => ({ ...candidate(r), kind: 'OUTCOME' as const })),
    ...projects.map((r) => ({ ...candidate(r, `${r.name}：${r.text}`), kind: 'PROJECT' as const })),
  ];
  return rank(text, hits, df, total)
    .slice(0, first)
    .map((r) => ({ kind: r.hit.kind, id: r.hit.id, doc: r.hit.doc, text: r.hit.text, score: r.score, highlighted: r.highlighted, highlights: r.highlights }));
}

function candidate(r: Row, text = String(r.text)) {
  return { id: String(r.id), doc: String(r.doc), text, matched: (r.matched as string[]) ?? [] };
}

export const SearchHit = {
  document: (h: { doc: string }, _: unknown, { loaders }: Context) => loaders.document.load(h.doc),
  commitment: (h: { kind: string; id: string }, _: unknown, { loaders }: Context) => (h.kind === 'COMMITMENT' ? loaders.commitment.load(h.id) : null),
  outcome: (h: { kind: string; id: string }, _: unknown, { loaders }: Context) => (h.kind === 'OUTCOME' ? loaders.outcome.load(h.id) : null),
};
