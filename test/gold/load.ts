// Reading the annotated seeds through their schema: the one way the gold
// test, the floors test and `npm run eval` get at the gold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoldDocument } from './schema.ts';

export const ANNOTATIONS_DIR = 'test/gold/annotations';
export const SEEDS_DIR = 'seeds';

export interface GoldFile {
  readonly file: string;
  readonly gold: GoldDocument;
}

/** Every annotation file, parsed; a file that does not fit the schema throws with its name. */
export function loadGoldDocuments(dir = ANNOTATIONS_DIR): GoldFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const parsed = GoldDocument.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file} does not fit the gold schema: ${parsed.error.message}`);
      return { file, gold: parsed.data };
    });
}

export function seedText(document: string, dir = SEEDS_DIR): string {
  return readFileSync(join(dir, document), 'utf8');
}
