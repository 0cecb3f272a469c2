import { currentIndex } from '../search/source.ts';
import { search as searchIndex, type Hit } from '../search/query.ts';
import { pageOf } from './connection.ts';
import { parseAll } from './errors.ts';
import { pageArgs, parseArg, SearchText, SearchWhere } from './inputs.ts';
import type { Context } from './loaders.ts';

/**
 * Chinese free-text search over commitments, outcomes and 专栏 projects,
 * from the in-memory index kept in step with the store (src/search): ranked
 * by BM25, filtered, paged like every other list.
 */
export async function search(_: unknown, args: Record<string, unknown>, { store }: Context) {
  const [text, where, page] = parseAll(
    () => parseArg(SearchText, args.text, 'text'),
    () => parseArg(SearchWhere, args.where, 'where'),
    () => pageArgs(args.first ?? 20, args.after),
  );
  const { kind, ...filter } = where;
  const result = searchIndex(await currentIndex(store), { text, where: { ...filter, kinds: kind }, skip: page.skip, limit: page.limit });
  return pageOf(page, async () => result.total, async () => result.hits);
}

export const SearchHit = {
  id: (h: Hit) => h.entry.id,
  kind: (h: Hit) => h.entry.kind,
  text: (h: Hit) => h.entry.text,
  name: (h: Hit) => h.entry.name,
  region: (h: Hit) => h.entry.region,
  source: (h: Hit) => ({ documentId: h.entry.doc, quote: h.entry.quote, start: h.entry.start, end: h.entry.end }),
  document: (h: Hit, _: unknown, { loaders }: Context) => loaders.document.load(h.entry.doc),
  commitment: (h: Hit, _: unknown, { loaders }: Context) => (h.entry.kind === 'COMMITMENT' ? loaders.commitment.load(h.entry.id) : null),
  outcome: (h: Hit, _: unknown, { loaders }: Context) => (h.entry.kind === 'OUTCOME' ? loaders.outcome.load(h.entry.id) : null),
};
