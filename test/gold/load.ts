// Reading the annotated documents through their schema: the one way the gold
// test, the floors test and `npm run eval` get at the gold. Most are seeds
// (seeds/); a few are the project's own documents (test/fixtures/corpus/),
// whose annotation names its text in `source`.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GoldBoxes, GoldDocument, GoldIndicatorTable } from './schema.ts';

export const GOLD_DIR = 'test/gold';
export const ANNOTATIONS_DIR = join(GOLD_DIR, 'annotations');
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
      return { file, gold: parseWith(GoldDocument, file) };
    });
}

/** The indicator-table gold files (`<nnn>-indicators.json`), keyed by the seed file they annotate. */
export function loadTableGold(dir = GOLD_DIR): Map<string, GoldIndicatorTable> {
  const tables = new Map<string, GoldIndicatorTable>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('-indicators.json')).sort()) {
    const table = parseWith(GoldIndicatorTable, join(dir, name));
    tables.set(basename(table.source), table);
  }
  return tables;
}

/** The 专栏 box gold files (`<nnn>-boxes.json`), keyed by the seed file they annotate. */
export function loadBoxGold(dir = GOLD_DIR): Map<string, GoldBoxes> {
  const boxes = new Map<string, GoldBoxes>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('-boxes.json')).sort()) {
    const gold = parseWith(GoldBoxes, join(dir, name));
    boxes.set(basename(gold.source), gold);
  }
  return boxes;
}

/** The names a 专栏 box gives: its title and its items' short names. */
export function boxNames(boxes: GoldBoxes | undefined): string[] {
  return boxes ? boxes.boxes.flatMap((b) => [b.title, ...b.items]) : [];
}

export function seedText(document: string, dir = SEEDS_DIR): string {
  return readFileSync(join(dir, document), 'utf8');
}

/** A seed's gold: its text is in seeds/. The others are the project's own documents, with a `source`. */
export function isSeed(gold: GoldDocument): boolean {
  return gold.source === undefined;
}

/** Where an annotated document's text is: its `source`, or seeds/ for a seed. */
export function documentPath(gold: GoldDocument): string {
  return gold.source ?? join(SEEDS_DIR, gold.document);
}

/** The ORIGINAL text an annotation quotes. */
export function goldText(gold: GoldDocument): string {
  return readFileSync(documentPath(gold), 'utf8');
}

function parseWith<T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, file: string): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} does not fit the gold schema: ${parsed.error.message}`);
  return parsed.data;
}
