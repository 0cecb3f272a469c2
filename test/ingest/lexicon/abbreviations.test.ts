import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, lexiconFormsIn, notAfterOf, variantsOf } from '../../../src/ingest/lexicon/abbreviations.ts';

describe('the abbreviation lexicon', () => {
  it('gives every entry a reason and forms that differ from its short form', () => {
    for (const e of ABBREVIATIONS) {
      expect(e.reason.length, e.short).toBeGreaterThan(10);
      expect(e.full.length, e.short).toBeGreaterThan(0);
      expect(e.full, e.short).not.toContain(e.short);
    }
  });

  it('holds each short form once', () => {
    const shorts = ABBREVIATIONS.map((e) => e.short);
    expect(new Set(shorts).size).toBe(shorts.length);
  });

  it('gives a short form its full forms, with the reason', () => {
    expect(variantsOf('疾控')).toEqual([{ text: '疾病预防控制', reason: expect.stringContaining('疾病预防控制中心') }]);
    expect(variantsOf('医共体').map((v) => v.text)).toEqual(['医疗卫生共同体', '医疗共同体']);
  });

  it('gives a full form its short form, and the other ways of writing it out', () => {
    expect(variantsOf('家庭医生').map((v) => v.text)).toEqual(['家医']);
    expect(variantsOf('医疗共同体').map((v) => v.text)).toEqual(['医共体', '医疗卫生共同体']);
  });

  it('swaps a form inside a longer word', () => {
    expect(variantsOf('市疾控中心').map((v) => v.text)).toEqual(['市疾病预防控制中心']);
    expect(variantsOf('疾病预防控制中心').map((v) => v.text)).toEqual(['疾控中心']);
  });

  it('does not take the end of another word for a short form', () => {
    // 国家医学中心 is 国家 + 医学中心: no 家医 (家庭医生) in it.
    expect(variantsOf('国家医学中心')).toEqual([]);
    expect(lexiconFormsIn('建设国家医学中心')).toEqual([]);
    expect(lexiconFormsIn('推进家医签约')).toEqual(['家医']);
    expect(notAfterOf('家医签约')).toBe('国专居');
    expect(notAfterOf('家庭医生')).toBe('');
  });

  it('finds the forms a text writes, short and full', () => {
    expect(lexiconFormsIn('开展两癌筛查，推进医共体和医疗联合体建设')).toEqual(['医共体', '医疗联合体', '两癌']);
  });
});
