import { STATEMENT_CLASSES } from '../vocabulary.ts';
// Statements: does the pipeline cut the text where a reader does, and give
// each piece the class a reader gives it?
import type { StatementClass } from '../ingest/statements.ts';
import type { Span } from '../ingest/types.ts';
import { greedyMatch, jaccard, unmatched } from './match.ts';
import { prf, ratio, type Prf } from './metrics.ts';
import type { PredictedStatement } from './types.ts';

export const CLASSES: readonly StatementClass[] = STATEMENT_CLASSES;
/** Two statements are the same when their spans share at least half of what they cover together. */
export const STATEMENT_JACCARD = 0.5;

export interface LocatedGoldStatement {
  readonly span: Span;
  readonly class: StatementClass;
  readonly text: string;
}

/** counts[gold][predicted] over matched pairs. */
export type Confusion = Record<StatementClass, Record<StatementClass, number>>;

export interface StatementScore {
  readonly prf: Prf;
  readonly classification: { readonly correct: number; readonly matched: number; readonly accuracy: number | null };
  readonly confusion: Confusion;
  readonly misses: readonly LocatedGoldStatement[];
  readonly falseHits: readonly PredictedStatement[];
  readonly misclassified: ReadonlyArray<{ readonly gold: LocatedGoldStatement; readonly pred: PredictedStatement }>;
}

export function scoreStatements(gold: readonly LocatedGoldStatement[], pred: readonly PredictedStatement[]): StatementScore {
  const pairs = greedyMatch(gold.length, pred.length, (g, p) => {
    const j = jaccard(gold[g]!.span, pred[p]!.span);
    return j >= STATEMENT_JACCARD ? j : null;
  });
  const confusion = emptyConfusion();
  const misclassified: Array<{ gold: LocatedGoldStatement; pred: PredictedStatement }> = [];
  for (const pair of pairs) {
    const g = gold[pair.gold]!;
    const p = pred[pair.pred]!;
    confusion[g.class][p.class]++;
    if (g.class !== p.class) misclassified.push({ gold: g, pred: p });
  }
  const correct = pairs.length - misclassified.length;
  return {
    prf: prf(pairs.length, pred.length, gold.length),
    classification: { correct, matched: pairs.length, accuracy: ratio(correct, pairs.length) },
    confusion,
    misses: unmatched(gold.length, pairs, 'gold').map((i) => gold[i]!),
    falseHits: unmatched(pred.length, pairs, 'pred').map((i) => pred[i]!),
    misclassified,
  };
}

export function emptyConfusion(): Confusion {
  const row = (): Record<StatementClass, number> => ({ COMMITMENT: 0, OUTCOME: 0, PROBLEM: 0, BACKGROUND: 0 });
  return { COMMITMENT: row(), OUTCOME: row(), PROBLEM: row(), BACKGROUND: row() };
}

export function addConfusion(into: Confusion, from: Confusion): void {
  for (const g of CLASSES) for (const p of CLASSES) into[g][p] += from[g][p];
}
