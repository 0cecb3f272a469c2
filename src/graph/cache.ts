import type { Counts, DocumentBatch, GraphStore, LinkBatch, Query } from './port.ts';

export interface ReadCacheOptions {
  /** Distinct queries kept; the least recently used goes first. */
  readonly maxEntries?: number;
  /** Results with more rows than this are not kept (memory stays bounded). */
  readonly maxRows?: number;
}

type Rows = Array<Record<string, unknown>>;

/**
 * Answers repeated reads from memory. The graph only changes through this
 * store's writes, so every write empties the cache — correct only where this
 * process is the only writer, as with the embedded engine (its file lock
 * keeps other writers out). A read that overlaps a write is never kept:
 * each write bumps a generation, and a result is stored only if the
 * generation it started in is still current.
 *
 * Results are shared between callers: treat them as read-only.
 */
export function withReadCache(store: GraphStore, { maxEntries = 2000, maxRows = 5000 }: ReadCacheOptions = {}): GraphStore {
  const cache = new Map<string, Rows>();
  let generation = 0;
  let texts = 0;
  const pending = new Map<string, Promise<Rows>>();

  const invalidate = () => {
    generation++;
    cache.clear();
    pending.clear();
  };
  const writing = async <T>(write: () => Promise<T>): Promise<T> => {
    invalidate();
    try {
      return await write();
    } finally {
      invalidate();
    }
  };
  // A write of documents' own nodes: before and after, as for the generation.
  const writingTexts = async <T>(write: () => Promise<T>): Promise<T> => {
    texts++;
    try {
      return await writing(write);
    } finally {
      texts++;
    }
  };

  return {
    engine: store.engine,
    replaceDocuments: (batches: readonly DocumentBatch[]) => writingTexts(() => store.replaceDocuments(batches)),
    replaceLinks: (links: LinkBatch) => writing(() => store.replaceLinks(links)),
    removeDocument: (id: string) => writingTexts(() => store.removeDocument(id)),
    recordReviews: (reviews) => writing(() => store.recordReviews(reviews)),
    reset: (options) => writingTexts(() => store.reset(options)),
    checkpoint: () => store.checkpoint(),
    ...(store.redoDir === undefined ? {} : { redoDir: store.redoDir }),
    recovered: store.recovered ?? null,
    counts: (): Promise<Counts> => store.counts(),
    generation: () => generation,
    textGeneration: () => texts,
    close: () => {
      texts++;
      invalidate();
      return store.close();
    },
    read: async (query: Query): Promise<Rows> => {
      const key = `${query.text}\u0000${JSON.stringify(query.params)}`;
      const hit = cache.get(key);
      if (hit) {
        // Refresh its place in the LRU order.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      // Concurrent identical reads share one trip to the store.
      const inFlight = pending.get(key);
      if (inFlight) return inFlight;
      const started = generation;
      const trip = store.read(query);
      pending.set(key, trip);
      try {
        const rows = await trip;
        if (generation === started && rows.length <= maxRows) {
          cache.set(key, rows);
          if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
        }
        return rows;
      } finally {
        if (pending.get(key) === trip) pending.delete(key);
      }
    },
  };
}
