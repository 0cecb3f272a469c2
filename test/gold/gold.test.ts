import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateFirst, locateInOrder, locateInOrderAllowingRepeats, locateStatementsInOrder } from '../../src/eval/locate.ts';
import { goldText, isSeed, loadGoldDocuments } from './load.ts';
import { loadLinkGold, LUOYANG_LINKS } from './links/schema.ts';
import { GoldDocument } from './schema.ts';

// The gold is the project's yardstick: it must quote its documents (the seeds
// and the project's own 洛阳 pair) exactly, in order, and fit its schema. The
// rules for annotating are in README.md.
const files = loadGoldDocuments();
const seeds = readdirSync('seeds').filter((n) => n.endsWith('.txt')).sort();

describe('annotated gold', () => {
  it('has one file per seed, named after it, with statements and institutions complete', () => {
    expect(files.filter((f) => isSeed(f.gold)).map((f) => f.gold.document)).toEqual(seeds);
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

  it('annotates the project’s own 洛阳 pair too, each naming its text in `source`', () => {
    const own = files.filter((f) => !isSeed(f.gold)).map((f) => f.gold);
    expect(own.map((g) => g.document)).toEqual(['luoyang-2023-plan.txt', 'luoyang-2023-summary.txt']);
    for (const g of own) expect(g.source).toBe(`test/fixtures/corpus/${g.document}`);
    const raw = JSON.parse(readFileSync(files.find((f) => !isSeed(f.gold))!.file, 'utf8')) as { source?: string };
    delete raw.source;
    expect(GoldDocument.safeParse(raw).success, 'a non-seed name without a source').toBe(false);
  });

  it('agrees with the 洛阳 link gold: every linked text is a statement of the right class', () => {
    const links = loadLinkGold(LUOYANG_LINKS);
    const statements = files.filter((f) => links.documents.includes(f.gold.document)).flatMap((f) => f.gold.statements);
    const classOf = (text: string) => statements.find((s) => s.text === text)?.class ?? null;
    for (const e of links.evidence) {
      expect(classOf(e.commitment), e.commitment).toBe('COMMITMENT');
      expect(classOf(e.outcome), e.outcome).toBe('OUTCOME');
    }
    for (const s of links.status) expect(classOf(s.commitment), s.commitment).toBe('COMMITMENT');
    for (const c of links.continuation) {
      expect(classOf(c.later), c.later).toBe('COMMITMENT');
      expect(['COMMITMENT', 'OUTCOME'], c.earlier).toContain(classOf(c.earlier));
    }
  });

  describe.each(files.map((f) => [f.gold.document, f.gold] as const))('%s', (_name, gold) => {
    const text = goldText(gold);

    it('statements quote the seed in document order without overlapping', () => {
      const found = locateStatementsInOrder(text, gold.statements.map((s) => s.text));
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
      const spans = locateStatementsInOrder(text, gold.statements.map((s) => s.text));
      const quantities = locateInOrder(text, gold.quantities.map((q) => q.text));
      if (!spans.ok || !quantities.ok) return;
      for (const [i, q] of quantities.spans.entries()) {
        const inside = spans.spans.some((s) => s.start <= q.start && q.end <= s.end);
        expect(inside, `quantity ${gold.quantities[i]!.text} at ${q.start} is outside every statement`).toBe(true);
      }
    });
  });
});
