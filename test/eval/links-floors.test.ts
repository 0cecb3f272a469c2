import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateLinks, type LinkEval } from '../../src/eval/link-corpus.ts';
import { scoreReporting } from '../../src/eval/reporting.ts';
import { loadGoldDocuments } from '../gold/load.ts';
import { LINCHUAN_LINKS, loadLinkGold, LUOYANG_LINKS, NANYANG_LINKS } from '../gold/links/schema.ts';

// Floors for the link stage against the link gold, a little below what was
// measured when they were set (npm run eval), after the gold followed the
// revised statement rules (headings are sections; every 专栏 line is a
// commitment, with its links read from the documents): overall evidence
// P 0.422 R 0.471, continuation P 0.591 R 0.333, verdicts 0.947, statuses
// 0.781; the 洛阳 pair evidence P 0.818 R 1.000, statuses 1.000. Far below
// the goals (P ≥ 0.90, R ≥ 0.80, status ≥ 0.90): these catch regressions; an
// improvement should raise them.
// With the Linchuan continuation gold (36 pairs) added: continuation P 0.548 R 0.227, statuses 0.807.
// With the rule "a paragraph's lead is reported through its works" in the
// gold (002's 51 leads read again) and in the link stage: evidence P 0.505
// R 0.518, verdicts 0.970; the 洛阳 pair evidence 1.000 / 1.000.
const OVERALL = { evidencePrecision: 0.48, evidenceRecall: 0.49, continuationPrecision: 0.5, continuationRecall: 0.21, verdicts: 0.94, status: 0.78 };
const LUOYANG = { evidencePrecision: 0.95, evidenceRecall: 1, status: 1 };

let result: LinkEval;
beforeAll(async () => {
  result = await evaluateLinks([
    { name: 'Nanyang', gold: loadLinkGold(NANYANG_LINKS) },
    { name: '洛阳', gold: loadLinkGold(LUOYANG_LINKS) },
    { name: 'Linchuan', gold: loadLinkGold(LINCHUAN_LINKS) },
  ]);
}, 60_000);

describe('link floors', () => {
  it('overall evidence, continuation, verdicts and statuses stay above their floors', () => {
    const o = result.overall;
    expect(o.evidence.precision).toBeGreaterThanOrEqual(OVERALL.evidencePrecision);
    expect(o.evidence.recall).toBeGreaterThanOrEqual(OVERALL.evidenceRecall);
    expect(o.continuation.precision).toBeGreaterThanOrEqual(OVERALL.continuationPrecision);
    expect(o.continuation.recall).toBeGreaterThanOrEqual(OVERALL.continuationRecall);
    expect(o.verdicts.accuracy).toBeGreaterThanOrEqual(OVERALL.verdicts);
    expect(o.status.accuracy).toBeGreaterThanOrEqual(OVERALL.status);
  });

  it('reporting by year: the 十四五 plan in 2022 (state accuracy 0.830, unreported P 0.907 R 0.884 when set; P 0.893 R 0.882 with the leads’ gold)', () => {
    const plan = loadGoldDocuments().find(({ gold }) => gold.document === '002_bf6091a721eff7e0.txt')!.gold;
    const commitments = plan.statements.filter((x) => x.class === 'COMMITMENT').map((x) => x.text);
    const r = scoreReporting(2022, '002_bf6091a721eff7e0.txt', commitments, loadLinkGold(NANYANG_LINKS).evidence, result.predicted);
    expect(r.states.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(r.silent.precision).toBeGreaterThanOrEqual(0.88);
    expect(r.silent.recall).toBeGreaterThanOrEqual(0.86);
  });

  it('Linchuan’s 2024 plan continuing its 2023 results, a gold read after the rules were fixed (P 0.444 R 0.111 when set)', () => {
    const l = result.pairs[2]!;
    expect(l.continuation.precision).toBeGreaterThanOrEqual(0.4);
    expect(l.continuation.recall).toBeGreaterThanOrEqual(0.1);
    expect(l.status.accuracy).toBe(1);
  });

  it('the 洛阳 fixture pair, written with known answers, stays nearly perfect', () => {
    const l = result.pairs[1]!;
    expect(l.evidence.precision).toBeGreaterThanOrEqual(LUOYANG.evidencePrecision);
    expect(l.evidence.recall).toBeGreaterThanOrEqual(LUOYANG.evidenceRecall);
    expect(l.status.accuracy).toBeGreaterThanOrEqual(LUOYANG.status);
  });
});
