// Institutions named in running text, with a normalised full name.
//
//   征用 卧龙区 中医院 作为…        a name ends with a suffix (中医院) and starts
//        ^^^^^^^^^^^^              where the words stop being name words (征用, a verb)
//
// The name's head decides what it is:
// - a level prefix (`市`, `区`, `县`, `省`) is the document's own city,
//   district/county or province: `市中心医院` in a 南阳 document is
//   南阳市中心医院, `省人民医院` in a 临川 (江西) document 江西省人民医院. A prefix
//   the region does not have (`县人民医院` in a city's document) is a class:
//   every county's hospital. In a document whose region is masked or
//   unknown the prefix stays (`区人民医院`): the region is never invented.
// - a place (`卧龙区中医院`, `南阳油田总医院`, `抚州东信六医院`) or an
//   organisation (`南昌大学第二附属医院`) makes it specific, written as is.
// - `国家` (`国家卫健委`) is the national body.
// - anything else is a class (`乡镇卫生院`, `二级以上公立医院`, `三级医院`,
//   `传染病医院`), generic: true, named by the class as written; so is a name
//   after a quantifier (`所有县人民医院`, `5家县人民医院`) or with a grade after
//   its prefix (`市三甲医院`).
// Abbreviations are expanded (`市二院` → 南阳市第二人民医院, `疾控中心` →
// 疾病预防控制中心, `卫健体委` → 卫生健康体育委员会) and known slips fixed in
// the name only (`市传传染病医院` → 南阳市传染病医院, with a diagnostic).
// A bare two-character suffix (`医院`, `大学`) is no name.

import { GENERIC_PLACE_NAMES, SLOGAN_STOPWORDS } from '../lexicon/description.ts';
import {
  ALIASES,
  CLASS_MARKERS,
  CLASS_ONLY_SUFFIX,
  CLASS_QUANTIFIERS,
  GOVERNMENT_WORDS,
  INSTITUTION_SUFFIXES,
  KNOWN_ABBREVIATIONS,
  LEVEL_PREFIXES,
  NAME_STOP_WORDS,
  NAME_TYPOS,
  NOT_A_PREFIX_AFTER,
  NUMBERED_HOSPITAL,
  ORGANISATION_PREFIX,
} from '../lexicon/institutions.ts';
import { loadGazetteer } from '../gazetteer.ts';
import { chineseNumber } from '../numerals.ts';
import type { Diagnostic, Place, RegionRef } from '../types.ts';
import type { Token } from './segment.ts';
import { overlaps, type Range, type StatementText } from './text.ts';
import type { InstitutionFact, InstitutionType } from './types.ts';

export interface InstitutionContext {
  readonly region: RegionRef;
}

export interface FoundInstitution {
  readonly fact: InstitutionFact;
  readonly range: Range;
}

interface Candidate {
  readonly range: Range;
  readonly type: InstitutionType;
}

const SUFFIX_RE = new RegExp(
  [...INSTITUTION_SUFFIXES]
    .map(([s]) => s)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
const TYPE_OF = new Map(INSTITUTION_SUFFIXES);
const NUMBERED_IN_TEXT = /[省市区县][一二三四五六七八九十]{1,2}院(?![区长内外级多])/g;
// Tags that end a name walked leftwards. Nouns, place and organisation names,
// distinguishing words (三级/b, 附属/b), localisers (以上/f), verbal nouns
// (救援/vn) and Chinese ordinals stay in.
const NAME_BREAK = /^(?:v|vd|vg|vi|p|c|d|dg|r|rr|rz|u|ud|ug|uj|ul|uv|uz|x|w|q|t|tg|l|i|y|e|o|eng)$/;
const SHORTEST_BARE_SUFFIX = 3;

/** Institutions in one statement. `barriers`: quantities and times, which no name crosses. */
export function findInstitutions(
  st: StatementText,
  ctx: InstitutionContext,
  barriers: readonly Range[],
  diagnostics: Diagnostic[],
): FoundInstitution[] {
  const candidates = [...suffixCandidates(st, barriers), ...numberedCandidates(st), ...governmentCandidates(st)];
  const kept = withoutNested(candidates);
  const out: FoundInstitution[] = abbreviations(st);
  for (const c of kept) {
    const previous = out.filter((o) => o.range.end <= c.range.start).pop();
    const fact = describe(st, c, ctx, diagnostics);
    // `市中心医院新区医院`: a campus named after the hospital just read is part of it.
    if (previous && previous.range.end === c.range.start && fact.generic) continue;
    out.push({ fact, range: c.range });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** `国开行` → 国家开发银行: names with no suffix, from a table. */
function abbreviations(st: StatementText): FoundInstitution[] {
  const out: FoundInstitution[] = [];
  for (const [written, name, type] of KNOWN_ABBREVIATIONS) {
    for (let at = st.text.indexOf(written); at >= 0; at = st.text.indexOf(written, at + written.length)) {
      const range = { start: at, end: at + written.length };
      out.push({ fact: { span: st.spanOf(range), text: written, name, type, generic: false }, range });
    }
  }
  return out;
}

// ---------------------------------------------------------------- candidates

function suffixCandidates(st: StatementText, barriers: readonly Range[]): Candidate[] {
  const out: Candidate[] = [];
  let previousEnd = 0;
  for (const m of st.text.matchAll(SUFFIX_RE)) {
    const type = TYPE_OF.get(m[0]) ?? 'OTHER';
    const suffix = { start: m.index, end: m.index + m[0].length };
    if (barriers.some((b) => overlaps(b, suffix))) continue;
    const limit = Math.max(previousEnd, ...barriers.filter((b) => b.end <= suffix.start).map((b) => b.end));
    const start = nameStart(st, suffix.start, limit);
    // A university heads the names of its hospitals (`南昌大学第二附属医院`): a name may run through it.
    previousEnd = type === 'UNIVERSITY' ? previousEnd : suffix.end;
    if (start === suffix.start && m[0].length < SHORTEST_BARE_SUFFIX) continue;
    out.push({ range: { start, end: suffix.end }, type });
  }
  return out;
}

/** `市二院` → a numbered hospital. */
function numberedCandidates(st: StatementText): Candidate[] {
  return [...st.text.matchAll(NUMBERED_IN_TEXT)].map((m) => ({ range: { start: m.index, end: m.index + m[0].length }, type: 'HOSPITAL' as const }));
}

/** `市委`, `区政府`: one token. */
function governmentCandidates(st: StatementText): Candidate[] {
  return st
    .tokens()
    .filter((t) => GOVERNMENT_WORDS.test(t.word))
    .map((t) => ({ range: { start: t.start, end: t.end }, type: 'GOVERNMENT' as const }));
}

/**
 * Where the name ending at `suffixStart` starts: walk tokens leftwards
 * while they can be part of a name, never before `limit`. A token that
 * holds the suffix's start (`中医院`, `总医院`) belongs to the name.
 */
function nameStart(st: StatementText, suffixStart: number, limit: number): number {
  const tokens = st.tokens();
  let i = tokens.findIndex((t) => t.start <= suffixStart && suffixStart < t.end);
  if (i < 0) return suffixStart;
  let start = Math.max(tokens[i]!.start, limit);
  for (i--; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.end <= limit) break;
    if (!isNameWord(t, tokens[i + 1] ?? null)) break;
    start = Math.max(t.start, limit);
    if (t.start < limit) break;
  }
  return start;
}

function isNameWord(t: Token, next: Token | null): boolean {
  if (NAME_STOP_WORDS.has(t.word)) return false;
  if (t.word === '及' && next && /^以[上下]/.test(next.word)) return true;
  if (t.tag === 'm') return /^第?[一二三四五六七八九十]+$/.test(t.word);
  return !NAME_BREAK.test(t.tag);
}

/** Keep the widest of overlapping candidates. */
function withoutNested(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.range.end - b.range.start - (a.range.end - a.range.start) || a.range.start - b.range.start);
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => overlaps(k.range, c.range))) kept.push(c);
  return kept.sort((a, b) => a.range.start - b.range.start);
}

// ---------------------------------------------------------------- naming

interface Head {
  /** The region's place for a level prefix, or null. */
  readonly place: Place | null;
  /** Characters of the prefix (`市`, `国家`), 0 when none. */
  readonly prefixLength: number;
  readonly kind: 'resolved' | 'unresolved' | 'foreign-level' | 'national' | 'place' | 'organisation' | 'none';
}

function describe(st: StatementText, c: Candidate, ctx: InstitutionContext, diagnostics: Diagnostic[]): InstitutionFact {
  const text = st.text.slice(c.range.start, c.range.end);
  const head = headOf(text, ctx.region);
  const rest = text.slice(head.prefixLength);
  const { fixed, typo } = fixTypos(normalise(rest));
  const before = st.text.slice(Math.max(0, c.range.start - 4), c.range.start);
  const generic =
    head.kind === 'none' ||
    CLASS_ONLY_SUFFIX.test(text) ||
    st.inShortQuote(c.range.start + 1) ||
    head.kind === 'foreign-level' ||
    CLASS_QUANTIFIERS.test(before) ||
    (head.prefixLength > 0 && CLASS_MARKERS.test(rest));
  const span = st.spanOf(c.range);
  // A class keeps its level as written (`县人民医院`); one institution gets its region's name.
  const prefix = head.place && !generic ? head.place.name : text.slice(0, head.prefixLength);
  const name = `${prefix}${fixed}`;
  if (typo) {
    diagnostics.push({
      rule: 'institution-name-typo',
      message: `"${text}" reads as a slip for "${text.replace(typo[0], typo[1])}"; the institution is named ${name}.`,
      span,
      severity: 'info',
    });
  }
  return { span, text, name, type: c.type, generic };
}

/** What the name starts with: a level prefix (resolved or not), a place, an organisation, or nothing. */
function headOf(text: string, region: RegionRef): Head {
  for (const [prefix, level] of LEVEL_PREFIXES) {
    if (!text.startsWith(prefix) || NOT_A_PREFIX_AFTER.test(text.slice(prefix.length))) continue;
    if (level === 'national') return { place: null, prefixLength: prefix.length, kind: 'national' };
    if (region.status !== 'resolved') return { place: null, prefixLength: prefix.length, kind: 'unresolved' };
    const place = [region.place, ...region.parents].find((p) => p.level === level && (prefix === '县' || prefix === '区' ? p.name.endsWith(prefix) : true));
    return place ? { place, prefixLength: prefix.length, kind: 'resolved' } : { place: null, prefixLength: 0, kind: 'foreign-level' };
  }
  if (startsWithPlace(text)) return { place: null, prefixLength: 0, kind: 'place' };
  if (ORGANISATION_PREFIX.test(text)) return { place: null, prefixLength: 0, kind: 'organisation' };
  return { place: null, prefixLength: 0, kind: 'none' };
}

/** `卧龙区…`, `南阳油田…`, `抚州东信…`: the name opens with a place of the gazetteer (two characters or more). */
function startsWithPlace(text: string): boolean {
  const gazetteer = loadGazetteer();
  for (let n = Math.min(8, text.length - 1); n >= 2; n--) {
    const head = text.slice(0, n);
    // `平安医院` is a campaign, not a hospital in 平安区.
    if (GENERIC_PLACE_NAMES.has(head) || SLOGAN_STOPWORDS.has(head)) continue;
    if (gazetteer.lookup(head).length > 0) return true;
  }
  return false;
}

/** Abbreviations to full forms (`疾控中心` → `疾病预防控制中心`, `二院` → `第二人民医院`). */
function normalise(rest: string): string {
  const numbered = NUMBERED_HOSPITAL.exec(rest);
  if (numbered && chineseNumber(numbered[1]!) !== null) return `第${numbered[1]}人民医院`;
  let out = rest;
  for (const [pattern, full] of ALIASES) out = out.replace(pattern, full);
  return out;
}

function fixTypos(name: string): { fixed: string; typo: readonly [string, string] | null } {
  const typo = NAME_TYPOS.find(([slip]) => name.includes(slip)) ?? null;
  return { fixed: typo ? name.replace(typo[0], typo[1]) : name, typo };
}
