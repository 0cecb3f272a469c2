// Precision, recall and F1 from counts. A ratio with nothing to divide by is
// null (shown as —), not 0 or 1: "nothing predicted" is not "all wrong".

export interface Prf {
  readonly tp: number;
  readonly predicted: number;
  readonly gold: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted === 0 ? null : tp / predicted;
  const recall = gold === 0 ? null : tp / gold;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, predicted, gold, precision, recall, f1 };
}

/** Micro-average: add the counts of several documents, then take the ratios. */
export function sumPrf(parts: readonly Prf[]): Prf {
  const add = (key: 'tp' | 'predicted' | 'gold'): number => parts.reduce((n, p) => n + p[key], 0);
  return prf(add('tp'), add('predicted'), add('gold'));
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
