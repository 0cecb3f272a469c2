import { describe, expect, it } from 'vitest';
import { formatReviewLines, parseReviewLines, type ReviewLine } from '../../../src/ingest/store/review-lines.ts';

const line: ReviewLine = {
  kind: 'EVIDENCE',
  fromId: 'doc-7884afb05359:t16258',
  toId: 'doc-581b6897025c:t3662',
  decision: 'REJECT',
  note: '未提及市中心医院',
  reviewer: '李',
  at: '2024-05-06T07:08:09.010Z',
  fromText: '加快医疗卫生重大项目建设',
  toText: '目前市级集中隔离点、市骨科医院已建成投用',
};

describe('decisions as NDJSON lines', () => {
  it('round-trip: what export writes, import reads back exactly', () => {
    const text = formatReviewLines([line, { ...line, kind: 'CONTINUATION', decision: 'CONFIRM', note: null, reviewer: null }]);
    expect(text.split('\n')).toHaveLength(3);
    expect(parseReviewLines(text)).toEqual({ ok: true, lines: [line, { ...line, kind: 'CONTINUATION', decision: 'CONFIRM', note: null, reviewer: null }] });
  });

  it('normalise times to UTC with milliseconds, so that later sorts after, and blank labels to none', () => {
    const parsed = parseReviewLines(`${JSON.stringify({ ...line, at: '2024-05-06T15:08:09+08:00', reviewer: '  ', note: '' })}\n\n`);
    expect(parsed).toEqual({ ok: true, lines: [{ ...line, at: '2024-05-06T07:08:09.000Z', reviewer: null, note: null }] });
  });

  it('refuse the whole file over any bad line, naming each', () => {
    const { decision: _d, ...noDecision } = line;
    const text = [
      JSON.stringify(line),
      '{not json',
      JSON.stringify(noDecision),
      JSON.stringify({ ...line, decision: 'MAYBE' }),
      JSON.stringify({ ...line, at: 'yesterday' }),
      JSON.stringify({ ...line, extra: 1 }),
      JSON.stringify({ ...line, reviewer: 'x'.repeat(101) }),
    ].join('\n');
    const parsed = parseReviewLines(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(6);
    expect(parsed.problems[0]).toMatch(/^line 2: not JSON/);
    expect(parsed.problems.slice(1).map((p) => p.split(':').slice(0, 2).join(':'))).toEqual([
      'line 3: decision',
      'line 4: decision',
      'line 5: at',
      'line 6: Unrecognized key',
      'line 7: reviewer',
    ]);
  });
});
