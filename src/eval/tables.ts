// Indicator-table rows (the 24 of 002's “十四五”主要发展指标) against their gold.
import { greedyMatch, unmatched } from './match.ts';
import { prf, type Prf } from './metrics.ts';
import { normaliseName } from './names.ts';
import type { GoldTableCell, GoldTableRow, PredictedTableRow } from './types.ts';

export interface RowMismatch {
  readonly gold: GoldTableRow;
  /** The fields that differ, e.g. `target.value 4.2 ≠ 4.3`. */
  readonly fields: readonly string[];
}

export interface TableScore {
  /** A row counts as found only when every checked field is right. */
  readonly prf: Prf;
  readonly misses: readonly GoldTableRow[];
  readonly wrong: readonly RowMismatch[];
  readonly falseHits: readonly PredictedTableRow[];
}

/** Rows pair by name; a paired row with any field wrong is reported as wrong, not found. */
export function scoreTableRows(gold: readonly GoldTableRow[], pred: readonly PredictedTableRow[]): TableScore {
  const pairs = greedyMatch(gold.length, pred.length, (g, p) => (normaliseName(gold[g]!.name) === normaliseName(pred[p]!.name) ? 1 : null));
  const wrong: RowMismatch[] = [];
  for (const pair of pairs) {
    const fields = differences(gold[pair.gold]!, pred[pair.pred]!);
    if (fields.length > 0) wrong.push({ gold: gold[pair.gold]!, fields });
  }
  return {
    prf: prf(pairs.length - wrong.length, pred.length, gold.length),
    misses: unmatched(gold.length, pairs, 'gold').map((i) => gold[i]!),
    wrong,
    falseHits: unmatched(pred.length, pairs, 'pred').map((i) => pred[i]!),
  };
}

function differences(gold: GoldTableRow, pred: GoldTableRow): string[] {
  const out: string[] = [];
  const check = (field: string, a: unknown, b: unknown): void => {
    if (a !== b) out.push(`${field} ${String(a)} ≠ ${String(b)}`);
  };
  check('number', gold.number, pred.number);
  check('unit', gold.unit, pred.unit);
  check('attribute', gold.attribute, pred.attribute);
  for (const side of ['baseline', 'target'] as const) {
    const [g, p]: [GoldTableCell, GoldTableCell] = [gold[side], pred[side]];
    check(`${side}.value`, g.value, p.value);
    check(`${side}.comparator`, g.comparator, p.comparator);
    check(`${side}.qualitative`, g.qualitative, p.qualitative);
    check(`${side}.missing`, g.missing, p.missing);
  }
  return out;
}
