// The corpus gold fits its schema and quotes its documents: every part
// heading is a whole line of its document, every title quote is in it, and
// every statement is found in order. The documents are read from
// ../shared/corpus; without it, only the schema is checked (said loudly).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../../src/ingest/read/index.ts';
import { corpusDir, corpusPath, loadCorpusGold, loadCorpusStatementGold } from './schema.ts';

const golds = loadCorpusGold();
const statementGolds = loadCorpusStatementGold();
const present = existsSync(corpusDir());
if (!present) console.warn(`  !! corpus gold: ${corpusDir()} is absent; only the schema is checked`);

const textOf = async (document: string): Promise<string> => {
  const gold = golds.find((g) => g.document === document)!;
  const read = await readFile(corpusPath(gold, gold.collection));
  if (!read.ok) throw new Error(read.failure.reason);
  return read.source.text;
};
const lines = (text: string) => new Set(text.split('\n').map((l) => l.trim()));

describe('the corpus gold', () => {
  it('annotates all 25 documents of the corpus, and the statements of three of them', () => {
    expect(golds).toHaveLength(25);
    expect(new Set(golds.map((g) => g.collection))).toEqual(new Set(['national', 'provinces']));
    expect(statementGolds.map((s) => s.document).every((d) => golds.some((g) => g.document === d))).toBe(true);
    expect(statementGolds.length).toBeGreaterThanOrEqual(3);
  });

  it.runIf(present).each(golds.map((g) => [g.document, g] as const))('%s: headings are lines of the text, the title quote is in it', async (_, gold) => {
    const text = await textOf(gold.document);
    const all = lines(text);
    for (const p of gold.parts) expect(all.has(p.heading), p.heading).toBe(true);
    if (gold.titleQuote) expect(text).toContain(gold.titleQuote);
  });

  it.runIf(present).each(statementGolds.map((s) => [s.document, s] as const))('%s: every statement is in the text, in order', async (_, gold) => {
    const text = await textOf(gold.document);
    let from = 0;
    for (const s of gold.statements) {
      const at = text.indexOf(s.text, from);
      expect(at, s.text.slice(0, 30)).toBeGreaterThanOrEqual(0);
      from = at + s.text.length;
    }
  });
});
