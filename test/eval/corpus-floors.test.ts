// Floors on the real corpus (../shared/corpus) against its gold, a little
// below what was measured when they were set (npm run eval): 25/25 documents
// described right, 73/73 review and plan parts right, commitments P 0.906
// R 1.000, outcomes P 0.980 R 0.997. Skipped, loudly, without the corpus.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCorpus, type CorpusResult } from '../../src/eval/corpus-run.ts';
import { corpusDir, loadCorpusGold, loadCorpusStatementGold } from '../gold/corpus/schema.ts';

const present = existsSync(corpusDir());
if (!present) console.warn(`  !! corpus floors SKIPPED: ${corpusDir()} is absent`);

let result: CorpusResult;
beforeAll(async () => {
  if (present) result = (await evaluateCorpus({ dir: corpusDir(), documents: loadCorpusGold(), statements: loadCorpusStatementGold() }))!;
}, 120_000);

describe.runIf(present)('real corpus floors', () => {
  it('describes the documents and finds their review and plan parts', () => {
    expect(result.overall.described).toBeGreaterThanOrEqual(24);
    expect(result.overall.reviewAndPlan.right).toBeGreaterThanOrEqual(72);
    expect(result.overall.reviewAndPlan.total).toBe(73);
  });

  it('finds the commitments and outcomes a reader finds', () => {
    const { commitments, outcomes } = result.overall;
    expect(commitments.precision).toBeGreaterThanOrEqual(0.89);
    expect(commitments.recall).toBeGreaterThanOrEqual(0.98);
    expect(outcomes.precision).toBeGreaterThanOrEqual(0.96);
    expect(outcomes.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('gives every national report the national region, and every report its kind', () => {
    for (const d of result.documents) {
      expect(d.description.find((c) => c.field === 'kind')!.predicted, d.document).toBe('WORK_REPORT');
      if (d.document.includes('国务院')) expect(d.description.find((c) => c.field === 'region')!.predicted, d.document).toBe('全国');
    }
  });
});
