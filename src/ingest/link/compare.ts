// Compare a reported value with a target, by the target's comparator and the
// direction the indicator counts in.
import { LOWER_IS_BETTER } from '../lexicon/indicators.ts';

export type Comparison = 'MET' | 'EXCEEDED' | 'NOT_YET';
export type Better = 'HIGHER' | 'LOWER';

/** Which way an indicator counts, from its name or id: a ceiling (unemployment, price rises, mortality) is met from below. */
export function betterOf(indicator: string): Better {
  return LOWER_IS_BETTER.test(indicator) ? 'LOWER' : 'HIGHER';
}

/**
 * `达到80%以上` (GE 80) against 81.76 → MET; `≤4.2` against 3.15 → MET; `≥60`
 * against 42.1 → NOT_YET. `左右` is a band of 5% of the target either way
 * (6.5%左右: 6.175–6.825), the tolerance a reader grants a round planning
 * figure: above it EXCEEDED, below it NOT_YET — unless less is better
 * (`居民消费价格涨幅3%左右` against 2%), where anything up to the band's top is MET.
 * A range (`6.5%－7%`, `upper` 7) is met inside it and exceeded above it.
 */
export function compareToTarget(actual: number, target: number, comparator: string | null, better: Better = 'HIGHER', upper: number | null = null): Comparison {
  if (upper !== null) {
    if (better === 'LOWER') return actual <= upper ? 'MET' : 'NOT_YET';
    return actual > upper ? 'EXCEEDED' : actual >= target ? 'MET' : 'NOT_YET';
  }
  const band = Math.abs(target) * 0.05;
  switch (comparator) {
    case 'LE':
      return actual <= target ? 'MET' : 'NOT_YET';
    case 'LT':
      return actual < target ? 'MET' : 'NOT_YET';
    case 'GT':
      return actual > target ? 'MET' : 'NOT_YET';
    case 'APPROX':
      if (better === 'LOWER') return actual <= target + band ? 'MET' : 'NOT_YET';
      return Math.abs(actual - target) <= band ? 'MET' : actual > target ? 'EXCEEDED' : 'NOT_YET';
    default:
      if (better === 'LOWER') return actual <= target ? 'MET' : 'NOT_YET';
      // EQ and GE: reaching the number meets it; going clearly past it (5 %) exceeds it.
      if (actual > target + band && target > 0) return 'EXCEEDED';
      return actual >= target ? 'MET' : 'NOT_YET';
  }
}
