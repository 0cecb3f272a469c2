import { describe, expect, it } from 'vitest';
import { findTables, tableOf } from '../../../../src/server/graphiql/browser/table.ts';

// The lists GraphiQL's table view finds in an answer, and how their items
// become rows. The answers are shaped like the server's.

const answer = {
  data: {
    unreported: {
      notReported: {
        totalCount: 2,
        nodes: [
          { text: '推进疾控中心标准化建设', dueYear: 2022, reporting: [{ state: 'SILENT', reason: 'says nothing' }], source: { documentId: 'doc-1', start: 6127, end: 6196 } },
          { text: '到2025年，健康服务体系持续完善', dueYear: 2025, reporting: [], source: { documentId: 'doc-1', start: 3866, end: 3982 } },
        ],
      },
      untracked: { totalCount: 1, nodes: [{ text: '开封的任务', dueYear: null, reporting: [], source: null }] },
    },
  },
};

describe('findTables', () => {
  it('finds every list of objects under data, in the order of the answer, one row per item', () => {
    const tables = findTables(answer);
    expect(tables.map((t) => [t.path, t.rows.length])).toEqual([
      ['unreported.notReported.nodes', 2],
      ['unreported.notReported.nodes[].reporting', 1],
      ['unreported.untracked.nodes', 1],
    ]);
  });

  it('flattens nested objects to dotted columns and keeps numbers as numbers', () => {
    const [table] = findTables(answer);
    expect(table!.columns).toEqual(['text', 'dueYear', 'reporting.state', 'reporting.reason', 'source.documentId', 'source.start', 'source.end']);
    expect(table!.rows[0]).toEqual(['推进疾控中心标准化建设', 2022, 'SILENT', 'says nothing', 'doc-1', 6127, 6196]);
    // An empty nested list is an empty cell, not a missing one.
    expect(table!.rows[1]).toEqual(['到2025年，健康服务体系持续完善', 2025, null, null, 'doc-1', 3866, 3982]);
  });

  it('joins a list of scalars with "; " and a nested list of objects per column with " | ", one part per item', () => {
    const { columns, rows } = tableOf([
      {
        years: [2022, 2023],
        links: [
          { type: 'EVIDENCED_BY', score: 1, terms: ['迁建', '中心医院'] },
          { type: 'CONTINUES', score: null, terms: [] },
          { type: 'EVIDENCED_BY', score: 0.351, terms: ['项目'] },
        ],
      },
    ]);
    expect(columns).toEqual(['years', 'links.type', 'links.score', 'links.terms']);
    expect(rows).toEqual([['2022; 2023', 'EVIDENCED_BY | CONTINUES | EVIDENCED_BY', '1 |  | 0.351', '迁建; 中心医院 |  | 项目']]);
  });

  it('aligns ragged rows: the union of their columns in first-seen order, a missing field an empty cell', () => {
    const { columns, rows } = tableOf([{ a: 1, b: { c: 'x' } }, { d: true }, { b: { e: 'y' }, a: 2 }]);
    expect(columns).toEqual(['a', 'b.c', 'd', 'b.e']);
    expect(rows).toEqual([
      [1, 'x', null, null],
      [null, null, true, null],
      [2, null, null, 'y'],
    ]);
  });

  it('leaves out the column of a field that is null where it is not an object, but keeps one that is only ever null', () => {
    const { columns, rows } = tableOf([
      { year: 2021, outcome: null, note: null },
      { year: 2022, outcome: { text: '已建成' }, note: null },
    ]);
    expect(columns).toEqual(['year', 'note', 'outcome.text']);
    expect(rows).toEqual([
      [2021, null, null],
      [2022, null, '已建成'],
    ]);
  });

  it('gives a null item of a list a row of empty cells', () => {
    expect(tableOf([{ a: 1 }, null])).toEqual({ columns: ['a'], rows: [[1], [null]] });
  });

  it('shows an empty list as a table with no rows, but leaves out nested lists that are empty everywhere', () => {
    const tables = findTables({ data: { commitments: { totalCount: 0, nodes: [] } } });
    expect(tables).toEqual([{ path: 'commitments.nodes', columns: [], rows: [] }]);
    expect(findTables(answer).map((t) => t.path)).not.toContain('unreported.untracked.nodes[].reporting');
  });

  it('collects a nested list from every parent item into one table', () => {
    const tables = findTables({
      data: {
        institutions: {
          nodes: [
            { name: '南阳市中心医院', commitments: [{ text: '迁建' }, { text: '扩建' }] },
            { name: '开封市人民医院', commitments: [{ text: '新建' }] },
          ],
        },
      },
    });
    expect(tables[1]).toEqual({ path: 'institutions.nodes[].commitments', columns: ['text'], rows: [['迁建'], ['扩建'], ['新建']] });
    expect(tables[0]!.rows).toEqual([
      ['南阳市中心医院', '迁建 | 扩建'],
      ['开封市人民医院', '新建'],
    ]);
  });

  it('finds no table in an answer without lists of objects, without data, or that is not an answer', () => {
    expect(findTables({ data: { document: { title: 't', years: [2022, 2023] } } })).toEqual([]);
    expect(findTables({ data: null, errors: [{ message: 'boom', locations: [{ line: 1, column: 2 }] }] })).toEqual([]);
    expect(findTables({ errors: [{ message: 'boom' }] })).toEqual([]);
    expect(findTables(null)).toEqual([]);
    expect(findTables('{"data":{}}')).toEqual([]);
  });
});
