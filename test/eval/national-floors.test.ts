// Floors for reporting across the national reports (plan of year Y against the
// review of Y in the report of Y+1; 30 tasks a pair, test/gold/links/national/),
// a little below what was measured when they were set (npm run eval): state
// accuracy 0.478 (43/90), evidence P 0.657 R 0.185, verdicts of the matched
// links 0.60–0.91 a pair; the 预期目标 all found as targets, 14 of 16 verdicts
// right (one actual lost to a sentence broken across lines, one 以上 margin). Far below the goals (≥ 0.90): national reports
// restate their plans in other words, which word overlap mostly misses (issue
// 18). These catch regressions; an improvement should raise them. Skipped,
// loudly, without the corpus.
// Raised when a paragraph's lead came to be reported through its works, and a
// sentence broken at a web page's inline elements came to be joined: state
// accuracy 0.878 (79/90), evidence P 0.549 R 0.431, verdicts 0.73–0.82 a pair,
// 预期目标 verdicts 15 of 16.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_YEARS, predictNational, scoreNationalPair, type NationalPairScore } from '../../src/eval/national.ts';
import { corpusDir } from '../gold/corpus/schema.ts';
import { loadNationalGold } from '../gold/links/national-schema.ts';

const present = existsSync(corpusDir());
if (!present) console.warn(`  !! national reporting floors SKIPPED: ${corpusDir()} is absent`);

let scores: NationalPairScore[];
beforeAll(async () => {
  if (!present) return;
  const predicted = await predictNational(corpusDir(), NATIONAL_YEARS);
  scores = loadNationalGold().map(({ file, gold }) => scoreNationalPair(file, gold, predicted));
}, 120_000);

describe.runIf(present)('national reporting floors', () => {
  it('finds the tasks and gives them their reporting state', () => {
    for (const s of scores) expect(s.found, s.name).toBeGreaterThanOrEqual(29);
    const right = scores.reduce((n, s) => n + s.states.correct, 0);
    expect(right / 90).toBeGreaterThanOrEqual(0.85);
  });

  it('links evidence and gives matched links the reader’s verdict', () => {
    const tp = scores.reduce((n, s) => n + s.evidence.tp, 0);
    const predicted = scores.reduce((n, s) => n + s.evidence.predicted, 0);
    const gold = scores.reduce((n, s) => n + s.evidence.gold, 0);
    expect(tp / predicted).toBeGreaterThanOrEqual(0.52);
    expect(tp / gold).toBeGreaterThanOrEqual(0.4);
    for (const s of scores) expect(s.verdicts.accuracy!, s.name).toBeGreaterThanOrEqual(0.7);
  });

  it('reads the 预期目标 as targets and compares them with the next review’s values (14 of 16 verdicts right when set, 15 now)', () => {
    const gold = scores.reduce((n, s) => n + s.targets.gold, 0);
    expect(scores.reduce((n, s) => n + s.targets.found, 0)).toBe(gold);
    expect(scores.reduce((n, s) => n + s.targets.verdictRight, 0) / gold).toBeGreaterThanOrEqual(0.9);
  });
});
