// Reading an export back the way its users would: JSON.parse per line, and
// csv-parse (another library than the one that wrote it) for CSV.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

export type Json = Record<string, unknown>;

/** Every line of an NDJSON file as an object. */
export function readNdjson(path: string): Json[] {
  const text = readFileSync(path, 'utf8');
  if (text === '') return [];
  expect(text.endsWith('\n'), path).toBe(true);
  return text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Json);
}

/**
 * A CSV file as its header and rows of cells, an unquoted empty cell as null
 * and a quoted one ("") as the empty string: the distinction the export keeps.
 */
export function readCsv(path: string): { header: string[]; rows: Array<Array<string | null>> } {
  const records = parse(readFileSync(path), {
    bom: true,
    cast: (value, context) => (value === '' && !context.quoting ? null : value),
  }) as Array<Array<string | null>>;
  const [header, ...rows] = records;
  return { header: header as string[], rows };
}

/** The files under a folder of an export, by name. */
export const filesIn = (dir: string) => readdirSync(dir).sort();
