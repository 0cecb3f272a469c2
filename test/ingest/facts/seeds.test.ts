// Every statement of every seed through extractFacts: nothing throws, every
// span cuts its text back out of the original, and a few properties that
// must hold whatever the heuristics find.
import { describe, expect, it } from 'vitest';
import { SEED_NAMES, seed, seedFacts } from './helpers.ts';

describe.each(SEED_NAMES)('facts of seed %s', (name) => {
  const original = seed(name).source.text;
  const all = seedFacts(name);
  const boxNames = new Set(seed(name).boxes.flatMap((b) => [b.title, ...b.items.map((i) => i.name)]));

  it('finds facts in the seed without throwing', () => {
    const total = all.reduce((n, { facts }) => n + facts.quantities.length + facts.times.length + facts.institutions.length, 0);
    expect(total).toBeGreaterThan(20);
  });

  it('cuts every fact back out of the original text, inside its statement', () => {
    for (const { statement, facts } of all) {
      const texts = [...facts.quantities, ...facts.times, ...facts.institutions, ...facts.indicatorValues];
      for (const f of texts) {
        expect(original.slice(f.span.start, f.span.end), statement.id).toBe(f.text);
        expect(f.span.start).toBeGreaterThanOrEqual(statement.span.start);
        expect(f.span.end).toBeLessThanOrEqual(statement.span.end);
      }
      for (const p of facts.projects) {
        const cut = original.slice(p.span.start, p.span.end);
        expect(cut === p.name || boxNames.has(p.name), `${statement.id}: ${cut} / ${p.name}`).toBe(true);
      }
      for (const v of facts.indicatorValues) expect(facts.quantities).toContainEqual(v.quantity);
    }
  });

  it('reads no year, date, class or level as a quantity', () => {
    for (const { facts } of all) {
      for (const q of facts.quantities) {
        expect(q.text).not.toMatch(/^(?:19|20)\d{2}年|\d月|级|甲等/);
      }
    }
  });

  it('calls the settlement-level classes generic', () => {
    const classes = all.flatMap(({ facts }) => facts.institutions).filter((i) => /^(?:乡镇卫生院|村卫生室|社区卫生服务中心)$/.test(i.name));
    expect(classes.every((i) => i.generic)).toBe(true);
  });
});

describe('seed 001, whose names and many values are masked', () => {
  const all = seedFacts('001');
  const original = seed('001').source.text;

  it('reads every masked value as masked: 74 of them, none with a value', () => {
    // Independently: a run of * followed by a unit (with or without 万).
    const expected = original.match(/[*＊]+万?(?:人次|平方米|公斤|人|例|名|个|所|起|张|座|家|条|对|处|轮|元|％|%|‰)/g) ?? [];
    const masked = all.flatMap(({ facts }) => facts.quantities).filter((q) => q.masked);
    expect(expected).toHaveLength(74);
    expect(masked).toHaveLength(expected.length);
    expect(masked.every((q) => q.value === null && q.upper === null && q.unit !== null)).toBe(true);
    expect(masked.map((q) => q.text)).not.toContain('**户');
  });

  it('never invents the region in a name', () => {
    const institutions = all.flatMap(({ facts }) => facts.institutions);
    expect(institutions.length).toBeGreaterThan(10);
    for (const i of institutions) expect(i.name[0], i.text).toBe(i.text[0]);
    expect(institutions.filter((i) => i.text === '区人民医院').map((i) => [i.name, i.generic])).toContainEqual(['区人民医院', false]);
  });

  it('reports the 2020 cut-off in the 2022 summary', () => {
    const rules = all.flatMap(({ facts }) => facts.diagnostics.map((d) => d.rule));
    expect(rules).toContain('time-as-of-before-part');
  });
});

describe('seed 000', () => {
  it('names its institutions in full and reports its slips', () => {
    const all = seedFacts('000');
    const names = new Set(all.flatMap(({ facts }) => facts.institutions.filter((i) => !i.generic).map((i) => i.name)));
    for (const n of ['南阳市中心医院', '南阳市第二人民医院', '南阳油田总医院', '卧龙区中医院', '南阳市传染病医院', '南阳市卫生健康体育委员会', '国家卫生健康委员会']) {
      expect(names, n).toContain(n);
    }
    const rules = all.flatMap(({ facts }) => facts.diagnostics.map((d) => d.rule));
    expect(rules).toEqual(expect.arrayContaining(['institution-name-typo', 'quantity-magnitude-missing']));
  });
});
