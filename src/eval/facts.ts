// Facts: institutions, quantities, indicator values and projects. Each
// scorer pairs gold with predictions one-to-one and says what was missed and
// what was predicted that a reader did not annotate.
import type { Span } from '../ingest/types.ts';
import { greedyMatch, jaccard, overlap, unmatched } from './match.ts';
import { prf, type Prf } from './metrics.ts';
import { nameSimilarity, normaliseName, normaliseProjectName } from './names.ts';
import type { GoldInput, PredictedIndicatorValue, PredictedInstitution, PredictedProject, PredictedQuantity } from './types.ts';

export interface FactScore<G, P> {
  readonly prf: Prf;
  readonly misses: readonly G[];
  readonly falseHits: readonly P[];
  /** Predictions set aside, neither hits nor false hits (projects: mentions of a 专栏 item). */
  readonly setAside?: readonly P[];
}

/** Indicator names must be this similar (see nameSimilarity) for two values to be one. */
export const INDICATOR_NAME_SIMILARITY = 0.5;
/** Project names must be this similar, after dropping 项目/工程/建设 endings. */
export const PROJECT_NAME_SIMILARITY = 0.6;

function score<G, P>(gold: readonly G[], pred: readonly P[], pairScore: (g: G, p: P) => number | null): FactScore<G, P> {
  const pairs = greedyMatch(gold.length, pred.length, (g, p) => pairScore(gold[g]!, pred[p]!));
  return {
    prf: prf(pairs.length, pred.length, gold.length),
    misses: unmatched(gold.length, pairs, 'gold').map((i) => gold[i]!),
    falseHits: unmatched(pred.length, pairs, 'pred').map((i) => pred[i]!),
  };
}

type GoldInstitution = GoldInput['institutions'][number];

/**
 * Institutions are entities of the document: each gold institution is found or
 * not, whatever the number of mentions. A prediction names a gold institution
 * when its full name equals the gold name, or its name or text equals one of
 * the ways the gold says the document writes it (text, aliases).
 */
export function scoreInstitutions(gold: readonly GoldInstitution[], pred: readonly PredictedInstitution[]): FactScore<GoldInstitution, PredictedInstitution> {
  return scoreEntities(gold, pred, (p) => normaliseName(p.name), (g, p) => {
    if (normaliseName(g.name) === normaliseName(p.name)) return 1;
    const written = [g.text, ...(g.aliases ?? [])].map(normaliseName);
    return written.includes(normaliseName(p.name)) || written.includes(normaliseName(p.text)) ? 0.5 : null;
  });
}

export interface LocatedGoldQuantity {
  readonly span: Span;
  readonly text: string;
  readonly value: number | null;
  readonly masked: boolean;
}

/** A quantity matches when the spans overlap and the values agree (both masked counts as agreeing). */
export function scoreQuantities(gold: readonly LocatedGoldQuantity[], pred: readonly PredictedQuantity[]): FactScore<LocatedGoldQuantity, PredictedQuantity> {
  return score(gold, pred, (g, p) => {
    if (overlap(g.span, p.span) === 0 || !sameValue(g, p)) return null;
    return jaccard(g.span, p.span);
  });
}

type GoldIndicatorValue = GoldInput['indicatorValues'][number];

/**
 * An indicator value matches when kind, year and value are equal and the
 * indicator names are similar (≥ INDICATOR_NAME_SIMILARITY). Position is not
 * compared: the same value may be quoted for several indicators.
 */
export function scoreIndicatorValues(gold: readonly GoldIndicatorValue[], pred: readonly PredictedIndicatorValue[]): FactScore<GoldIndicatorValue, PredictedIndicatorValue> {
  return score(gold, pred, (g, p) => {
    if (g.kind !== p.kind || g.year !== p.year || !sameValue(asValue(g.value), asValue(p.value))) return null;
    const similarity = nameSimilarity(normaliseName(g.indicator), normaliseName(p.indicator));
    return similarity >= INDICATOR_NAME_SIMILARITY ? similarity : null;
  });
}

type GoldProject = GoldInput['projects'][number];

/**
 * Projects are entities too, named by similarity (≥ PROJECT_NAME_SIMILARITY)
 * to the gold name or an alias. The gold lists projects named in running text;
 * 专栏 boxes have their own gold, so a prediction that is the title or an item
 * of one of the document's boxes (`boxNames`, the facts contract lets a
 * statement mention them) is set aside rather than counted as a false hit.
 */
export function scoreProjects(gold: readonly GoldProject[], pred: readonly PredictedProject[], boxNames: readonly string[] = []): FactScore<GoldProject, PredictedProject> {
  const fit = (g: GoldProject, p: PredictedProject): number | null => {
    const similarity = Math.max(...[g.name, ...(g.aliases ?? [])].map((n) => nameSimilarity(normaliseProjectName(n), normaliseProjectName(p.name))));
    return similarity >= PROJECT_NAME_SIMILARITY ? similarity : null;
  };
  const inBox = new Set(boxNames.map(normaliseProjectName));
  const scored = scoreEntities(gold, pred, (p) => normaliseProjectName(p.name), fit);
  const setAside = scored.falseHits.filter((p) => inBox.has(normaliseProjectName(p.name)));
  const falseHits = scored.falseHits.filter((p) => !inBox.has(normaliseProjectName(p.name)));
  return {
    prf: prf(scored.prf.tp, scored.prf.predicted - setAside.length, gold.length),
    misses: scored.misses,
    falseHits,
    setAside,
  };
}

/**
 * Entity scoring (institutions, projects): predictions are reduced to distinct
 * names; each names the gold entity it fits best, or none (a false hit).
 * Found = gold entities named at least once; predicted = found + false hits,
 * so two ways of writing one entity count once, not as a hit and a false hit.
 */
function scoreEntities<G, P>(gold: readonly G[], pred: readonly P[], key: (p: P) => string, fit: (g: G, p: P) => number | null): FactScore<G, P> {
  const found = new Set<number>();
  const falseHits: P[] = [];
  for (const p of distinctBy(pred, key)) {
    const best = bestFit(gold, (g) => fit(g, p));
    if (best === null) falseHits.push(p);
    else found.add(best);
  }
  return {
    prf: prf(found.size, found.size + falseHits.length, gold.length),
    misses: gold.filter((_, i) => !found.has(i)),
    falseHits,
  };
}

function bestFit<G>(gold: readonly G[], fit: (g: G) => number | null): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  gold.forEach((g, i) => {
    const s = fit(g);
    if (s !== null && s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

function sameValue(a: { value: number | null; masked: boolean }, b: { value: number | null; masked: boolean }): boolean {
  if (a.masked || b.masked) return a.masked && b.masked;
  if (a.value === null || b.value === null) return false;
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}

/** The first of each group of items with the same key, in order. */
function distinctBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** An indicator value with no number is a masked one (the gold schema makes them the same). */
function asValue(value: number | null): { value: number | null; masked: boolean } {
  return { value, masked: value === null };
}
