import { describe, expect, it } from 'vitest';
import { scoreIndicatorValues, scoreInstitutions, scoreProjects, scoreQuantities } from '../../src/eval/facts.ts';
import { scoreStatements } from '../../src/eval/statements.ts';
import { scoreTableRows } from '../../src/eval/tables.ts';
import type { GoldTableRow, PredictedIndicatorValue } from '../../src/eval/types.ts';

const span = (start: number, end: number) => ({ start, end });

describe('scoreStatements', () => {
  const gold = [
    { span: span(0, 10), class: 'OUTCOME' as const, text: 'a' },
    { span: span(10, 20), class: 'OUTCOME' as const, text: 'b' },
    { span: span(30, 40), class: 'PROBLEM' as const, text: 'c' },
  ];

  it('matches spans overlapping by Jaccard ≥ 0.5, one-to-one', () => {
    const pred = [
      { span: span(0, 12), class: 'OUTCOME' as const, text: 'a' }, // 10/12 with gold 0
      { span: span(0, 20), class: 'OUTCOME' as const, text: 'ab' }, // 0.5 with both, gold 0 taken → gold 1
      { span: span(33, 50), class: 'PROBLEM' as const, text: 'c' }, // 7/20 < 0.5
    ];
    const s = scoreStatements(gold, pred);
    expect(s.prf).toMatchObject({ tp: 2, predicted: 3, gold: 3 });
    expect(s.misses.map((m) => m.text)).toEqual(['c']);
    expect(s.falseHits.map((f) => f.text)).toEqual(['c']);
  });

  it('counts classes of matched pairs in a confusion matrix', () => {
    const pred = [
      { span: span(0, 10), class: 'OUTCOME' as const, text: 'a' },
      { span: span(10, 20), class: 'COMMITMENT' as const, text: 'b' },
    ];
    const s = scoreStatements(gold, pred);
    expect(s.classification).toEqual({ correct: 1, matched: 2, accuracy: 0.5 });
    expect(s.confusion.OUTCOME.OUTCOME).toBe(1);
    expect(s.confusion.OUTCOME.COMMITMENT).toBe(1);
    expect(s.misclassified.map((m) => m.gold.text)).toEqual(['b']);
  });
});

describe('scoreInstitutions', () => {
  const gold = [
    { text: '市中心医院', name: '南阳市中心医院' },
    { text: '市二院', name: '南阳市第二人民医院' },
  ];

  it('matches full names, or the way the text writes them, once per distinct name', () => {
    const pred = [
      { span: span(0, 5), text: '市中心医院', name: '南阳市中心医院' },
      { span: span(50, 55), text: '市中心医院', name: '南阳市中心医院' }, // a second mention, not a false hit
      { span: span(60, 63), text: '市二院', name: '市二院' }, // name not expanded, text agrees
      { span: span(70, 75), text: '市卫健委', name: '南阳市卫生健康委员会' },
    ];
    const s = scoreInstitutions(gold, pred);
    expect(s.prf).toMatchObject({ tp: 2, predicted: 3, gold: 2 });
    expect(s.falseHits.map((f) => f.text)).toEqual(['市卫健委']);
  });
});

describe('entities written several ways', () => {
  it('count once when the gold lists the other ways as aliases', () => {
    const s = scoreProjects([{ name: '市中心医院新区医院', aliases: ['市中心医院迁建'] }], [
      { span: span(0, 1), name: '市中心医院新区医院' },
      { span: span(5, 6), name: '市中心医院迁建' },
    ]);
    expect(s.prf).toMatchObject({ tp: 1, predicted: 1, gold: 1 });
    const i = scoreInstitutions([{ text: '市传染病医院', name: '南阳市传染病医院', aliases: ['市传传染病医院'] }], [
      { span: span(0, 1), text: '市传染病医院', name: '南阳市传染病医院' },
      { span: span(5, 6), text: '市传传染病医院', name: '南阳市传传染病医院' },
    ]);
    expect(i.prf).toMatchObject({ tp: 1, predicted: 1, gold: 1 });
  });
});

describe('project mentions of a 专栏 item', () => {
  it('are set aside, neither hits nor false hits', () => {
    const s = scoreProjects([{ name: '市疾控中心迁建项目' }], [
      { span: span(0, 1), name: '市疾控中心迁建项目' },
      { span: span(5, 6), name: '慢性病综合防控' },
      { span: span(9, 10), name: '党员示范带动工程' },
    ], ['重大疾病预防控制工程', '慢性病综合防控']);
    expect(s.prf).toMatchObject({ tp: 1, predicted: 2, gold: 1 });
    expect(s.setAside?.map((p) => p.name)).toEqual(['慢性病综合防控']);
    expect(s.falseHits.map((p) => p.name)).toEqual(['党员示范带动工程']);
  });
});

describe('scoreQuantities', () => {
  const gold = [
    { span: span(10, 14), text: '795个', value: 795, masked: false },
    { span: span(20, 26), text: '2.56万个', value: 25600, masked: false },
    { span: span(30, 34), text: '**万元', value: null, masked: true },
  ];

  it('needs overlapping spans and equal values; masked matches masked', () => {
    const pred = [
      { span: span(8, 14), text: '共795个', value: 795, masked: false },
      { span: span(20, 26), text: '2.56万个', value: 2.56, masked: false }, // 万 not applied
      { span: span(30, 34), text: '**万元', value: null, masked: true },
      { span: span(40, 42), text: '3个', value: 3, masked: false },
    ];
    const s = scoreQuantities(gold, pred);
    expect(s.prf).toMatchObject({ tp: 2, predicted: 4, gold: 3 });
    expect(s.misses.map((m) => m.text)).toEqual(['2.56万个']);
  });
});

describe('scoreIndicatorValues', () => {
  const gold = [
    { indicator: '公有产权村卫生室占比', text: '81.76%', value: 81.76, kind: 'ACTUAL' as const, year: 2022 },
    { indicator: '婴儿死亡率', text: '3.77‰', value: 3.77, kind: 'BASELINE' as const, year: 2015 },
    { indicator: '严重精神障碍患者管理率', text: '**％', value: null, kind: 'ACTUAL' as const, year: 2022 },
  ];
  const pred = (indicator: string, value: number | null, kind: PredictedIndicatorValue['kind'], year: number | null): PredictedIndicatorValue => ({
    span: span(0, 1),
    text: '',
    indicator,
    value,
    kind,
    year,
  });

  it('needs a similar name and equal value, kind and year', () => {
    const s = scoreIndicatorValues(gold, [
      pred('村卫生室公有产权占比', 81.76, 'ACTUAL', 2022),
      pred('婴儿死亡率', 3.77, 'ACTUAL', 2015), // wrong kind
      pred('精神障碍患者管理率', null, 'ACTUAL', 2022),
    ]);
    expect(s.prf).toMatchObject({ tp: 2, predicted: 3, gold: 3 });
    expect(s.misses.map((m) => m.indicator)).toEqual(['婴儿死亡率']);
  });
});

describe('scoreProjects', () => {
  it('matches by name after dropping generic endings, once per distinct name', () => {
    const gold = [{ name: '市疾控中心迁建项目' }, { name: '市眼科医院新院区' }, { name: '市眼科医院迁建项目' }];
    const s = scoreProjects(gold, [
      { span: span(0, 1), name: '市疾控中心迁建' },
      { span: span(5, 6), name: '市疾控中心迁建项目' },
      { span: span(9, 10), name: '市眼科医院迁建' },
    ]);
    expect(s.prf).toMatchObject({ tp: 2, predicted: 2, gold: 3 });
    expect(s.misses.map((m) => m.name)).toEqual(['市眼科医院新院区']);
  });
});

describe('scoreTableRows', () => {
  const cell = (value: number | null, comparator: string | null = 'EQ') => ({ value, comparator, qualitative: null, missing: value === null });
  const row = (number: string, name: string, target: number): GoldTableRow => ({
    number,
    name,
    unit: '‰',
    baseline: cell(3.15),
    target: cell(target, 'LE'),
    attribute: '预期性',
  });

  it('counts a row only when every field is right, and says which field is wrong', () => {
    const s = scoreTableRows([row('3', '婴儿死亡率', 4.2), row('4', '5岁以下儿童死亡率', 5)], [
      { ...row('3', '婴儿死亡率', 4.2), span: span(0, 1) },
      { ...row('4', '5岁以下儿童死亡率', 5.5), span: span(2, 3) },
    ]);
    expect(s.prf).toMatchObject({ tp: 1, predicted: 2, gold: 2 });
    expect(s.wrong).toEqual([{ gold: expect.objectContaining({ number: '4' }), fields: ['target.value 5 ≠ 5.5'] }]);
  });
});
