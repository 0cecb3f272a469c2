import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, tableCsv } from '../../../../src/server/graphiql/browser/csv.ts';
import { text, type Cell } from '../../../../src/server/graphiql/browser/table.ts';

// The CSV that GraphiQL's table view downloads, read back the way a
// spreadsheet reads it: an unquoted CRLF, LF or CR ends a row.

const read = (csv: string): string[][] => parse(csv, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] });

describe('tableCsv', () => {
  it('starts with a UTF-8 BOM, then the header, each row ended by CRLF', () => {
    expect(tableCsv({ columns: ['region', 'dueYear'], rows: [['南阳市', 2022]] })).toBe(`${BOM}region,dueYear\r\n南阳市,2022\r\n`);
    // As bytes: what Excel looks for to read the file as UTF-8.
    expect([...Buffer.from(tableCsv({ columns: ['a'], rows: [] }), 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes a cell holding a comma, a quote or a line break, doubling its quotes, and leaves Chinese text as it is', () => {
    const csv = tableCsv({ columns: ['text', 'quote'], rows: [['加强基础设施，完善设备配置, 2022年', '他说"建成"'], ['第一行\n第二行', '回车\r\n换行']] });
    expect(csv).toBe(`${BOM}text,quote\r\n"加强基础设施，完善设备配置, 2022年","他说""建成"""\r\n"第一行\n第二行","回车\r\n换行"\r\n`);
  });

  it('writes null as an empty cell and true and false as words', () => {
    expect(tableCsv({ columns: ['a', 'b', 'c', 'd'], rows: [[null, true, false, 0]] })).toBe(`${BOM}a,b,c,d\r\n,true,false,0\r\n`);
  });

  it('writes an empty list as the BOM alone, and a list of no rows as its header', () => {
    expect(tableCsv({ columns: [], rows: [] })).toBe(BOM);
    expect(tableCsv({ columns: ['text'], rows: [] })).toBe(`${BOM}text\r\n`);
  });

  it('pads a short row with empty cells and refuses a row longer than the header', () => {
    expect(read(tableCsv({ columns: ['a', 'b', 'c'], rows: [['x'], ['x', 'y', 'z']] }))).toEqual([
      ['a', 'b', 'c'],
      ['x', '', ''],
      ['x', 'y', 'z'],
    ]);
    expect(() => tableCsv({ columns: ['a'], rows: [['x', 'y']] })).toThrow(RangeError);
  });

  it('reads back as exactly the cells it was given, whatever they hold', () => {
    const cell = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(',', '"', '\n', '\r\n', '""', '，', '中文'), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }), (width, raw) => {
        const columns = Array.from({ length: width }, (_, i) => `c${i}.x`);
        const rows: Cell[][] = raw.map((r) => r.slice(0, width));
        expect(read(tableCsv({ columns, rows }))).toEqual([columns, ...rows.map((r) => r.map(text))]);
      }),
    );
  });
});
