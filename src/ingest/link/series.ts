import type { TargetVerdict } from '../../vocabulary.ts';
import { betterOf, compareToTarget, type Better } from './compare.ts';
import { LINK_RULES } from './rules.ts';

export interface SeriesPoint {
  readonly kind: 'BASELINE' | 'TARGET' | 'ACTUAL';
  readonly year: number | null;
  readonly value: number | null;
  readonly comparator: string | null;
  /** A range's upper end, where the value is one. */
  readonly upper?: number | null;
}

export type ProgressVerdict = 'TARGET_MET' | 'ON_TRACK' | 'ACCELERATION_NEEDED' | 'LIMITED_PROGRESS' | 'MOVING_AWAY' | 'INSUFFICIENT_DATA';

export interface ProgressAssessment {
  readonly verdict: ProgressVerdict;
  readonly baseline: SeriesPoint | null;
  readonly target: SeriesPoint | null;
  readonly actual: SeriesPoint | null;
  /** Change per year the target needs from the baseline. */
  readonly requiredPerYear: number | null;
  /** Change per year observed from the baseline to the latest actual. */
  readonly observedPerYear: number | null;
  /** observed / required: 1 is exactly on track. */
  readonly ratio: number | null;
  readonly explanation: string;
}

type Dated = SeriesPoint & { year: number; value: number };
const dated = (p: SeriesPoint): p is Dated => p.year !== null && p.value !== null;

/**
 * Compare the growth observed so far with the growth the target needs (the
 * method national SDG dashboards use). The target is the plan's own: the
 * first target due at or after the latest reported value (a 2025 target
 * before a 2035 vision), else the latest. The baseline is the latest baseline
 * before that target (the plan's base year; 十三五 figures restated in a
 * 十四五 plan are older), else the earliest value reported. Only a value
 * reported after the baseline is progress: a restated baseline never meets a
 * target. Stated with the numbers it used.
 */
export function assessProgress(points: readonly SeriesPoint[], better: Better = 'HIGHER'): ProgressAssessment {
  const usable = points.filter(dated);
  const actuals = usable.filter((p) => p.kind === 'ACTUAL');
  const targets = usable.filter((p) => p.kind === 'TARGET').sort((a, b) => a.year - b.year);
  const newest = latest(actuals);
  const target = (newest && targets.find((t) => t.year >= newest.year)) ?? targets[targets.length - 1] ?? null;
  const planBaseline = latest(usable.filter((p) => p.kind === 'BASELINE' && (!target || p.year < target.year)));
  const baseline = planBaseline ?? earliest(actuals);
  const after = planBaseline ? latest(actuals.filter((p) => p.year > planBaseline.year)) : newest;
  if (target && after && compareToTarget(after.value, target.value, target.comparator, better, target.upper ?? null) !== 'NOT_YET') {
    return {
      baseline, target, actual: after, requiredPerYear: null, observedPerYear: null, ratio: null,
      verdict: 'TARGET_MET',
      explanation: `${after.value} reported for ${after.year} meets the ${target.year} target ${target.value}.`,
    };
  }
  const actual = baseline ? latest(usable.filter((p) => p.kind === 'ACTUAL' && p.year > baseline.year)) : null;
  const none = { baseline, target, actual, requiredPerYear: null, observedPerYear: null, ratio: null };
  if (!target || !actual) {
    return { ...none, verdict: 'INSUFFICIENT_DATA', explanation: `Needs a target and a reported value after the baseline; has ${describePoints(usable)}.` };
  }
  if (!baseline || target.year <= baseline.year) {
    return { ...none, verdict: 'INSUFFICIENT_DATA', explanation: 'Needs a baseline before the target year to measure the pace.' };
  }
  const requiredPerYear = (target.value - baseline.value) / (target.year - baseline.year);
  const observedPerYear = (actual.value - baseline.value) / (actual.year - baseline.year);
  if (requiredPerYear === 0) {
    return { ...none, verdict: 'INSUFFICIENT_DATA', explanation: 'The target equals the baseline: there is no pace to measure.' };
  }
  const ratio = observedPerYear / requiredPerYear;
  const verdict: ProgressVerdict =
    ratio >= LINK_RULES.progressOnTrack ? 'ON_TRACK' : ratio >= LINK_RULES.progressAcceleration ? 'ACCELERATION_NEEDED' : ratio >= 0 ? 'LIMITED_PROGRESS' : 'MOVING_AWAY';
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    baseline,
    target,
    actual,
    requiredPerYear: r(requiredPerYear),
    observedPerYear: r(observedPerYear),
    ratio: r(ratio),
    verdict,
    explanation:
      `From ${baseline.value} (${baseline.year}) the target ${target.value} (${target.year}) needs ${r(requiredPerYear)} a year; ` +
      `${actual.value} (${actual.year}) is ${r(observedPerYear)} a year, ${Math.round(ratio * 100)}% of the pace needed.`,
  };
}

function latest(ps: Dated[]): Dated | null {
  return ps.reduce<Dated | null>((best, p) => (!best || p.year > best.year ? p : best), null);
}

function earliest(ps: Dated[]): Dated | null {
  return ps.reduce<Dated | null>((best, p) => (!best || p.year < best.year ? p : best), null);
}

function describePoints(ps: readonly Dated[]): string {
  return ps.length ? ps.map((p) => `${p.kind.toLowerCase()} ${p.value} (${p.year})`).join(', ') : 'no dated values';
}

export interface TargetReport<P extends SeriesPoint> {
  readonly year: number;
  readonly target: P;
  /** The value reported for the target's own year, or null when the corpus has none. */
  readonly actual: P | null;
  readonly verdict: TargetVerdict;
  readonly explanation: string;
}

/**
 * Each year's target against the value reported for that same year (a work
 * report's 预期目标 against the next year's review): MET, EXCEEDED or NOT_MET
 * by compareToTarget, NO_VALUE when no value of that year is there. Points
 * are one region's, in the order given; `indicator` names the measure, which
 * says whether less is better.
 */
export function againstTargets<P extends SeriesPoint>(points: readonly P[], indicator: string): Array<TargetReport<P>> {
  const better = betterOf(indicator);
  const out: Array<TargetReport<P>> = [];
  for (const target of points) {
    if (target.kind !== 'TARGET' || target.year === null || target.value === null) continue;
    const actual = points.find((p) => p.kind === 'ACTUAL' && p.year === target.year && p.value !== null) ?? null;
    if (!actual) {
      out.push({ year: target.year, target, actual, verdict: 'NO_VALUE', explanation: `No value of ${indicator} for ${target.year} is in the corpus.` });
      continue;
    }
    const cmp = compareToTarget(actual.value!, target.value, target.comparator, better, target.upper ?? null);
    const verdict: TargetVerdict = cmp === 'NOT_YET' ? 'NOT_MET' : cmp;
    const band = target.upper != null ? `–${target.upper}` : target.comparator === 'APPROX' ? ` (左右: ${round(target.value * 0.95)}–${round(target.value * 1.05)})` : '';
    const words = { MET: 'meets', EXCEEDED: 'exceeds', NOT_MET: 'falls short of' }[verdict];
    out.push({
      year: target.year,
      target,
      actual,
      verdict,
      explanation: `${actual.value} reported for ${target.year} ${words} the target ${target.comparator ?? ''} ${target.value}${band}${better === 'LOWER' ? ', a ceiling' : ''}.`.replace('  ', ' '),
    });
  }
  return out.sort((a, b) => a.year - b.year);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
