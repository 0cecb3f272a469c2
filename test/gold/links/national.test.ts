import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../corpus/schema.ts';
import { loadNationalGold } from './national-schema.ts';

// The national reporting gold quotes two documents of ../shared/corpus: every
// plan quote must be in the plan report after its review part (the year's own
// plan), every review quote in the next report's review part.
const golds = loadNationalGold();
const national = join(corpusDir(), 'national');
const present = existsSync(national);
const read = (name: string) => readFileSync(join(national, name), 'utf8');

describe('the national reporting gold', () => {
  it('has three consecutive pairs', () => {
    expect(golds.map(({ gold }) => gold.year)).toEqual([2016, 2017, 2018]);
    for (const { gold } of golds) expect(gold.review).toBe(`${gold.year + 1}年国务院政府工作报告.txt`);
  });

  it.skipIf(!present)('quotes the plan after its review part and the review inside it', () => {
    for (const { gold } of golds) {
      const plan = read(gold.plan);
      const review = read(gold.review);
      // The year's own plan begins with the part after 一、…工作回顾; the review part ends where 二、 begins.
      const planStart = plan.indexOf('\n二、');
      const reviewEnd = review.indexOf('\n二、');
      expect(planStart).toBeGreaterThan(0);
      for (const q of [...gold.targets.map((t) => t.quote), ...gold.tasks.map((t) => t.commitment)]) expect(plan.indexOf(q, planStart), q).toBeGreaterThan(planStart);
      for (const q of [...gold.targets.flatMap((t) => (t.actual ? [t.actual.quote] : [])), ...gold.tasks.flatMap((t) => t.evidence.map((e) => e.outcome))]) {
        const at = review.indexOf(q);
        expect(at, q).toBeGreaterThan(0);
        expect(at, q).toBeLessThan(reviewEnd);
      }
    }
  });

  it('gives every target with an actual the verdict its comparator and direction give', () => {
    for (const { gold } of golds) {
      for (const t of gold.targets) expect(t.verdict === null, t.quote).toBe(t.actual === null);
    }
  });
});
if (!present) console.warn(`national reporting gold: ${national} is not there, so its quotes were not checked (set PLANTRACE_CORPUS)`);
