import { describe, expect, it } from 'vitest';
import type { PredictedLinks, PredictedStatement } from '../../src/eval/links.ts';
import { scoreReporting } from '../../src/eval/reporting.ts';

const stmt = (text: string, reporting: string | null): PredictedStatement => ({
  doc: 'plan.txt', text, kind: 'Commitment', regionKey: 'r', terms: [], status: null, reporting, planYear: null, periodFrom: 2021, periodTo: 2025, dueYear: 2025, year: null,
});
const predicted = (statements: PredictedStatement[]): PredictedLinks => ({ evidence: [], continuations: [], statements });

describe('reporting by year against the link gold', () => {
  it('counts a state right when it is the gold state, and a verdict when REPORTED with the gold verdict', () => {
    const s = scoreReporting(
      2022,
      'plan.txt',
      ['建设市传染病医院', '推进医共体建设', '加强疾控中心建设'],
      [{ commitment: '建设市传染病医院', verdict: 'IN_PROGRESS' }],
      predicted([
        stmt('建设市传染病医院', '2021:NO_REPORT 2022:REPORTED/IN_PROGRESS@s'),
        stmt('推进医共体建设', '2022:SILENT@s'),
        stmt('加强疾控中心建设', '2022:REPORTED/MET@s'),
      ]),
    );
    expect(s.states).toEqual({ correct: 2, gold: 3, accuracy: 2 / 3 });
    expect(s.verdicts).toEqual({ correct: 1, gold: 1, accuracy: 1 });
    expect(s.silent).toMatchObject({ tp: 1, predicted: 1, gold: 2, precision: 1, recall: 0.5 });
    expect(s.wrong).toEqual([{ commitment: '加强疾控中心建设', gold: 'SILENT', predicted: 'REPORTED MET' }]);
  });

  it('a gold commitment plantrace did not find counts as wrong', () => {
    const s = scoreReporting(2022, 'plan.txt', ['完全不同的任务'], [], predicted([stmt('建设市传染病医院', '2022:SILENT@s')]));
    expect(s.wrong).toEqual([{ commitment: '完全不同的任务', gold: 'SILENT', predicted: 'not found' }]);
  });
});
