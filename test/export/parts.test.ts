// The export's small parts, without a store.
import { describe, expect, it } from 'vitest';
import { cellOf, csvLines } from '../../src/export/cells.ts';
import { ExportError } from '../../src/export/errors.ts';
import { parseExportOptions } from '../../src/export/options.ts';

describe('cells', () => {
  const where = () => 'nodes/Commitment.csv: terms of c1';

  // Catches: lists written some other way than neo4j-admin's default delimiter, an empty list as "".
  it('joins a list with ";" and writes an empty list, like null, as an empty cell', () => {
    expect(cellOf(['卫生', '健康'], where)).toBe('卫生;健康');
    expect(cellOf([2022, 2023], where)).toBe('2022;2023');
    expect(cellOf([], where)).toBeNull();
    expect(cellOf(null, where)).toBeNull();
  });

  // Catches: silently writing a list that would come back with other items.
  it('refuses a list item that holds the delimiter or is empty, naming where it is', () => {
    expect(() => cellOf(['a;b'], where)).toThrow(ExportError);
    expect(() => cellOf(['a;b'], where)).toThrow(/nodes\/Commitment\.csv: terms of c1 holds the list item "a;b"/);
    expect(() => cellOf(['a', ''], where)).toThrow(ExportError);
  });

  // Catches: csv-stringify's defaults (true → 1, false → '', '' and null alike).
  it('writes booleans as words, and an empty string quoted so it differs from an absent value', () => {
    expect(csvLines([[true, false, '', null, 0, 'x']])).toBe('true,false,"",,0,x\n');
    expect(csvLines([])).toBe('');
  });
});

describe('export options', () => {
  it('takes a format and a folder, ./export by default', () => {
    expect(parseExportOptions({ format: 'neo4j' })).toEqual({ ok: true, options: { format: 'neo4j', out: './export' } });
    expect(parseExportOptions({ format: 'csv', out: 'out/x' })).toEqual({ ok: true, options: { format: 'csv', out: 'out/x' } });
  });

  // Catches: a bad option reported without its name, or only the first of two.
  it('names every bad option at once', () => {
    const r = parseExportOptions({ format: 'xml', out: '  ' });
    expect(r).toEqual({ ok: false, message: '--format must be one of ndjson, csv, neo4j; --out must name a folder' });
    expect(parseExportOptions({})).toMatchObject({ ok: false, message: '--format must be one of ndjson, csv, neo4j' });
  });
});
