import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/ingest/pipeline.ts';
import { MAX_SENTENCE, pieces } from '../../src/ingest/statements.ts';

describe('a sentence longer than MAX_SENTENCE', () => {
  it('is cut into contiguous pieces of at most MAX_SENTENCE, after a comma when one is in the second half', () => {
    const text = fc.array(fc.constantFrom('医', '院', '，', '、', '𠮷', '1'), { maxLength: 7000 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const got = pieces(t, 0, t.length);
        expect(got[0]!.start).toBe(0);
        expect(got.at(-1)!.end).toBe(t.length);
        got.forEach((p, i) => {
          if (i > 0) expect(p.start).toBe(got[i - 1]!.end);
          expect(p.end - p.start).toBeLessThanOrEqual(MAX_SENTENCE);
          // Never between the two halves of a surrogate pair.
          expect(/[\ud800-\udbff]$/.test(t.slice(p.start, p.end))).toBe(false);
          const half = t.slice(p.start + MAX_SENTENCE / 2, p.end);
          if (i < got.length - 1 && /[，、]/.test(t.slice(p.start + MAX_SENTENCE / 2, p.start + MAX_SENTENCE))) expect(half).toMatch(/[，、]$/);
        });
        if (t.length <= MAX_SENTENCE) expect(got).toEqual([{ start: 0, end: t.length }]);
      }),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it('becomes several statements and one warning, where the text lost its full stops', () => {
    const clause = '推进县级医院能力建设，';
    const text = `某市卫生健康工作计划\n一、重点任务\n${clause.repeat(500)}完成。\n加强基层医疗卫生服务体系建设。\n`;
    const u = understand({ name: 'long.txt', format: 'txt', encoding: 'UTF-8', text });
    expect(Math.max(...u.statements.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(u.statements.filter((s) => s.text.startsWith('推进县级医院')).length).toBe(3);
    expect(u.statements.at(-1)!.text).toBe('加强基层医疗卫生服务体系建设');
    const warned = u.diagnostics.filter((d) => d.rule === 'sentence-too-long');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message).toContain(`the longest ${clause.length * 500 + 3}`);
  });
});
