import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/ingest/clean.ts';

const seeds = readdirSync('seeds').map((name) => ({ name, text: readFileSync(`seeds/${name}`, 'utf8') }));

describe('clean', () => {
  it('removes bookmarks, paid markers and edge spaces, keeping inner text', () => {
    const c = clean('[bookmark: _GoBack]一、总结\n\u3000\u3000（一）防控。\r\n##paidbegin##正文 \n');
    expect(c.text).toBe('一、总结\n（一）防控。\n正文\n');
  });

  it('maps every cleaned character back to the same character in the original', () => {
    for (const { name, text } of seeds) {
      const c = clean(text);
      for (let i = 0; i < c.text.length; i++) {
        if (c.original[c.toOriginal(i)] !== c.text[i]) throw new Error(`${name}: offset ${i} maps wrong`);
      }
      expect(c.toOriginal(c.text.length), name).toBeLessThanOrEqual(text.length);
    }
  });

  it('gives spans that cut the original back out, debris inside a range included', () => {
    const c = clean('甲[bookmark: x]乙丙');
    expect(c.text).toBe('甲乙丙');
    const span = c.spanOf(0, 3);
    expect(c.original.slice(span.start, span.end)).toBe('甲[bookmark: x]乙丙');
    expect(c.spanOf(1, 2)).toEqual({ start: 14, end: 15 });
  });

  it('keeps table rows as tab-separated cells and empty rows as empty lines', () => {
    const c = clean('\t分类\n\t\n\t健康水平\n\t1\n');
    expect(c.text).toBe('分类\n\n健康水平\n1\n');
  });
});
