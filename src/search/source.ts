import type { GraphStore } from '../graph/port.ts';
import { searchQueries } from '../graph/queries/search.ts';
import { buildIndexInSlices, type IndexInput, type SearchEntry, type SearchIndex } from './index.ts';

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Every searchable entry in the store: four reads, whatever the corpus's size. */
export async function readEntries(store: GraphStore): Promise<IndexInput[]> {
  const [documents, commitments, outcomes, projects] = await Promise.all([
    store.read(searchQueries.documents()),
    store.read(searchQueries.commitments()),
    store.read(searchQueries.outcomes()),
    store.read(searchQueries.projects()),
  ]);
  const docs = new Map(documents.map((d) => [String(d.id), { region: str(d.region), years: ((d.years as unknown[] | null) ?? []).map(Number) }]));
  const placed = (r: Row, kind: SearchEntry['kind'], text: string, name: string | null, yearFrom: number | null, yearTo: number | null): SearchEntry => ({
    id: String(r.id),
    kind,
    doc: String(r.doc),
    text,
    name,
    start: Number(r.spanStart),
    end: Number(r.spanEnd),
    // Mostly the text itself: one string then, not two copies of it (a million statements at 1000×).
    quote: str(r.quote) === text ? text : (str(r.quote) ?? text),
    region: docs.get(String(r.doc))?.region ?? null,
    yearFrom,
    yearTo,
  });
  // A statement's words as ingest segmented them (its `terms`): reading them is cheaper than segmenting again.
  const statement = (kind: 'COMMITMENT' | 'OUTCOME') => (r: Row): IndexInput => ({
    ...placed(r, kind, String(r.text ?? ''), null, int(r.yearFrom), int(r.yearTo)),
    words: ((r.terms as unknown[] | null) ?? []).map(String),
  });
  return [
    ...commitments.map(statement('COMMITMENT')),
    ...outcomes.map(statement('OUTCOME')),
    ...projects.map((r) => {
      const name = String(r.name ?? '');
      const description = str(r.description);
      // The quote is the project as the box writes it (name：description); a project read without one is its name.
      const text = str(r.quote) || (description ? `${name}：${description}` : name);
      // A project has no year of its own: it speaks for its document's.
      const years = docs.get(String(r.doc))?.years ?? [];
      return placed(r, 'PROJECT', text, name, years.length ? Math.min(...years) : null, years.length ? Math.max(...years) : null);
    }),
  ];
}

interface Held {
  readonly generation: number;
  readonly index: Promise<SearchIndex>;
}

const held = new WeakMap<GraphStore, Held>();

/**
 * The index of the store as it is now. A store that knows when its documents
 * are written (the read cache's text generation, src/graph/cache.ts: every
 * write of documents bumps it, a relink or a review does not, as the index
 * holds no link or status) keeps its index until the next such write, and
 * the first search after it builds it again from the store; searches
 * meanwhile share that build.
 * A build that a write overlapped answers the searches that waited on it, as
 * a read overlapping a write does, and the next search builds afresh. A store
 * that cannot say when it changes (Neo4j, which other processes may write)
 * builds the index for each search: correct, and slow on a large corpus.
 */
export function currentIndex(store: GraphStore): Promise<SearchIndex> {
  const generation = store.textGeneration?.();
  if (generation === undefined) return readEntries(store).then(buildIndexInSlices);
  const kept = held.get(store);
  if (kept && kept.generation === generation) return kept.index;
  const index = readEntries(store).then(buildIndexInSlices);
  held.set(store, { generation, index });
  // A failed build is not kept: the next search tries again.
  index.catch(() => {
    if (held.get(store)?.index === index) held.delete(store);
  });
  return index;
}
