import { describe, expect, it } from 'vitest';
import { buildIndex, type SearchEntry } from '../../src/search/index.ts';
import { idf, PHRASE_BONUS, weight } from '../../src/search/bm25.ts';
import { search, type SearchRequest } from '../../src/search/query.ts';
import { termsOf } from '../../src/search/terms.ts';

const entry = (id: string, text: string, more: Partial<SearchEntry> = {}): SearchEntry => ({
  id,
  kind: 'COMMITMENT',
  doc: 'doc-a',
  text,
  name: null,
  start: 0,
  end: text.length,
  quote: text,
  region: '南阳市',
  yearFrom: 2022,
  yearTo: 2022,
  ...more,
});

// Background texts, so that keys have the rarity they would in a corpus.
const filler = ['加强基层医疗卫生服务能力建设', '推进公立医院高质量发展', '完善公共卫生应急管理体系', '提升全民健康信息化水平', '做好老年人健康管理服务'].map((t, i) =>
  entry(`z${i}`, t),
);
const ids = (index: ReturnType<typeof buildIndex>, request: Partial<SearchRequest> & { text: string }) =>
  search(index, { skip: 0, limit: 50, ...request }).hits.map((h) => h.entry.id);

describe('search ranking', () => {
  const index = buildIndex([
    entry('scattered', '公有资产产权明晰，村级卫生室全覆盖'),
    entry('phrase', '全市公有产权村卫生室达3702个，覆盖率进一步提升'),
    entry('apart', '推进公有产权改革，规范村卫生室建设'),
    ...filler,
  ]);

  it('puts the text holding the query written out first, clearly ahead', () => {
    const { hits } = search(index, { text: '公有产权村卫生室', skip: 0, limit: 10 });
    expect(hits[0]!.entry.id).toBe('phrase');
    // Every pair but 权村 is in `apart` too: only the phrase bonus separates them, and by a clear margin.
    expect(hits.map((h) => h.entry.id)).toEqual(['phrase', 'apart', 'scattered']);
    expect(hits[0]!.score - hits[1]!.score).toBeGreaterThan(0.5);
    expect(hits[1]!.score).toBeGreaterThan(hits[2]!.score);
    expect(hits[0]!.highlighted).toContain('【公有产权村卫生室】');
  });

  it('does not count one stray pair as a match', () => {
    // 卫生 alone is one pair of seven: the filler texts hold it and are not hits.
    expect(search(index, { text: '公有产权村卫生室', skip: 0, limit: 10 }).total).toBe(3);
  });

  it('finds part of a word and a paraphrase: 中医馆 finds 中医堂', () => {
    const i = buildIndex([entry('tang', '每个乡镇卫生院建成中医堂'), entry('guan', '社区卫生服务中心建成中医馆'), ...filler]);
    expect(ids(i, { text: '中医馆' })).toEqual(['guan', 'tang']);
  });

  it('ranks a shorter text first when both hold the words alike (BM25’s length discount)', () => {
    const i = buildIndex([entry('a-long', `建设胸痛中心，${'并加强人才队伍和学科建设'.repeat(4)}`), entry('b-short', '建设胸痛中心'), ...filler]);
    const { hits } = search(i, { text: '胸痛中心', skip: 0, limit: 10 });
    expect(hits.map((h) => h.entry.id)).toEqual(['b-short', 'a-long']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('breaks equal scores by id, whatever order the entries came in', () => {
    const i = buildIndex([entry('c', '建设胸痛中心'), entry('a', '建设胸痛中心'), entry('b', '建设胸痛中心'), ...filler]);
    const { hits } = search(i, { text: '胸痛中心', skip: 0, limit: 10 });
    expect(hits.map((h) => h.entry.id)).toEqual(['a', 'b', 'c']);
    expect(new Set(hits.map((h) => h.score)).size).toBe(1);
  });

  it('answers the same on a second run (its counters are left clean)', () => {
    const first = search(index, { text: '村卫生室', skip: 0, limit: 10 });
    search(index, { text: '公有产权', skip: 0, limit: 10 });
    expect(search(index, { text: '村卫生室', skip: 0, limit: 10 })).toEqual(first);
  });

  it('finds a single character by looking through the texts', () => {
    expect(ids(index, { text: '覆' }).sort()).toEqual(['phrase', 'scattered']);
  });
});

describe('short forms and their full forms, from the lexicon', () => {
  const index = buildIndex([
    entry('full', '推进市疾病预防控制中心迁建'),
    entry('short', '县级疾控中心标准化建设全部达标'),
    entry('other', '加强传染病预防工作'),
    ...filler,
  ]);

  it('疾控 finds 疾病预防控制中心', () => {
    expect(ids(index, { text: '疾控' })).toEqual(expect.arrayContaining(['full', 'short']));
    expect(ids(index, { text: '疾控' })).not.toContain('other');
  });

  it('疾病预防控制中心 finds 疾控中心', () => {
    expect(ids(index, { text: '疾病预防控制中心' }).slice(0, 2).sort()).toEqual(['full', 'short']);
  });

  it('marks the form that matched', () => {
    const hit = search(index, { text: '疾病预防控制中心', skip: 0, limit: 10 }).hits.find((h) => h.entry.id === 'short')!;
    expect(hit.highlighted).toContain('【疾控中心】');
  });
});

describe('filters and pages', () => {
  const index = buildIndex([
    entry('c1', '建设胸痛中心和卒中中心', { region: '南阳市', yearFrom: 2021, yearTo: 2025, doc: 'doc-plan' }),
    entry('c2', '建成胸痛中心', { region: '开封市', yearFrom: 2022, yearTo: 2022, doc: 'doc-kf' }),
    entry('o1', '胸痛中心通过国家认证', { kind: 'OUTCOME', region: '南阳市', yearFrom: 2022, yearTo: 2022, doc: 'doc-sum' }),
    entry('p1', '胸痛中心建设：建设市级胸痛中心', { kind: 'PROJECT', name: '胸痛中心建设', region: '南阳市', yearFrom: 2021, yearTo: 2025, doc: 'doc-plan' }),
    entry('u', '建设胸痛中心', { region: null, yearFrom: null, yearTo: null, doc: 'doc-x' }),
    ...filler,
  ]);
  const all = ids(index, { text: '胸痛中心' });

  it('keep the hits of a region, a year, some kinds, a document, and all of them together', () => {
    expect(all.sort()).toEqual(['c1', 'c2', 'o1', 'p1', 'u']);
    expect(ids(index, { text: '胸痛中心', where: { region: '南阳市' } }).sort()).toEqual(['c1', 'o1', 'p1']);
    // A five-year plan's task speaks for every year of its period; a text without years for none.
    expect(ids(index, { text: '胸痛中心', where: { year: 2023 } }).sort()).toEqual(['c1', 'p1']);
    expect(ids(index, { text: '胸痛中心', where: { year: 2022 } }).sort()).toEqual(['c1', 'c2', 'o1', 'p1']);
    expect(ids(index, { text: '胸痛中心', where: { kinds: ['OUTCOME', 'PROJECT'] } }).sort()).toEqual(['o1', 'p1']);
    expect(ids(index, { text: '胸痛中心', where: { documentId: 'doc-plan' } }).sort()).toEqual(['c1', 'p1']);
    expect(ids(index, { text: '胸痛中心', where: { region: '南阳市', year: 2022, kinds: ['COMMITMENT'], documentId: 'doc-plan' } })).toEqual(['c1']);
    expect(ids(index, { text: '胸痛中心', where: { region: '无此市' } })).toEqual([]);
  });

  it('count every hit and page through them in rank order', () => {
    const ranked = ids(index, { text: '胸痛中心' });
    const pages = [0, 2, 4].flatMap((skip) => ids(index, { text: '胸痛中心', skip, limit: 2 }));
    expect(pages).toEqual(ranked);
    expect(search(index, { text: '胸痛中心', skip: 4, limit: 2 }).total).toBe(5);
    expect(ids(index, { text: '胸痛中心', skip: 9, limit: 2 })).toEqual([]);
  });
});

describe('reading only the lists it needs', () => {
  // A reference that reads every entry: which hold half the pairs, and their BM25 sums.
  it('finds exactly the entries and scores a search reading every entry would', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = '卫生医院疾控中心公有产权村室建设服务';
    const text = (length: number) => Array.from({ length }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const index = buildIndex(Array.from({ length: 3000 }, (_, i) => entry(`e${String(i).padStart(4, '0')}`, text(4 + Math.floor(rand() * 30)))));
    for (const query of ['公有产权村卫生室', '医院建设', '疾控中心服务', '村室']) {
      const got = search(index, { text: query, skip: 0, limit: 3000 });
      // Pairs of the query's only form (the alphabet makes no short forms of the lexicon).
      const pairs = [...new Set(Array.from({ length: query.length - 1 }, (_, i) => query.slice(i, i + 2)))];
      const expected = index.entries.filter((e) => pairs.filter((p) => e.text.includes(p)).length >= Math.ceil(pairs.length / 2)).map((e) => e.id);
      expect(got.total, query).toBe(expected.length);
      expect(got.hits.map((h) => h.entry.id).sort(), query).toEqual(expected.sort());
      // Each score is the BM25 sum over every key of the query, on the form's scale, plus the phrase bonus.
      const keys = [...termsOf(query).keys()];
      const idfOf = (key: string) => {
        const k = index.keys.get(key);
        return idf(index.entries.length, k === undefined ? 0 : index.offsets[k + 1]! - index.offsets[k]!);
      };
      const ideal = keys.reduce((sum, key) => sum + idfOf(key), 0);
      for (const hit of got.hits) {
        const held = termsOf(hit.entry.text);
        const sum = keys.reduce((s, key) => s + (held.has(key) ? weight(idfOf(key), held.get(key)!, index.lengths[hit.rank]!, index.averageLength) : 0), 0);
        expect(hit.score, `${query} ${hit.entry.text}`).toBeCloseTo(sum / ideal + (hit.entry.text.includes(query) ? PHRASE_BONUS : 0), 3);
      }
    }
  });
});
