import { beforeAll, describe, expect, it } from 'vitest';
import { isSkip, overall, scoreDocument, type DocumentScore, type Overall } from '../../src/eval/document.ts';
import { predict } from '../../src/eval/predict.ts';
import { readFile } from '../../src/ingest/read/index.ts';
import { boxNames, documentPath, isSeed, loadBoxGold, loadGoldDocuments, loadTableGold } from '../gold/load.ts';

// Floors for the pipeline against the annotated seeds, a little below what was
// measured when they were set: statements P 0.983 R 0.999 F1 0.991 with the
// committed statements stage, 1.000 with the one being finished beside it;
// classification 1.000; table 24/24. A regression fails the suite; an
// improvement should raise the floor. `npm run eval` shows where the misses are.
const OVERALL = { precision: 0.97, recall: 0.97, f1: 0.97, classification: 0.97, table: 0.95 };
// Per document: statement F1 ≥ 0.95 (the lowest measured was 0.978), so one
// document cannot sink unnoticed in the average.
const DOCUMENT_F1: Record<string, number> = {
  '000_d0de7db37b98f3f9.txt': 0.95,
  '001_e1634718f3e3e389.txt': 0.95,
  '002_bf6091a721eff7e0.txt': 0.95,
  '003_d499b532073839b7.txt': 0.95,
  '004_80ecafe8e7002946.txt': 0.95,
};

// The project's own annotated documents (the 洛阳 pair, test/fixtures/corpus/)
// were not looked at when the rules were tuned, so they say whether the rules
// generalise. Measured when set: statements P 0.973 R 0.900 F1 0.935 (plan
// 0.872: its four top-level `一、…` headings state work but are dropped as part
// names, and its lead-in 现提出如下工作要点 is kept; summary 1.000),
// classification 36/36. Floors a little below; they sit under the seeds'
// floors until those misses are fixed, when they should rise.
const OWN_OVERALL = { f1: 0.9, classification: 0.97 };
const OWN_DOCUMENT_F1: Record<string, number> = {
  'luoyang-2023-plan.txt': 0.85,
  'luoyang-2023-summary.txt': 0.95,
};

let scores: DocumentScore[] = [];
let total: Overall;
let ownScores: DocumentScore[] = [];
let ownTotal: Overall;

beforeAll(async () => {
  const tables = loadTableGold();
  const boxes = loadBoxGold();
  scores = [];
  ownScores = [];
  for (const { gold } of loadGoldDocuments()) {
    const read = await readFile(documentPath(gold));
    if (!read.ok) throw new Error(read.failure.reason);
    const score = scoreDocument(gold, read.source.text, predict(read.source), { tableGold: tables.get(gold.document)?.rows ?? null, boxNames: boxNames(boxes.get(gold.document)) });
    (isSeed(gold) ? scores : ownScores).push(score);
  }
  total = overall(scores);
  ownTotal = overall(ownScores);
});

describe('extraction quality floors', () => {
  it('statements over all seeds', () => {
    expect(total.statements?.precision).toBeGreaterThanOrEqual(OVERALL.precision);
    expect(total.statements?.recall).toBeGreaterThanOrEqual(OVERALL.recall);
    expect(total.statements?.f1).toBeGreaterThanOrEqual(OVERALL.f1);
  });

  it('classification of matched statements over all seeds', () => {
    expect(total.classification.accuracy).toBeGreaterThanOrEqual(OVERALL.classification);
  });

  it('statements per seed', () => {
    expect(scores.map((s) => s.document).sort()).toEqual(Object.keys(DOCUMENT_F1).sort());
    for (const s of scores) {
      if (isSkip(s.statements)) throw new Error(`${s.document}: statements not scored`);
      expect(s.statements.prf.f1, s.document).toBeGreaterThanOrEqual(DOCUMENT_F1[s.document]!);
    }
  });

  it('the 24 indicators of the five-year plan table', () => {
    expect(total.table?.gold).toBe(24);
    expect(total.table?.f1).toBeGreaterThanOrEqual(OVERALL.table);
  });
});

describe('extraction quality floors on the project’s own documents', () => {
  it('statements and their classes over the 洛阳 pair', () => {
    expect(ownTotal.statements?.f1).toBeGreaterThanOrEqual(OWN_OVERALL.f1);
    expect(ownTotal.classification.accuracy).toBeGreaterThanOrEqual(OWN_OVERALL.classification);
  });

  it('statements per document', () => {
    expect(ownScores.map((s) => s.document).sort()).toEqual(Object.keys(OWN_DOCUMENT_F1).sort());
    for (const s of ownScores) {
      if (isSkip(s.statements)) throw new Error(`${s.document}: statements not scored`);
      expect(s.statements.prf.f1, s.document).toBeGreaterThanOrEqual(OWN_DOCUMENT_F1[s.document]!);
    }
  });
});
