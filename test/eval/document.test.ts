import { describe, expect, it } from 'vitest';
import { isSkip, overall, scoreDocument } from '../../src/eval/document.ts';
import { locateInOrder, locateInOrderAllowingRepeats } from '../../src/eval/locate.ts';
import { factsFrom } from '../../src/eval/predict.ts';
import { formatComparison, formatDocument, formatOverall } from '../../src/eval/report.ts';
import type { GoldInput, Prediction } from '../../src/eval/types.ts';

const TEXT = '一、完成情况\n（一）新建8个中心。完成12个站。\n二、存在的不足\n经费不足。';
const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

const gold: GoldInput = {
  document: 'x.txt',
  complete: { statements: true, institutions: true, quantities: true, indicatorValues: false, projects: true },
  statements: [
    { text: '新建8个中心', class: 'OUTCOME' },
    { text: '完成12个站', class: 'OUTCOME' },
    { text: '经费不足', class: 'PROBLEM' },
  ],
  institutions: [],
  quantities: [
    { text: '8个', value: 8, masked: false },
    { text: '12个', value: 12, masked: false },
  ],
  indicatorValues: [],
  projects: [],
};

const prediction = (factsWired: boolean): Prediction => ({
  document: 'x.txt',
  statements: [
    { span: at('新建8个中心'), class: 'OUTCOME', text: '新建8个中心' },
    { span: at('完成12个站'), class: 'COMMITMENT', text: '完成12个站' },
    { span: at('存在的不足'), class: 'PROBLEM', text: '存在的不足' },
  ],
  factsWired,
  institutions: [],
  quantities: factsWired ? [{ span: at('8个'), text: '8个', value: 8, masked: false }] : [],
  indicatorValues: [],
  projects: [],
  tableRows: [],
});

describe('locate', () => {
  it('finds quotes in order, after the previous one ends', () => {
    expect(locateInOrder('a1a1', ['a1', 'a1'])).toEqual({ ok: true, spans: [{ start: 0, end: 2 }, { start: 2, end: 4 }] });
    expect(locateInOrder('a1', ['a1', 'a1'])).toEqual({ ok: false, index: 1, quote: 'a1' });
  });

  it('lets two entries quote the same place when asked', () => {
    expect(locateInOrderAllowingRepeats('率均达100％', ['100％', '100％']).ok).toBe(true);
  });
});

describe('scoreDocument', () => {
  it('scores statements and the complete fact types, skipping what the gold leaves incomplete', () => {
    const s = scoreDocument(gold, TEXT, prediction(true));
    expect(isSkip(s.statements) ? null : s.statements.prf).toMatchObject({ tp: 2, predicted: 3, gold: 3 });
    expect(isSkip(s.quantities) ? null : s.quantities.prf).toMatchObject({ tp: 1, predicted: 1, gold: 2 });
    expect(s.indicatorValues).toEqual({ skipped: 'gold incomplete' });
    expect(s.table).toBeNull();
  });

  it('says facts are not wired instead of scoring empty predictions as all missed', () => {
    const s = scoreDocument(gold, TEXT, prediction(false));
    expect(s.quantities).toEqual({ skipped: 'facts not wired' });
    expect(overall([s]).facts.quantities).toBeNull();
  });

  it('fails loudly when a gold quote is not in the text', () => {
    const bad = { ...gold, statements: [{ text: '不在文中', class: 'OUTCOME' as const }] };
    expect(() => scoreDocument(bad, TEXT, prediction(false))).toThrow(/not in the text/);
  });

  it('adds documents up by counts and confusion', () => {
    const s = scoreDocument(gold, TEXT, prediction(true));
    const o = overall([s, s]);
    expect(o.statements).toMatchObject({ tp: 4, predicted: 6, gold: 6 });
    expect(o.classification).toEqual({ correct: 2, matched: 4, accuracy: 0.5 });
    expect(o.confusion.OUTCOME.COMMITMENT).toBe(2);
  });
});

describe('report', () => {
  it('prints the score table, the confusion matrix, and capped lists of misses and false hits', () => {
    const text = formatDocument(scoreDocument(gold, TEXT, prediction(true)), TEXT, { cap: 1 }).join('\n');
    expect(text).toMatch(/statements\s+3\s+3\s+2\s+0\.667\s+0\.667\s+0\.667/);
    expect(text).toContain('indicator values');
    expect(text).toContain('gold incomplete');
    expect(text).toContain('[PROBLEM @');
    expect(text).toContain('[OUTCOME → COMMITMENT @');
    expect(text).toContain('12个 = 12');
    const overallText = formatOverall(overall([scoreDocument(gold, TEXT, prediction(false))])).join('\n');
    expect(overallText).toMatch(/quantities\s+not scored/);
  });

  it('names the group an overall adds up, and sets two overalls side by side', () => {
    const seeds = overall([scoreDocument(gold, TEXT, prediction(true))]);
    const own = overall([scoreDocument(gold, TEXT, prediction(false))]);
    expect(formatOverall(own, 'own documents')[0]).toBe('━━ overall (own documents, 1 document, micro-averaged) ━━');
    const side = formatComparison({ label: 'seeds', overall: seeds }, { label: 'own documents', overall: own }).join('\n');
    expect(side).toMatch(/statements\s+0\.667\s+0\.667/);
    expect(side).toMatch(/quantities\s+0\.667\s+—/);
  });

  it('says how many more there are when the cap cuts a list', () => {
    const many = { ...gold, statements: gold.statements, quantities: gold.quantities };
    const text = formatDocument(scoreDocument(many, TEXT, { ...prediction(true), quantities: [] }), TEXT, { cap: 1 }).join('\n');
    expect(text).toContain('quantities — misses (2)');
    expect(text).toContain('… and 1 more (--all lists them)');
  });
});

describe('factsFrom', () => {
  it('turns the facts stage output into predictions, leaving generic institution classes out', () => {
    const span = { start: 0, end: 3 };
    const quantity = { span, text: '81.76%', value: 81.76, upper: null, unit: '%', comparator: null, masked: false, subject: null };
    // Built without a type annotation so the test keeps compiling while the facts contract grows fields.
    const facts = {
      statementId: 's1',
      quantities: [quantity],
      times: [],
      institutions: [
        { span, text: '市中心医院', name: '南阳市中心医院', type: 'HOSPITAL' as const, generic: false },
        { span, text: '乡镇卫生院', name: '乡镇卫生院', type: 'TOWNSHIP_HEALTH_CENTRE' as const, generic: true },
      ],
      indicatorValues: [{ span, text: '81.76%', indicatorId: 'ind:x', indicatorName: '公有产权村卫生室占比', quantity, kind: 'ACTUAL' as const, year: 2022 }],
      projects: [{ span, name: '市疾控中心迁建项目' }],
      diagnostics: [],
    };
    const p = factsFrom([facts]);
    expect(p.institutions.map((i) => i.name)).toEqual(['南阳市中心医院']);
    expect(p.quantities).toEqual([{ span, text: '81.76%', value: 81.76, masked: false }]);
    expect(p.indicatorValues).toEqual([{ span, text: '81.76%', indicator: '公有产权村卫生室占比', value: 81.76, kind: 'ACTUAL', year: 2022 }]);
    expect(p.projects).toEqual([{ span, name: '市疾控中心迁建项目' }]);
  });
});

describe('locating gold statements', () => {
  it('takes the first place a statement can start, not a word inside a heading before it', async () => {
    const { locateStatementsInOrder } = await import('../../src/eval/locate.ts');
    const text = '（十）以深化改革为重点\n1.深化改革。深化改革，按照要求';
    expect(locateStatementsInOrder(text, ['深化改革', '深化改革，按照要求'])).toEqual({ ok: true, spans: [{ start: 14, end: 18 }, { start: 19, end: 28 }] });
    // With no such place, the first occurrence.
    expect(locateStatementsInOrder('以深化改革', ['深化改革'])).toEqual({ ok: true, spans: [{ start: 1, end: 5 }] });
  });
});
