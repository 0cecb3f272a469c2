// Synthetic corpora for the scale bench and the fault tests, made from the
// five seeds: other regions (from the gazetteer), other years, perturbed
// numbers and institution names, same genre and structure. Deterministic for
// a seed. Usage:
//   node bin/run.js scripts/generate-corpus.ts --scale 100 --out <dir> [--seed 1]
// --scale N writes N copies of each seed (5·N documents).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGazetteer, shortName, type Gazetteer } from '../src/ingest/gazetteer.ts';
import { GENERIC_PLACE_NAMES, SLOGAN_STOPWORDS } from '../src/ingest/lexicon/description.ts';
import type { Place } from '../src/ingest/types.ts';

const SEEDS_DIR = new URL('../seeds/', import.meta.url);

// ---------------------------------------------------------------- PRNG

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of some parts, to derive independent streams (per copy, per region). */
function hash(...parts: Array<string | number>): number {
  let h = 2166136261;
  for (const ch of parts.join('\u0001')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- templates

/**
 * What each seed says about its own place, by role. City seeds (000, 002,
 * 004) name their city, its province and some of its counties; the district
 * seed (003) names itself only by short name (健康临川), plus its city, a
 * sibling county and the provincial capital (南昌大学…).
 */
const REGION_ROLES: Readonly<Record<string, string>> = {
  南阳市: 'city', 开封市: 'city', 南阳: 'cityShort', 开封: 'cityShort',
  河南省: 'province', 河南: 'provinceShort',
  宛城区: 'sub0', 卧龙区: 'sub1', 新野县: 'sub2', 桐柏县: 'sub3', 方城县: 'sub4',
  临川区: 'district', 临川: 'districtShort', 抚州市: 'city', 抚州: 'cityShort',
  宜黄县: 'sub0', 宜黄: 'sub0Short', 南昌: 'capitalShort', 江西省: 'province', 江西: 'provinceShort',
};

/** Institution names the seeds use, with alternatives of the same kind; one is chosen per region. */
const INSTITUTIONS: ReadonlyArray<readonly string[]> = [
  ['市中心医院', '市第一人民医院', '市人民医院'],
  ['市眼科医院', '市眼科中心医院', '市光明眼科医院'],
  ['市传染病医院', '市第六人民医院', '市感染病医院'],
  ['市体育运动学校', '市体育学校', '市竞技体育学校'],
  ['市疾控中心', '市疾病预防控制中心'],
  ['区第一人民医院', '区中心医院', '区第一医院'],
  ['区人民医院', '区总医院'],
  ['区中医医院', '区中医院', '区中西医结合医院'],
  ['东信六医院', '仁和医院', '博爱医院', '康华医院'],
];

type Slot =
  | { readonly t: 'lit'; readonly s: string }
  | { readonly t: 'year'; readonly v: number }
  | { readonly t: 'cnyear'; readonly v: number }
  | { readonly t: 'fyp'; readonly n: number; readonly long: boolean }
  | { readonly t: 'region'; readonly role: string }
  | { readonly t: 'inst'; readonly pool: number }
  | { readonly t: 'num'; readonly v: number; readonly decimals: number; readonly pct: boolean };

export interface Template {
  readonly file: string;
  readonly slots: readonly Slot[];
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_ORD = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (xs: Iterable<string>) => [...xs].sort((a, b) => b.length - a.length).map(escape).join('|');

const TOKEN = new RegExp(
  [
    String.raw`(?<bookmark>\[bookmark: [^\]]*\])`,
    String.raw`(?<fyp>第十[一二三四五六七八九]个五年|十[一二三四五六七八九]五)`,
    String.raw`(?<cnyear>二〇[〇一二三四五六七八九]{2}(?=年))`,
    `(?<region>${longestFirst(Object.keys(REGION_ROLES))})`,
    `(?<inst>${longestFirst(INSTITUTIONS.map((p) => p[0]!))})`,
    String.raw`(?<num>\d+(?:\.\d+)?)`,
  ].join('|'),
  'gu',
);

// A number followed by one of these counts things: 2000张床位 is not a year.
const UNIT_AFTER = /^[张间名个人家所万千百亿元床次例台辆项支座%‰.．点]/;
const HOTLINES = new Set([110, 119, 120, 12315, 12320, 12345, 12355, 12356, 12361]);

/** A seed's text as literal runs and slots to fill per copy. */
export function compileTemplate(file: string, text: string): Template {
  const slots: Slot[] = [];
  let last = 0;
  const lit = (s: string) => s && slots.push({ t: 'lit', s });
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    const at = m.index;
    const token = m[0];
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + token.length, at + token.length + 2);
    let slot: Slot | null = null;
    if (g.fyp) {
      const ord = CN_ORD.indexOf(token.startsWith('第') ? token[2]! : token[1]!);
      slot = { t: 'fyp', n: 10 + ord, long: token.startsWith('第') };
    } else if (g.cnyear) {
      slot = { t: 'cnyear', v: Number([...token].map((c) => CN_DIGITS.indexOf(c)).join('')) };
    } else if (g.region) {
      slot = { t: 'region', role: REGION_ROLES[token]! };
    } else if (g.inst) {
      slot = { t: 'inst', pool: INSTITUTIONS.findIndex((p) => p[0] === token) };
    } else if (g.num) {
      slot = numberSlot(text, token, at, before, after);
    }
    if (!slot) continue;
    lit(text.slice(last, at));
    slots.push(slot);
    last = at + token.length;
  }
  lit(text.slice(last));
  return { file, slots };
}

function numberSlot(text: string, token: string, at: number, before: string, after: string): Slot | null {
  const v = Number(token);
  const decimals = token.includes('.') ? token.length - token.indexOf('.') - 1 : 0;
  const prev = before.slice(-1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lead = text.slice(lineStart, at).replace(/\[bookmark: [^\]]*\]/g, '').trim();
  if (decimals === 0 && token.length === 4 && v >= 1990 && v <= 2060 && !UNIT_AFTER.test(after)) return { t: 'year', v };
  // Numbering (1. / （1） / 第1), dates (3月, 15日), codes (5G, COVID-19, _Toc…), hotlines, table serials: as written.
  if (lead === '' && /^[、.．)）]\D?/.test(after) && !/^[.．]\d/.test(after)) return null;
  if (/[（(第]$/.test(prev) && /^[）)]/.test(after)) return null;
  if (prev === '第' || /^[月日号时]/.test(after) || /[A-Za-z_\-/:+]$/.test(prev) || /^[A-Za-z+]/.test(after)) return null;
  if (decimals === 0 && HOTLINES.has(v)) return null;
  if (prev === '\t' && decimals === 0 && v <= 30) return null;
  return { t: 'num', v, decimals, pct: /^[%％]/.test(after) };
}

// ---------------------------------------------------------------- regions

export interface RegionPick {
  readonly place: Place;
  readonly roles: Readonly<Record<string, string>>;
}

interface Places {
  readonly cities: readonly RegionPick[];
  readonly districts: readonly RegionPick[];
}

/**
 * Cities and districts the describe stage will resolve from the rendered text
 * alone: unique full and short names that are not ordinary words. Cities must
 * end in 市 (the seeds say 全市, 市卫健委) and districts in 区 (全区).
 */
export function pickablePlaces(g: Gazetteer = loadGazetteer()): Places {
  const all = new Map<string, Place>();
  for (const name of g.names()) for (const p of g.lookup(name)) all.set(p.code, p);
  const places = [...all.values()].sort((a, b) => a.code.localeCompare(b.code));
  const children = new Map<string, Place[]>();
  for (const p of places) {
    const parent = g.parentsOf(p)[0];
    if (parent) children.set(parent.code, [...(children.get(parent.code) ?? []), p]);
  }
  // The name must mean this place and no other (镇江 is the city, not 镇江新区).
  const sameOnly = (found: readonly Place[], p: Place) => found.length === 1 && found[0]!.code === p.code;
  const unique = (p: Place) => {
    const short = shortName(p.name);
    return (
      short !== null &&
      sameOnly(g.lookup(p.name), p) &&
      sameOnly(g.lookup(short), p) &&
      !SLOGAN_STOPWORDS.has(short) &&
      !GENERIC_PLACE_NAMES.has(p.name)
    );
  };
  const shortOf = (p: Place) => shortName(p.name) ?? p.name;
  const capitalOf = (province: Place) => (children.get(province.code) ?? []).find((c) => c.level === 'city') ?? province;
  const cities: RegionPick[] = [];
  for (const c of places) {
    if (c.level !== 'city' || !c.name.endsWith('市') || !unique(c)) continue;
    const province = g.parentsOf(c)[0]!;
    const subs = (children.get(c.code) ?? []).filter((s) => !GENERIC_PLACE_NAMES.has(s.name) && shortName(s.name));
    if (subs.length === 0) continue;
    const roles: Record<string, string> = { city: c.name, cityShort: shortOf(c), province: province.name, provinceShort: shortOf(province) };
    for (let i = 0; i < 5; i++) roles[`sub${i}`] = subs[i % subs.length]!.name;
    cities.push({ place: c, roles });
  }
  const districts: RegionPick[] = [];
  for (const d of places) {
    const [city, province] = g.parentsOf(d);
    if (d.level !== 'district' || !d.name.endsWith('区') || !city || !province || city.level !== 'city' || !unique(d)) continue;
    const sibling = (children.get(city.code) ?? []).find((s) => s !== d && shortName(s.name) && !GENERIC_PLACE_NAMES.has(s.name));
    if (!sibling) continue;
    districts.push({
      place: d,
      roles: {
        district: d.name,
        districtShort: shortOf(d),
        city: city.name,
        cityShort: shortOf(city),
        sub0: sibling.name,
        sub0Short: shortOf(sibling),
        capitalShort: shortOf(capitalOf(province)),
        province: province.name,
        provinceShort: shortOf(province),
      },
    });
  }
  return { cities, districts };
}

// ---------------------------------------------------------------- rendering

export interface Variant {
  /** Years added to every year of the seed. */
  readonly shift: number;
  /** Role → name; null for the masked seed, which names no place. */
  readonly region: RegionPick | null;
  /** Per-document stream for the numbers. */
  readonly seed: number;
  /** Per-region choice of institution names. */
  readonly institutions: readonly number[];
}

const toChineseYear = (y: number) => [...String(y)].map((d) => CN_DIGITS[Number(d)]).join('');

export function render(template: Template, v: Variant): string {
  const rand = prng(v.seed);
  const out: string[] = [];
  for (const slot of template.slots) {
    switch (slot.t) {
      case 'lit':
        out.push(slot.s);
        break;
      case 'year':
        out.push(String(slot.v + v.shift));
        break;
      case 'cnyear':
        out.push(toChineseYear(slot.v + v.shift));
        break;
      case 'fyp': {
        // Plan periods move only with a whole period: 十四五 stays 十四五 under a shift of 1.
        const n = v.shift % 5 === 0 ? slot.n + v.shift / 5 : slot.n;
        out.push(slot.long ? `第十${CN_ORD[n - 10]}个五年` : `十${CN_ORD[n - 10]}五`);
        break;
      }
      case 'region':
        out.push(v.region?.roles[slot.role] ?? slot.role);
        break;
      case 'inst':
        out.push(INSTITUTIONS[slot.pool]![v.institutions[slot.pool]!]!);
        break;
      case 'num':
        out.push(perturb(slot, rand()));
        break;
    }
  }
  return out.join('');
}

/** ±20% or so, same decimals; a percentage never goes over 100, a count never to 0. */
function perturb(slot: { v: number; decimals: number; pct: boolean }, r: number): string {
  if (slot.v === 0) return slot.decimals ? (0).toFixed(slot.decimals) : '0';
  let x = slot.v * (0.8 + 0.45 * r);
  if (slot.pct && x > 100) x = slot.v;
  if (slot.decimals === 0) x = Math.max(1, Math.round(x));
  return x.toFixed(slot.decimals);
}

// ---------------------------------------------------------------- the corpus

export interface GeneratedDocument {
  readonly name: string;
  readonly seedFile: string;
  /** The region code the text should resolve to; null for the masked seed. */
  readonly regionCode: string | null;
  readonly shift: number;
}

/** Rounds of the same city: annual shifts -1..3 stay inside 十四五; five-year plans move by whole periods. */
const FIVE_YEAR_SHIFTS = [0, -5, 5, -10];

/**
 * Each city gets this many consecutive copies (rounds) before the next city
 * is taken, at every scale: a city's plans and summaries of four years, as a
 * real city publishes them. Handing out cities one copy at a time instead
 * made a region's document count grow with the scale (3 at 100×, 10 at
 * 1000×, since there are ~300 usable cities), and with it the links per
 * document, so the larger corpora were not the same kind of corpus.
 */
export const ROUNDS_PER_CITY = FIVE_YEAR_SHIFTS.length;

/**
 * Every document of a corpus of `scale` copies of each seed, as a lazy list:
 * the bench and the tests can render them one at a time. The city seeds of
 * copy k share a city, so the plan of year Y (004) meets the summary of Y
 * (000); the rounds of one city (copies 4c…4c+3) and the two copies of a
 * district's summary+plan (003) follow on by one year.
 */
export function* corpus(scale: number, seed = 1): Generator<GeneratedDocument & { text: string }> {
  const templates = loadTemplates();
  const { cities, districts } = pickablePlaces();
  const cityOrder = shuffled(cities, prng(hash(seed, 'cities')));
  const districtOrder = shuffled(districts, prng(hash(seed, 'districts')));
  const institutions = (code: string) => INSTITUTIONS.map((pool, i) => hash(seed, code, 'inst', i) % pool.length);
  const base = (code: string, choices: readonly number[]) => choices[hash(seed, code, 'base') % choices.length]!;
  let n = 0;
  for (let k = 0; k < scale; k++) {
    const city = cityOrder[Math.floor(k / ROUNDS_PER_CITY) % cityOrder.length]!;
    // Past every city's four rounds (over ~1,200 copies), a city comes round again twenty years on.
    const round = (k % ROUNDS_PER_CITY) + ROUNDS_PER_CITY * Math.floor(k / (ROUNDS_PER_CITY * cityOrder.length));
    const annual = base(city.place.code, [-1, 0]) + (round % 4);
    const fiveYear = FIVE_YEAR_SHIFTS[round % 4]! - 20 * Math.floor(round / 4);
    const district = districtOrder[Math.floor(k / 2) % districtOrder.length]!;
    const districtShift = base(district.place.code, [-2, -1, 0]) + (k % 2);
    const masked = Math.floor(prng(hash(seed, k, 'masked'))() * 5) - 2;
    const plan: Array<[string, RegionPick | null, number]> = [
      ['000', city, annual],
      ['001', null, masked],
      ['002', city, fiveYear],
      ['003', district, districtShift],
      ['004', city, annual],
    ];
    for (const [id, region, shift] of plan) {
      const template = templates.get(id)!;
      const code = region?.place.code ?? 'masked';
      const text = render(template, { shift, region, seed: hash(seed, k, id), institutions: institutions(code) });
      const name = `${String(n++).padStart(5, '0')}_${id}_${region?.place.code ?? 'xxxxxx'}_${shift >= 0 ? '+' : ''}${shift}.txt`;
      yield { name, text, seedFile: template.file, regionCode: region?.place.code ?? null, shift };
    }
  }
}

let templateCache: Map<string, Template> | null = null;

function loadTemplates(): Map<string, Template> {
  if (!templateCache) {
    templateCache = new Map();
    for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
      templateCache.set(file.slice(0, 3), compileTemplate(file, readFileSync(new URL(file, SEEDS_DIR), 'utf8')));
    }
  }
  return templateCache;
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Write a corpus to `dir`; returns the documents written and their total size. */
export function writeCorpus(dir: string, scale: number, seed = 1): { documents: GeneratedDocument[]; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const documents: GeneratedDocument[] = [];
  let bytes = 0;
  for (const { text, ...doc } of corpus(scale, seed)) {
    const data = Buffer.from(text, 'utf8');
    writeFileSync(join(dir, doc.name), data);
    bytes += data.byteLength;
    documents.push(doc);
  }
  return { documents, bytes };
}

// ---------------------------------------------------------------- command line

function arg(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  const scale = Number(arg(argv, 'scale') ?? '10');
  const out = arg(argv, 'out');
  const seed = Number(arg(argv, 'seed') ?? '1');
  if (!out || !Number.isInteger(scale) || scale < 1 || !Number.isInteger(seed)) {
    console.error('usage: node bin/run.js scripts/generate-corpus.ts --scale <N ≥ 1> --out <dir> [--seed <int>]');
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const { documents, bytes } = writeCorpus(resolve(out), scale, seed);
  const seconds = (performance.now() - started) / 1000;
  const regions = new Set(documents.map((d) => d.regionCode).filter(Boolean)).size;
  console.log(
    `Wrote ${documents.length} documents (${(bytes / 2 ** 20).toFixed(1)} MiB, ${regions} regions) to ${resolve(out)} in ${seconds.toFixed(1)}s (seed ${seed}).`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
