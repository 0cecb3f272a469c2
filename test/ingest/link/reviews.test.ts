import { describe, expect, it } from 'vitest';
import { computeLinks } from '../../../src/ingest/link/compute.ts';
import { judge, type LinkDecision, type NamedStatement } from '../../../src/ingest/link/reviews.ts';
import type { LinkCommitment, LinkOutcome } from '../../../src/ingest/link/types.ts';

const R = 'region:411300';

function commitment(id: string, doc: string, terms: string[], years: { plan?: number; from: number; to: number; due?: number }): LinkCommitment {
  return {
    id, doc, regionKey: R, region: '南阳市', text: terms.join(''), terms, clauses: [], broad: false, plan: null,
    planYear: years.plan ?? null, periodFrom: years.from, periodTo: years.to, dueYear: years.due ?? years.to, ord: 0, lead: null,
    institutions: [], indicators: [],
  };
}

function outcome(id: string, doc: string, terms: string[], year: number, regionKey = R): LinkOutcome {
  return { id, doc, regionKey, region: '南阳市', text: terms.join(''), terms, broad: false, year, progress: null, ord: 0, institutions: [], indicators: [] };
}

// A five-year plan, its 2022 summary, and the 2023 plan.
const relocate = commitment('p5:relocate', 'plan5', ['中心医院', '迁建', '新区', '医院', '投用'], { from: 2021, to: 2025 });
const cdc = commitment('p5:cdc', 'plan5', ['疾控中心', '标准化', '实验室'], { from: 2021, to: 2025, due: 2022 });
const relocateReport = outcome('s22:relocate', 'sum22', ['推进', '中心医院', '新区', '医院', '院区'], 2022);
const testing = outcome('s22:testing', 'sum22', ['核酸', '检测', '能力'], 2022);
const later = commitment('p23:relocate', 'plan23', ['加快', '中心医院', '迁建', '院区'], { plan: 2023, from: 2023, to: 2023 });
const elsewhere = outcome('x:testing', 'other', ['核酸', '检测', '能力'], 2022, 'region:410200');

const decision = (kind: LinkDecision['kind'], from: LinkCommitment, to: LinkCommitment | LinkOutcome, verdict: LinkDecision['decision'], seen: Partial<LinkDecision> = {}): LinkDecision => ({
  id: `rv:${from.id}>${to.id}`, kind, from: from.id, to: to.id, decision: verdict, fromText: from.text, toText: to.text, ...seen,
});

const link = (decisions: LinkDecision[] = []) =>
  computeLinks([R, 'region:410200'], [relocate, cdc, later], [relocateReport, testing, elsewhere], decisions);
const evidence = (r: ReturnType<typeof link>) => r.evidence.map((e) => `${e.commitment}>${e.outcome}${e.review ? ` ${e.review}` : ''}`);
const continuation = (r: ReturnType<typeof link>) => r.continuations.map((c) => `${c.from}>${c.to}${c.review ? ` ${c.review}` : ''}`);
const status = (r: ReturnType<typeof link>, id: string) => r.statuses.find((s) => s.commitment === id)!;

describe('reviewers’ decisions in the link stage', () => {
  it('without decisions, the rules alone decide (the baseline the tests below change)', () => {
    const r = link();
    expect(evidence(r)).toEqual(['p5:relocate>s22:relocate']);
    expect(continuation(r)).toEqual(['p23:relocate>p5:relocate', 'p23:relocate>s22:relocate']);
    expect(status(r, 'p5:relocate').status).toBe('IN_PROGRESS');
    expect(status(r, 'p5:cdc').status).toBe('NOT_REPORTED');
  });

  it('a rejected link is not made, and the status no longer counts its verdict', () => {
    const r = link([decision('EVIDENCE', relocate, relocateReport, 'REJECT')]);
    expect(evidence(r)).toEqual([]);
    expect(status(r, 'p5:relocate').status).toBe('UNTRACKED');
    expect(status(r, 'p5:relocate').reporting.find((y) => y.year === 2022)?.state).toBe('SILENT');
  });

  it('a confirmed link is made even though the rules would not, with what its words share as the score, and its verdict counts', () => {
    const r = link([decision('EVIDENCE', cdc, testing, 'CONFIRM')]);
    const made = r.evidence.find((e) => e.commitment === 'p5:cdc')!;
    expect(made).toMatchObject({ outcome: 's22:testing', review: 'rv:p5:cdc>s22:testing', verdict: 'MET', score: 0 });
    expect(status(r, 'p5:cdc').status).toBe('MET');
  });

  it('a confirmed link the rules make too keeps its score and carries the decision', () => {
    const machine = link().evidence[0]!;
    const r = link([decision('EVIDENCE', relocate, relocateReport, 'CONFIRM')]);
    expect(r.evidence).toEqual([{ ...machine, review: 'rv:p5:relocate>s22:relocate' }]);
  });

  it('continuations are confirmed and rejected the same way', () => {
    const r = link([decision('CONTINUATION', later, relocate, 'REJECT'), decision('CONTINUATION', later, cdc, 'CONFIRM')]);
    expect(continuation(r)).toEqual(['p23:relocate>s22:relocate', 'p23:relocate>p5:cdc rv:p23:relocate>p5:cdc']);
    expect(r.continuations[1]).toMatchObject({ toKind: 'Commitment', verdict: null, score: 0 });
  });

  it('a decision on text nobody reviewed is not applied: the rules decide that link again', () => {
    const stale = [
      decision('EVIDENCE', relocate, relocateReport, 'REJECT', { toText: '推进中心医院老院区改造' }),
      decision('EVIDENCE', cdc, testing, 'CONFIRM', { fromText: '推进疾控中心建设' }),
      // An evidence decision whose second statement is now a commitment, and one across regions.
      decision('EVIDENCE', cdc, later, 'CONFIRM'),
      decision('EVIDENCE', cdc, elsewhere, 'CONFIRM'),
    ];
    expect(link(stale)).toEqual(link());
  });
});

describe('judge: whether a decision still holds', () => {
  const seen = { kind: 'EVIDENCE' as const, fromText: '甲', toText: '乙' };
  const c = (text: string, regionKey = R): NamedStatement => ({ text, regionKey, label: 'Commitment' });
  const o = (text: string, regionKey = R): NamedStatement => ({ text, regionKey, label: 'Outcome' });

  it('holds while both statements read what the reviewer saw, in one region', () => {
    expect(judge(seen, c('甲'), o('乙'))).toEqual({ from: 'SAME', to: 'SAME', oneRegion: true, holds: true });
  });

  it('is stale when a statement reads otherwise, is gone, is of the wrong kind, or the two are of two regions', () => {
    expect(judge(seen, c('甲'), o('丙'))).toEqual({ from: 'SAME', to: 'CHANGED', oneRegion: true, holds: false });
    expect(judge(seen, undefined, o('乙'))).toEqual({ from: 'GONE', to: 'SAME', oneRegion: false, holds: false });
    expect(judge(seen, c('甲'), c('乙'))).toMatchObject({ to: 'GONE', holds: false });
    expect(judge(seen, o('甲'), o('乙'))).toMatchObject({ from: 'GONE', holds: false });
    expect(judge(seen, c('甲'), o('乙', 'region:410200'))).toEqual({ from: 'SAME', to: 'SAME', oneRegion: false, holds: false });
  });

  it('a continuation may point back to a commitment or an outcome', () => {
    expect(judge({ ...seen, kind: 'CONTINUATION' }, c('甲'), c('乙')).holds).toBe(true);
    expect(judge({ ...seen, kind: 'CONTINUATION' }, c('甲'), o('乙')).holds).toBe(true);
  });
});
