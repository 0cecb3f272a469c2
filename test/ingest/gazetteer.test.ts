import { describe, expect, it } from 'vitest';
import { loadGazetteer, shortName } from '../../src/ingest/gazetteer.ts';

const g = loadGazetteer();
const chain = (name: string): string[][] =>
  g.lookup(name).map((p) => [p.name, ...g.parentsOf(p).map((q) => q.name)]);

describe('gazetteer', () => {
  it('is loaded once', () => {
    expect(loadGazetteer()).toBe(g);
  });

  it('finds 临川区 by full and short name, under 抚州市 and 江西省', () => {
    const [place, ...rest] = g.lookup('临川区');
    expect(rest).toEqual([]);
    expect(place).toEqual({ name: '临川区', code: '361002', level: 'district' });
    expect(g.parentsOf(place!)).toEqual([
      { name: '抚州市', code: '361000', level: 'city' },
      { name: '江西省', code: '360000', level: 'province' },
    ]);
    expect(g.lookup('临川')).toEqual([place]);
  });

  it('finds cities by short name', () => {
    expect(chain('南阳')).toEqual([['南阳市', '河南省']]);
    expect(chain('开封')).toEqual([['开封市', '河南省']]);
    expect(g.parentsOf(g.lookup('河南省')[0]!)).toEqual([]);
  });

  it('returns every place that shares a name', () => {
    expect(chain('鼓楼区')).toEqual([
      ['鼓楼区', '南京市', '江苏省'],
      ['鼓楼区', '徐州市', '江苏省'],
      ['鼓楼区', '福州市', '福建省'],
      ['鼓楼区', '开封市', '河南省'],
    ]);
    expect(chain('朝阳')).toEqual([
      ['朝阳市', '辽宁省'],
      ['朝阳区', '北京市'],
      ['朝阳县', '朝阳市', '辽宁省'],
      ['朝阳区', '长春市', '吉林省'],
    ]);
    // A county in 青海 is also called 河南 for short.
    expect(chain('河南')).toEqual([['河南省'], ['河南蒙古族自治县', '黄南藏族自治州', '青海省']]);
    expect(chain('吉林')).toEqual([['吉林省'], ['吉林市', '吉林省']]);
  });

  it('hangs districts of municipalities and province-governed counties from the province', () => {
    expect(chain('东城区')).toEqual([['东城区', '北京市']]);
    expect(chain('济源市')).toEqual([['济源市', '河南省']]);
    expect(g.lookup('市辖区')).toEqual([]);
    expect(g.lookup('省直辖县级行政区划')).toEqual([]);
    // 东莞市 is listed as a city and again as its own only area: one place.
    expect(g.lookup('东莞')).toHaveLength(1);
  });

  it('derives short names by suffix, ethnic names included, never under two characters', () => {
    expect(shortName('河南省')).toBe('河南');
    expect(shortName('广西壮族自治区')).toBe('广西');
    expect(shortName('内蒙古自治区')).toBe('内蒙古');
    expect(shortName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortName('长阳土家族自治县')).toBe('长阳');
    expect(shortName('双江拉祜族佤族布朗族傣族自治县')).toBe('双江');
    expect(shortName('博尔塔拉蒙古自治州')).toBe('博尔塔拉');
    expect(shortName('管城回族区')).toBe('管城');
    expect(shortName('大兴安岭地区')).toBe('大兴安岭');
    expect(shortName('兴安盟')).toBe('兴安');
    expect(shortName('神农架林区')).toBe('神农架');
    expect(shortName('万柏林区')).toBe('万柏林');
    expect(shortName('鄂温克族自治旗')).toBeNull();
    expect(shortName('东乡族自治县')).toBeNull();
    expect(shortName('赵县')).toBeNull();
    expect(shortName('城区')).toBeNull();
    expect(shortName('南阳高新技术产业开发区')).toBeNull();
    expect(g.lookup('赵')).toEqual([]);
  });

  it('keeps zone-like 新区 from taking their city’s short name', () => {
    expect(chain('兰州')).toEqual([['兰州市', '甘肃省']]);
    expect(chain('浦东')).toEqual([['浦东新区', '上海市']]);
  });

  it('lists every full and short name for scanning', () => {
    const names = new Set(g.names());
    for (const n of ['临川区', '临川', '南阳市', '南阳', '江西省', '江西', '广西壮族自治区', '广西']) expect(names.has(n), n).toBe(true);
    expect([...names].every((n) => n.length >= 2)).toBe(true);
    expect(names.size).toBeGreaterThan(6000);
  });
});
