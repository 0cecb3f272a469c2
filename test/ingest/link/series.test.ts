import { describe, expect, it } from 'vitest';
import { assessProgress, type SeriesPoint } from '../../../src/ingest/link/series.ts';

const p = (kind: SeriesPoint['kind'], year: number, value: number, comparator: string | null = null): SeriesPoint => ({ kind, year, value, comparator });

describe('indicator progress against the target', () => {
  it('on track when the pace observed matches the pace needed', () => {
    const a = assessProgress([p('BASELINE', 2020, 42.1), p('TARGET', 2025, 60, 'GE'), p('ACTUAL', 2022, 50)]);
    expect(a.verdict).toBe('ON_TRACK');
    expect(a.requiredPerYear).toBe(3.58);
    expect(a.observedPerYear).toBe(3.95);
    expect(a.explanation).toContain('42.1 (2020)');
  });

  it('acceleration needed, limited progress, moving away', () => {
    expect(assessProgress([p('BASELINE', 2020, 42.1), p('TARGET', 2025, 60, 'GE'), p('ACTUAL', 2022, 47)]).verdict).toBe('ACCELERATION_NEEDED');
    expect(assessProgress([p('BASELINE', 2020, 42.1), p('TARGET', 2025, 60, 'GE'), p('ACTUAL', 2022, 43)]).verdict).toBe('LIMITED_PROGRESS');
    expect(assessProgress([p('BASELINE', 2020, 42.1), p('TARGET', 2025, 60, 'GE'), p('ACTUAL', 2022, 40)]).verdict).toBe('MOVING_AWAY');
  });

  it('a falling target (mortality ≤) is on track when the value falls fast enough', () => {
    expect(assessProgress([p('BASELINE', 2020, 16.67), p('TARGET', 2025, 9.5, 'LE'), p('ACTUAL', 2022, 12)]).verdict).toBe('ON_TRACK');
  });

  it('target met; and insufficient data without a reported value (2.6 m² by 2025, only a target)', () => {
    expect(assessProgress([p('TARGET', 2023, 80, 'GE'), p('ACTUAL', 2022, 81.76)]).verdict).toBe('TARGET_MET');
    const a = assessProgress([p('TARGET', 2025, 2.6)]);
    expect(a.verdict).toBe('INSUFFICIENT_DATA');
    expect(a.explanation).toContain('target 2.6 (2025)');
  });

  it('a restated baseline is not progress: the plan’s baseline year’s value does not meet its target', () => {
    const a = assessProgress([p('BASELINE', 2015, 3.77), p('ACTUAL', 2020, 3.15), p('BASELINE', 2020, 3.15), p('TARGET', 2025, 4.2, 'LE')], 'LOWER');
    expect(a.verdict).toBe('INSUFFICIENT_DATA');
    const later = assessProgress([p('BASELINE', 2020, 3.15), p('TARGET', 2025, 4.2, 'LE'), p('ACTUAL', 2022, 3.0)], 'LOWER');
    expect(later.verdict).toBe('TARGET_MET');
  });

  it('measures against the plan’s own target, not a later vision', () => {
    const a = assessProgress([p('BASELINE', 2020, 42.1), p('TARGET', 2025, 60, 'GE'), p('TARGET', 2035, 90, 'GE'), p('ACTUAL', 2022, 50)]);
    expect(a.target?.year).toBe(2025);
    expect(a.verdict).toBe('ON_TRACK');
    const past = assessProgress([p('BASELINE', 2020, 42.1), p('TARGET', 2025, 60, 'GE'), p('TARGET', 2035, 90, 'GE'), p('ACTUAL', 2026, 61)]);
    expect(past.target?.year).toBe(2035);
  });
});
