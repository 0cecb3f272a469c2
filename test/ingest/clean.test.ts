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

  it('joins a sentence a web page broke at its inline elements, and nothing else', () => {
    const c = clean('国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。“\n十三五\n”开局良好，细颗粒物（PM\n2.5\n）下降。\n');
    expect(c.text).toBe('国内生产总值达到74.4万亿元，增长6.7%。“十三五”开局良好，细颗粒物（PM2.5）下降。\n');
    const at = c.text.indexOf('万亿元');
    expect(c.original.slice(c.toOriginal(at), c.toOriginal(at) + 3)).toBe('万亿元');
    // A blank line after a finished sentence, or a bracket open across a paragraph, is a real break.
    expect(clean('完成全年任务。\n\u200b\n二、今年工作\n').text).toBe('完成全年任务。\n\n二、今年工作\n');
    const long = `（注\n${'长'.repeat(31)}）\n`;
    expect(clean(long).text).toBe(long);
  });
});
