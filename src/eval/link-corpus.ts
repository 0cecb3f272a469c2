// The corpus the link eval runs on: the five seeds and the 洛阳 fixture pair,
// ingested (and so relinked) into an in-memory store, then scored pair by pair.
import { openLadybugStore } from '../graph/ladybug/store.ts';
import { ingestFiles } from '../ingest/store/ingest.ts';
import { resolvePaths } from '../ingest/read/paths.ts';
import { linkOverall, readPredictedLinks, scoreLinkPair, type LinkGoldInput, type LinkOverall, type LinkPairScore, type PredictedLinks } from './links.ts';

export const LINK_CORPUS = ['seeds', 'test/fixtures/corpus/luoyang-2023-plan.txt', 'test/fixtures/corpus/luoyang-2023-summary.txt'];

export interface LinkEval {
  readonly pairs: readonly LinkPairScore[];
  readonly overall: LinkOverall;
  readonly predicted: PredictedLinks;
}

/** Ingest the corpus into a fresh in-memory store and score each named gold pair. */
export async function evaluateLinks(golds: ReadonlyArray<{ readonly name: string; readonly gold: LinkGoldInput }>, paths: readonly string[] = LINK_CORPUS): Promise<LinkEval> {
  const store = await openLadybugStore({ path: ':memory:' });
  try {
    await ingestFiles(await resolvePaths(paths), store);
    const predicted = await readPredictedLinks(store);
    const pairs = golds.map(({ name, gold }) => scoreLinkPair(name, gold, predicted));
    return { pairs, overall: linkOverall(pairs), predicted };
  } finally {
    await store.close();
  }
}
