// Compare a reported value with a target, by the target's comparator.

export type Comparison = 'MET' | 'EXCEEDED' | 'NOT_YET';

/** `达到80%以上` (GE 80) against 81.76 → MET; `≤4.2` against 3.15 → MET; `≥60` against 42.1 → NOT_YET. */
export function compareToTarget(actual: number, target: number, comparator: string | null): Comparison {
  switch (comparator) {
    case 'LE':
      return actual <= target ? 'MET' : 'NOT_YET';
    case 'LT':
      return actual < target ? 'MET' : 'NOT_YET';
    case 'GT':
      return actual > target ? 'MET' : 'NOT_YET';
    case 'APPROX':
      return Math.abs(actual - target) <= Math.abs(target) * 0.05 ? 'MET' : actual > target ? 'EXCEEDED' : 'NOT_YET';
    default:
      // EQ and GE: reaching the number meets it; going clearly past it (5 %) exceeds it.
      if (actual > target * 1.05 && target > 0) return 'EXCEEDED';
      return actual >= target ? 'MET' : 'NOT_YET';
  }
}
