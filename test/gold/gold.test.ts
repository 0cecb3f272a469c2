import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateFirst, locateInOrder, locateInOrderAllowingRepeats } from '../../src/eval/locate.ts';
import { loadGoldDocuments, seedText } from './load.ts';
import { GoldDocument } from './schema.ts';

// The gold is the project's yardstick: it must quote the seeds exactly, in
// order, and fit its schema. The rules for annotating are in README.md.
const files = loadGoldDocuments();
const seeds = readdirSync('seeds').filter((n) => n.endsWith('.txt')).sort();

describe('annotated gold', () => {
  it('has one file per seed, named after it, with statements and institutions complete', () => {
    expect(files.map((f) => f.gold.document)).toEqual(seeds);
    for (const { file, gold } of files) {
      expect(basename(file)).toBe(gold.document.replace(/\.txt$/, '.json'));
      expect(gold.complete.statements, file).toBe(true);
      expect(gold.complete.institutions, file).toBe(true);
    }
  });

  it('rejects a file that does not fit the schema', () => {
    const raw = JSON.parse(readFileSync(files[0]!.file, 'utf8')) as { quantities: unknown[] };
    raw.quantities = [{ text: '**', value: 3, unit: null, masked: true }];
    expect(GoldDocument.safeParse(raw).success).toBe(false);
  });

  describe.each(files.map((f) => [f.gold.document, f.gold] as const))('%s', (_name, gold) => {
    const text = seedText(gold.document);

    it('statements quote the seed in document order without overlapping', () => {
      const found = locateInOrder(text, gold.statements.map((s) => s.text));
      expect(found.ok ? null : found, 'first statement not found after its predecessor').toBeNull();
    });

    it('statement texts are trimmed: no leading marker, no final full stop, no edge spaces', () => {
      for (const s of gold.statements) {
        expect(s.text, s.text).toBe(s.text.trim());
        expect(s.text.replace(/^[\u3000]+|[\u3000]+$/g, ''), s.text).toBe(s.text);
        expect(/[。；！？]$/.test(s.text), s.text).toBe(false);
        expect(/^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,]|\d{1,2}[.．、](?!\d)|——)/.test(s.text), s.text).toBe(false);
      }
    });

    it('quantities quote the seed in document order, each a whole number (not the tail of a longer one)', () => {
      const found = locateInOrder(text, gold.quantities.map((q) => q.text));
      expect(found.ok ? null : found).toBeNull();
      if (!found.ok) return;
      for (const [i, span] of found.spans.entries()) {
        const before = text[span.start - 1] ?? '';
        expect(/[0-9０-９.．*＊]/.test(before), `${gold.quantities[i]!.text} at ${span.start} continues a longer number`).toBe(false);
      }
    });

    it('indicator values quote the seed in document order', () => {
      const found = locateInOrderAllowingRepeats(text, gold.indicatorValues.map((v) => v.text));
      expect(found.ok ? null : found).toBeNull();
    });

    it('institutions and projects quote the seed and are listed once each', () => {
      for (const i of gold.institutions) for (const q of [i.text, ...(i.aliases ?? [])]) expect(locateFirst(text, q), q).not.toBeNull();
      for (const p of gold.projects) for (const q of [p.name, ...(p.aliases ?? [])]) expect(locateFirst(text, q), q).not.toBeNull();
      expect(new Set(gold.institutions.map((i) => i.name)).size).toBe(gold.institutions.length);
      expect(new Set(gold.projects.map((p) => p.name)).size).toBe(gold.projects.length);
    });

    it('every quantity inside a statement or a documented exception', () => {
      // Quantities are annotated in running text only (not in tables or 专栏 boxes).
      const spans = locateInOrder(text, gold.statements.map((s) => s.text));
      const quantities = locateInOrder(text, gold.quantities.map((q) => q.text));
      if (!spans.ok || !quantities.ok) return;
      for (const [i, q] of quantities.spans.entries()) {
        const inside = spans.spans.some((s) => s.start <= q.start && q.end <= s.end);
        expect(inside, `quantity ${gold.quantities[i]!.text} at ${q.start} is outside every statement`).toBe(true);
      }
    });
  });
});
