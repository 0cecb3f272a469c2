import { describe, expect, it } from 'vitest';
import { linkOverall, scoreLinkPair, textMatch, type PredictedLinks, type PredictedStatement } from '../../src/eval/links.ts';

const stmt = (doc: string, text: string, kind: PredictedStatement['kind'], status: string | null = null): PredictedStatement => ({
  doc, text, kind, regionKey: 'r', terms: [...text], status, reporting: null, planYear: kind === 'Commitment' ? 2023 : null, periodFrom: null, periodTo: null, dueYear: null, year: kind === 'Outcome' ? 2023 : null,
});
const P = 'plan.txt';
const S = 'summary.txt';
const gold = {
  documents: [P, S],
  evidence: [
    { commitment: '建成甲医院', outcome: '甲医院已建成', verdict: 'MET' },
    { commitment: '建成甲医院', outcome: '乙项目开工', verdict: 'NOT_MET' },
    { commitment: '筛查3万人', outcome: '筛查3.2万人', verdict: 'MET' },
  ],
  continuation: [{ later: '加快乙项目', earlier: '乙项目开工' }],
  status: [
    { commitment: '建成甲医院', status: 'PARTIAL' },
    { commitment: '筛查3万人', status: 'MET' },
    { commitment: '签约率75%', status: 'NOT_REPORTED' },
  ],
};
const predicted: PredictedLinks = {
  evidence: [
    // Cut longer than the gold on both ends: still the gold pair.
    { commitment: { doc: P, text: '建成甲医院，年底投用' }, outcome: { doc: S, text: '甲医院已建成' }, verdict: 'MET', score: 0.9 },
    { commitment: { doc: P, text: '筛查3万人' }, outcome: { doc: S, text: '筛查3.2万人' }, verdict: 'EXCEEDED', score: 0.8 },
    { commitment: { doc: P, text: '筛查3万人' }, outcome: { doc: S, text: '甲医院已建成' }, verdict: 'MET', score: 0.3 },
    // Out of scope: another document.
    { commitment: { doc: 'other.txt', text: '建成甲医院' }, outcome: { doc: S, text: '乙项目开工' }, verdict: 'MET', score: 0.5 },
  ],
  continuations: [
    { later: { doc: S, text: '加快乙项目' }, earlier: { doc: S, text: '乙项目开工' }, score: 0.5 },
    { later: { doc: S, text: '加快乙项目' }, earlier: { doc: P, text: '建成甲医院' }, score: 0.4 },
  ],
  statements: [
    stmt(P, '建成甲医院，年底投用', 'Commitment', 'PARTIAL'),
    stmt(P, '筛查3万人', 'Commitment', 'EXCEEDED'),
    stmt(P, '签约率75%', 'Commitment', 'NOT_REPORTED'),
    stmt(S, '甲医院已建成', 'Outcome'),
    stmt(S, '筛查3.2万人', 'Outcome'),
    stmt(S, '加快乙项目', 'Commitment', 'UNTRACKED'),
  ],
};

describe('textMatch', () => {
  it('is 1 for equal texts, the length ratio for containment either way, null otherwise', () => {
    expect(textMatch('甲医院', '甲医院')).toBe(1);
    expect(textMatch('建成甲医院', '甲医院')).toBeCloseTo(3 / 5);
    expect(textMatch('甲医院', '建成甲医院')).toBeCloseTo(3 / 5);
    expect(textMatch('乙医院', '甲医院')).toBeNull();
    expect(textMatch('', '甲医院')).toBeNull();
  });
});

describe('scoreLinkPair', () => {
  const s = scoreLinkPair('t', gold, predicted);

  it('counts a predicted link when both ends match a gold pair, one-to-one, within the gold’s documents', () => {
    expect(s.evidence).toMatchObject({ tp: 2, predicted: 3, gold: 3 });
    expect(s.falseEvidence.map((f) => `${f.commitment.text}|${f.outcome.text}`)).toEqual(['筛查3万人|甲医院已建成']);
    expect(s.evidenceMisses.map((m) => m.outcome)).toEqual(['乙项目开工']);
  });

  it('says why a gold link was missed', () => {
    expect(s.evidenceMisses[0]!.cause).toContain('not a predicted statement');
  });

  it('scores verdicts over the matched links only', () => {
    expect(s.verdicts).toEqual({ correct: 1, matched: 2, accuracy: 0.5 });
    expect(s.wrongVerdicts).toEqual([{ commitment: '筛查3万人', outcome: '筛查3.2万人', gold: 'MET', predicted: 'EXCEEDED' }]);
  });

  it('scores continuations like evidence', () => {
    expect(s.continuation).toMatchObject({ tp: 1, predicted: 2, gold: 1 });
    expect(s.falseContinuations).toHaveLength(1);
  });

  it('scores statuses over the gold statuses, through the best-matching commitment', () => {
    expect(s.status).toEqual({ correct: 2, gold: 3, accuracy: 2 / 3 });
    expect(s.wrongStatuses).toEqual([{ commitment: '筛查3万人', gold: 'MET', predicted: 'EXCEEDED' }]);
  });

  it('micro-averages pairs', () => {
    const o = linkOverall([s, s]);
    expect(o.evidence).toMatchObject({ tp: 4, predicted: 6, gold: 6 });
    expect(o.status.accuracy).toBeCloseTo(2 / 3);
  });
});
