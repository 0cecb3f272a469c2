import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparable, nameScore, similarity, tableIndex, unitsCompatible } from '../../../src/ingest/facts/table-index.ts';
import { MATCH_THRESHOLD } from '../../../src/ingest/lexicon/indicators.ts';
import type { IndicatorCell, IndicatorRow, IndicatorTable } from '../../../src/ingest/tables.ts';

// The full scan the index replaced: every row of every table, the first of the best score (then similarity) winning.
function naive(subject: string, unit: string | null, tables: readonly IndicatorTable[]): IndicatorRow | null {
  let best: { row: IndicatorRow; score: number } | null = null;
  for (const table of tables) {
    for (const row of table.rows) {
      if (!unitsCompatible(unit, row.unit)) continue;
      const score = nameScore(subject, row.name);
      const better = !best || score > best.score || (score === best.score && similarity(comparable(subject), comparable(row.name)) > similarity(comparable(subject), comparable(best.row.name)));
      if (score >= MATCH_THRESHOLD && better) best = { row, score };
    }
  }
  return best?.row ?? null;
}

const cell: IndicatorCell = { text: '', span: null, value: null, comparator: null, qualitative: null, footnote: null, missing: true };
const span = { start: 0, end: 0 };

function tableOf(rows: ReadonlyArray<readonly [string, string | null]>, t: number): IndicatorTable {
  return {
    title: null,
    span,
    baselineYear: null,
    targetYear: null,
    rows: rows.map(([name, unit], i) => ({ span, category: '', number: `${t}.${i}`, name, nameSpan: span, unit, baseline: cell, target: cell, attribute: null })),
  };
}

// Few characters, so names share pairs, contain each other and repeat; words SYNONYMS rewrite; units that are and are not compatible.
const name = fc.array(fc.constantFrom('人', '口', '率', '医', '师', '数', '的', '比重', '比例', '期望寿命', '预期'), { minLength: 1, maxLength: 7 }).map((parts) => parts.join(''));
const unit = fc.constantFrom(null, '%', '‰', '/10万', '/千人', '岁');
const tables = fc.array(fc.array(fc.tuple(name, unit), { maxLength: 8 }), { maxLength: 4 }).map((ts) => ts.map(tableOf));

describe('tableIndex', () => {
  it('matches a name to the row the full scan of every row matches', () => {
    fc.assert(
      fc.property(tables, fc.array(fc.tuple(name, unit), { minLength: 1, maxLength: 10 }), (ts, asked) => {
        const index = tableIndex(ts);
        // Twice each: the second answer comes from the index's memory and must be the same.
        for (const [subject, u] of [...asked, ...asked]) expect(index.matchRow(subject, u)?.row ?? null).toBe(naive(subject, u, ts));
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it('gives the first known baseline year of the tables', () => {
    const [a, b, c] = [tableOf([], 0), { ...tableOf([], 1), baselineYear: 2020 }, { ...tableOf([], 2), baselineYear: 2015 }];
    expect([tableIndex([a, b, c]).baselineYear, tableIndex([a]).baselineYear]).toEqual([2020, null]);
  });
});
