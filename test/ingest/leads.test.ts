import { describe, expect, it } from 'vitest';
import { LEAD_MAX_CHARS, paragraphLeads } from '../../src/ingest/leads.ts';
import type { Statement } from '../../src/ingest/statements.ts';

// Statements of a text the way the pipeline cuts them: each sentence of each
// line, without its list marker and its closing 。, with its source span.
function statementsOf(text: string, cls: (sentence: string) => Statement['class'] = () => 'COMMITMENT'): Statement[] {
  const out: Statement[] = [];
  for (const m of text.matchAll(/[^。\n]+/g)) {
    const marker = /^(?:\d+\.|（[一二三四五六七八九十]）|——)/.exec(m[0]);
    const start = m.index + (marker?.[0].length ?? 0);
    const body = text.slice(start, m.index + m[0].length);
    out.push({ id: `d:t${start}`, class: cls(body), text: body, span: { start, end: start + body.length }, sectionId: null, role: null, year: 2018, yearTo: 2018, progress: null });
  }
  return out;
}

const text = (s: Statement[], leads: Map<string, string>) =>
  Object.fromEntries([...leads].map(([item, lead]) => [s.find((x) => x.id === item)!.text, s.find((x) => x.id === lead)!.text]));

describe('paragraph leads', () => {
  it('maps each work of a paragraph to the short lead that opens it, and nothing across lines', () => {
    const doc = '塑造区域发展新格局。加强对革命老区的支持。高标准建设雄安新区。\n提高新型城镇化质量。今年再进城落户1300万人。\n';
    const s = statementsOf(doc);
    expect(text(s, paragraphLeads(doc, s))).toEqual({
      加强对革命老区的支持: '塑造区域发展新格局',
      高标准建设雄安新区: '塑造区域发展新格局',
      今年再进城落户1300万人: '提高新型城镇化质量',
    });
  });

  it('reads a lead after a list marker (1. （一） ——)', () => {
    const doc = '1.健全重大疫情救治体系。加快传染病医院建设。\n——公共体育服务体系持续完善。人均体育场地面积达到2.6平方米。\n';
    const s = statementsOf(doc);
    expect(Object.values(text(s, paragraphLeads(doc, s)))).toEqual(['健全重大疫情救治体系', '公共体育服务体系持续完善']);
  });

  it('takes no lead that says how (a clause mark), is too long, is not first on its line, or stands alone', () => {
    const long = '推进'.padEnd(LEAD_MAX_CHARS + 1, '医');
    const doc = [
      '加强A建设，推进B改革。完善C机制。', // a clause mark: a work of its own
      `${long}。完善D机制。`, // longer than a lead
      '要以人民为中心推进。完善E机制。', // first sentence not a commitment (below)
      '健全F体系', // alone on its line, no 。
      '完善G机制。',
    ].join('\n');
    const s = statementsOf(doc, (t) => (t.startsWith('要以') ? 'BACKGROUND' : 'COMMITMENT'));
    expect(paragraphLeads(doc, s).size).toBe(0);
  });

  it('a lead at the limit still counts, and only commitments after it are its works', () => {
    const lead = '推进'.padEnd(LEAD_MAX_CHARS, '医');
    const doc = `${lead}。这是背景说明。完善H机制。\n`;
    const s = statementsOf(doc, (t) => (t.startsWith('这是') ? 'BACKGROUND' : 'COMMITMENT'));
    expect(text(s, paragraphLeads(doc, s))).toEqual({ 完善H机制: lead });
  });
});
