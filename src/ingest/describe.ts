import { loadGazetteer, shortName, type Gazetteer } from './gazetteer.ts';
import {
  DOC_TYPE_WORD,
  GENERIC_PLACE_NAMES,
  MASK,
  ORG_SUFFIX,
  PLAN_DOCUMENT_WORD,
  PLAN_WORD,
  SLOGAN_NEXT,
  SLOGAN_STOPWORDS,
  SUMMARY_WORD,
} from './lexicon/description.ts';
import type { CleanText, Description, Diagnostic, DocumentKind, Place, RegionRef, Span } from './types.ts';

/**
 * What a document is: title, issuer, kind, the years it speaks for, and the
 * region it comes from. Reads the cleaned text; every span points into the
 * original.
 *
 * Title rule: the first non-empty lines up to and including the first one
 * that names a document type (总结, 计划, 规划, …), at most three, joined
 * without separators. So an issuer line above the title (`南阳市卫生健康体育委员会`
 * + `2022年工作总结及2023年工作谋划`) and a title broken over two lines
 * (`南阳市“十四五”公共卫生体系和` + `全民健康规划`) both become one title,
 * and the span covers all its lines.
 */
export function describe(clean: CleanText, opts: { gazetteer?: Gazetteer } = {}): Description {
  const gazetteer = opts.gazetteer ?? loadGazetteer();
  const diagnostics: Diagnostic[] = [];
  const lines = splitLines(clean.text);
  const title = findTitle(lines);
  const titleSpan = title ? clean.spanOf(title.start, title.end) : { start: 0, end: 0 };
  if (!title) diagnostics.push(diagnostic('title-missing', 'no title line before the body', null, 'warning'));
  const titleText = title?.text ?? '';
  const issuer = issuerInTitle(titleText) ?? issuerInSignature(lines);
  const timing = timingOf({ clean, lines, title: titleText, titleSpan, diagnostics });
  const region = regionOf({ clean, gazetteer, scanners: scannersFor(gazetteer), title: titleText, titleSpan, issuer, diagnostics });
  return { title: titleText, titleSpan, issuer, region, ...timing, diagnostics };
}

// ---------------------------------------------------------------- lines, title, issuer

interface Line {
  readonly text: string;
  /** Clean offsets; end excludes the newline. */
  readonly start: number;
  readonly end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part, start, end: start + part.length });
    start += part.length + 1;
  }
  return lines;
}

const MAX_TITLE_LINES = 3;
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+(?:部分|章))/;
const DATE_LINE = /^[（(]?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?[）)]?$/;

/** A line that can be (part of) a title: short, not a sentence, a heading, a date or a table row. */
function isTitleLike(text: string): boolean {
  return text.length <= 60 && !/[。；;，,：:]$/.test(text) && !NUMBERED.test(text) && !DATE_LINE.test(text) && !text.includes('\t');
}

function findTitle(lines: readonly Line[]): { text: string; start: number; end: number } | null {
  const head: Line[] = [];
  for (const line of lines) {
    if (line.text === '') continue;
    if (head.length === MAX_TITLE_LINES || !isTitleLike(line.text)) break;
    head.push(line);
  }
  if (head.length === 0) return null;
  // Lines before the one naming the document type are an issuer line or the
  // first half of a broken title; without any such line, the first line stands alone.
  const typed = head.findIndex((l) => DOC_TYPE_WORD.test(l.text));
  const used = head.slice(0, typed + 1 || 1);
  return { text: used.map((l) => l.text).join(''), start: used[0]!.start, end: used[used.length - 1]!.end };
}

// A prefix holding any of these is already the title proper, not the issuer.
const NOT_ISSUER = /\d|年|[“”"《》]|十[一二三四五六七八九]?五/;

/** The longest leading run of the title that names a body (`开封市卫健委员会`2022年…), else null. */
function issuerInTitle(title: string): string | null {
  for (let end = title.length; end >= 2; end--) {
    const prefix = title.slice(0, end);
    if (ORG_SUFFIX.test(prefix) && !NOT_ISSUER.test(prefix) && !DOC_TYPE_WORD.test(prefix)) return prefix;
  }
  return null;
}

/** A body named alone on one of the last lines (the signature before the date). */
function issuerInSignature(lines: readonly Line[]): string | null {
  const tail = lines.filter((l) => l.text !== '').slice(-4);
  const line = tail.find((l) => l.text.length <= 30 && ORG_SUFFIX.test(l.text) && !/[\d，。；：、]/.test(l.text));
  return line?.text ?? null;
}

// ---------------------------------------------------------------- kind and years

interface Timing {
  readonly kind: DocumentKind;
  readonly years: readonly number[];
  readonly period: { readonly from: number; readonly to: number } | null;
  readonly baselineYear: number | null;
}

interface TimingContext {
  readonly clean: CleanText;
  readonly lines: readonly Line[];
  readonly title: string;
  readonly titleSpan: Span;
  readonly diagnostics: Diagnostic[];
}

type Role = 'summary' | 'plan';

interface Part {
  readonly role: Role;
  readonly year: number | null;
}

function timingOf(ctx: TimingContext): Timing {
  const five = fiveYearPeriod(ctx);
  if (five) {
    const years = range(five.from, five.to);
    return { kind: 'FIVE_YEAR_PLAN', years, period: five, baselineYear: baselineOf(ctx.clean.text, five.from) };
  }
  const titleYears = yearTokens(ctx.title, ctx);
  const fromTitle = titleParts(ctx.title, titleYears);
  const fromHeadings = headingParts(ctx);
  const kind = annualKind(fromTitle, fromHeadings);
  if (kind === 'OTHER') return { kind, years: sortedYears(titleYears.map((t) => t.year)), period: null, baselineYear: null };
  const lead = leadYear(ctx.lines);
  const summaryYears = kind === 'ANNUAL_PLAN' ? [] : partYears('summary', fromTitle, fromHeadings, lead);
  const planYears = kind === 'ANNUAL_SUMMARY' ? [] : partYears('plan', fromTitle, fromHeadings, kind === 'ANNUAL_PLAN' ? lead : null);
  if ((kind !== 'ANNUAL_PLAN' && summaryYears.length === 0) || (kind !== 'ANNUAL_SUMMARY' && planYears.length === 0)) {
    ctx.diagnostics.push(diagnostic('year-missing', `a ${kind} without a year for each part`, ctx.titleSpan, 'warning'));
  }
  const spoken = kind === 'ANNUAL_SUMMARY' ? summaryYears : planYears;
  const period = spoken.length ? { from: Math.min(...spoken), to: Math.max(...spoken) } : null;
  return { kind, years: sortedYears([...summaryYears, ...planYears]), period, baselineYear: null };
}

/** SUMMARY_AND_PLAN also when the title names one part and a top-level heading a dated part of the other kind. */
function annualKind(title: readonly Part[], headings: readonly Part[]): DocumentKind {
  const has = (parts: readonly Part[], role: Role): boolean => parts.some((p) => p.role === role);
  const summary = has(title, 'summary');
  const plan = has(title, 'plan');
  if (summary && plan) return 'SUMMARY_AND_PLAN';
  if (summary) return has(headings, 'plan') ? 'SUMMARY_AND_PLAN' : 'ANNUAL_SUMMARY';
  if (plan) return has(headings, 'summary') ? 'SUMMARY_AND_PLAN' : 'ANNUAL_PLAN';
  if (has(headings, 'summary') && has(headings, 'plan')) return 'SUMMARY_AND_PLAN';
  if (has(headings, 'plan')) return 'ANNUAL_PLAN';
  if (has(headings, 'summary')) return 'ANNUAL_SUMMARY';
  return 'OTHER';
}

/** Years of one role: the title's, else the headings', else the year that opens the body. */
function partYears(role: Role, title: readonly Part[], headings: readonly Part[], lead: number | null): number[] {
  for (const parts of [title, headings]) {
    const years = parts.filter((p) => p.role === role && p.year !== null).map((p) => p.year!);
    if (years.length) return sortedYears(years);
  }
  return lead === null ? [] : [lead];
}

/**
 * The title read year by year: `2022年工作总结及2023年工作谋划` is a 2022
 * summary and a 2023 plan. A segment naming both (`2022年工作总结和计划`)
 * dates only the summary; the plan's year must come from elsewhere.
 */
function titleParts(title: string, tokens: readonly YearToken[]): Part[] {
  const whole = rolesIn(title);
  if (tokens.length === 0) return whole.map((role) => ({ role, year: null }));
  const parts: Part[] = [];
  tokens.forEach((token, i) => {
    const segment = title.slice(token.index, tokens[i + 1]?.index ?? title.length);
    const roles = rolesIn(segment);
    if (roles.length === 2) parts.push({ role: 'summary', year: token.year }, { role: 'plan', year: null });
    else if (roles.length === 1) parts.push({ role: roles[0]!, year: token.year });
    else if (whole.length === 1) parts.push({ role: whole[0]!, year: token.year });
  });
  return parts;
}

function rolesIn(text: string): Role[] {
  const roles: Role[] = [];
  if (SUMMARY_WORD.test(text)) roles.push('summary');
  if (PLAN_WORD.test(text.replace(SUMMARY_WORD, ''))) roles.push('plan');
  return roles;
}

const TOP_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)/;

/** Dated top-level headings (`三、2023年工作谋划`): the parts a file holds besides what its title says. */
function headingParts(ctx: TimingContext): Part[] {
  const parts: Part[] = [];
  for (const line of ctx.lines) {
    if (line.text.length > 40 || !TOP_HEADING.test(line.text)) continue;
    const year = yearTokens(line.text, ctx, line.start)[0]?.year;
    if (year === undefined) continue;
    // Summary words first: `重点工作完成情况` reports, it does not plan.
    if (SUMMARY_WORD.test(line.text)) parts.push({ role: 'summary', year });
    else if (PLAN_WORD.test(line.text)) parts.push({ role: 'plan', year });
  }
  return parts;
}

/** `2023年，在区委…`: the year a summary's first paragraph opens with. */
function leadYear(lines: readonly Line[]): number | null {
  const body = lines.filter((l) => l.text.length > 60).slice(0, 3);
  for (const line of body) {
    const m = /^(\d{4})年[，,]/.exec(line.text);
    if (m && validYear(Number(m[1]))) return Number(m[1]);
  }
  return null;
}

interface YearToken {
  readonly year: number;
  readonly index: number;
}

const YEAR_TOKEN = /(?<!\d)(\d{4,5}|[〇○零一二三四五六七八九]{4})(?=\s*年)/g;
const CN_DIGIT: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/**
 * Years written `2022年` or `二〇二二年`. A number that cannot be a year
 * (`20222年`, `1900年`) is left out and reported, spanned when `lineStart`
 * locates it (title text is joined from lines, so its spans are the title's).
 */
function yearTokens(text: string, ctx: TimingContext, lineStart?: number): YearToken[] {
  const tokens: YearToken[] = [];
  for (const m of text.matchAll(YEAR_TOKEN)) {
    const raw = m[1]!;
    const year = /^\d+$/.test(raw) ? Number(raw) : Number([...raw].map((c) => CN_DIGIT[c]).join(''));
    if (raw.length === 4 && validYear(year)) {
      tokens.push({ year, index: m.index });
      continue;
    }
    const span = lineStart === undefined ? ctx.titleSpan : ctx.clean.spanOf(lineStart + m.index, lineStart + m.index + raw.length);
    ctx.diagnostics.push(diagnostic('year-format', `“${raw}年” is not a year between 1949 and 2100`, span, 'warning'));
  }
  return tokens;
}

function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1949 && year <= 2100;
}

// `“十四五”`: the n-th five-year plan. From the 3rd (1966–1970) on they run
// back to back, so the n-th starts in 1951 + 5n: 十三五 2016, 十四五 2021, 十五五 2026.
const FIVE_YEAR_MARK = /十([一二三四五六七八九])五|[“"]十五[”"]/;
const YEAR_RANGE = /(?<!\d)(\d{4})\s*[-—–~～至到]+\s*(\d{4})(?!\d)/;

function fiveYearPeriod(ctx: TimingContext): { from: number; to: number } | null {
  const { title } = ctx;
  const mark = FIVE_YEAR_MARK.exec(title);
  if (mark && PLAN_DOCUMENT_WORD.test(title)) {
    const n = mark[1] ? 10 + CN_DIGIT[mark[1]]! : 10;
    return { from: 1951 + 5 * n, to: 1955 + 5 * n };
  }
  const r = YEAR_RANGE.exec(title);
  if (r && /规划|纲要/.test(title)) {
    const from = Number(r[1]);
    const to = Number(r[2]);
    if (validYear(from) && validYear(to) && to - from === 4) return { from, to };
  }
  return null;
}

/** The plan's base year, when the text shows it: the previous plan (`十三五`) or a table column headed by that year. */
function baselineOf(text: string, from: number): number | null {
  const base = from - 1;
  const previousOnes = (from - 1951) / 5 - 1 - 10; // 十四五 → 3 (十三五)
  const previous = previousOnes === 0 ? '十五' : `十${'一二三四五六七八九'[previousOnes - 1] ?? ''}五`;
  const column = new RegExp(`^${base}年?$|${base}年(?:基[数期准]|底|末)`, 'm');
  return text.includes(previous) || column.test(text) ? base : null;
}

// ---------------------------------------------------------------- region

/** `省`, `市`, `区`, `县`: the level a document calls itself by (`我区`, a title starting `区卫生健康…`). */
type LevelHint = '省' | '市' | '区' | '县';

interface RegionContext {
  readonly clean: CleanText;
  readonly gazetteer: Gazetteer;
  readonly scanners: Scanners;
  readonly title: string;
  readonly titleSpan: Span;
  readonly issuer: string | null;
  readonly diagnostics: Diagnostic[];
}

/** A piece of text that points at places: a title's names, a `健康X` slogan, `我市新野县`. */
interface Clue {
  readonly text: string;
  readonly places: readonly Place[];
  /** Clean offset in the body, or null for the title/issuer. */
  readonly index: number | null;
}

/**
 * Evidence, strongest first: names in the title or issuer; a masked name
 * (then never a guess); self-references in the body (`健康临川`, `我市新野县`);
 * how often one place and its sub-places are named. Several candidates that
 * the text cannot tell apart leave the region unknown, with a diagnostic.
 */
function regionOf(ctx: RegionContext): RegionRef {
  const head = headClue(ctx);
  if (head) return decide(ctx, [head]) ?? { status: 'unknown' };
  const hint = levelHint(ctx.title, ctx.clean.text);
  const masked = maskedClue(ctx, hint);
  if (masked) {
    const span = masked.index === null ? ctx.titleSpan : ctx.clean.spanOf(masked.index, masked.index + masked.text.length);
    ctx.diagnostics.push(diagnostic('region-masked', `the region's name is masked: ${masked.text}`, span, 'info'));
    return { status: 'masked', evidence: masked.text };
  }
  const clues = [...sloganClues(ctx), ...selfClues(ctx)].map((c) => ({ ...c, places: fitting(c.places, hint) }));
  if (clues.some((c) => c.places.length)) return decide(ctx, clues) ?? { status: 'unknown' };
  return byFrequency(ctx, hint) ?? { status: 'unknown' };
}

/**
 * Pick one place from clues. Each clue is narrowed by its places' parents
 * named in the text (鼓楼区 + 开封 → 开封's); a place beats its own ancestor
 * (健康临川 over 健康江西); then the most frequent wins. Null, with a
 * `region-ambiguous` diagnostic, when that leaves a tie.
 */
function decide(ctx: RegionContext, clues: readonly Clue[]): RegionRef | null {
  const votes = new Map<Place, { count: number; evidence: Clue }>();
  const undecided: Place[] = [];
  for (const clue of clues) {
    const places = narrowByParents(ctx, clue.places);
    if (places.length !== 1) {
      undecided.push(...places);
      continue;
    }
    const vote = votes.get(places[0]!) ?? { count: 0, evidence: clue };
    votes.set(places[0]!, { count: vote.count + 1, evidence: vote.evidence });
  }
  const specific = [...votes.keys()].filter((p) => ![...votes.keys()].some((q) => ctx.gazetteer.parentsOf(q).includes(p)));
  const best = Math.max(0, ...specific.map((p) => votes.get(p)!.count));
  const winners = specific.filter((p) => votes.get(p)!.count === best);
  if (winners.length === 1) return resolved(ctx, winners[0]!, votes.get(winners[0]!)!.evidence.text);
  ambiguous(ctx, winners.length ? winners : undecided, clues[0] ?? null);
  return null;
}

function resolved(ctx: RegionContext, place: Place, evidence: string): RegionRef {
  return { status: 'resolved', place, parents: ctx.gazetteer.parentsOf(place), evidence };
}

function ambiguous(ctx: RegionContext, places: readonly Place[], clue: Clue | null): void {
  if (places.length === 0) return;
  const names = distinct(places.map((p) => [...ctx.gazetteer.parentsOf(p)].reverse().map((q) => q.name).join('') + p.name));
  const span = clue === null || clue.index === null ? ctx.titleSpan : ctx.clean.spanOf(clue.index, clue.index + clue.text.length);
  ctx.diagnostics.push(diagnostic('region-ambiguous', `${clue?.text ?? 'the text'} may be any of ${names.join('、')}`, span, 'warning'));
}

/** Keep the candidates with the most ancestors named anywhere in the text; all of them when none is. */
function narrowByParents(ctx: RegionContext, places: readonly Place[]): Place[] {
  if (places.length <= 1) return [...places];
  const text = ctx.clean.text;
  const named = (p: Place): boolean => text.includes(p.name) || text.includes(shortName(p.name) ?? p.name);
  const scores = places.map((p) => ctx.gazetteer.parentsOf(p).filter(named).length);
  const best = Math.max(...scores);
  return best === 0 ? [...places] : places.filter((_, i) => scores[i] === best);
}

// -- title and issuer

/**
 * The names a title (or issuer) opens with or contains, as a chain
 * (`郑州市金水区` → 金水区 under 郑州市). Full names anywhere; a short name
 * only at the very start (`南阳卫健委…`), where it cannot be a word.
 */
function headClue(ctx: RegionContext): Clue | null {
  const heads = [ctx.title];
  if (ctx.issuer && !ctx.title.includes(ctx.issuer)) heads.push(ctx.issuer);
  for (const head of heads) {
    const chain = nameChain(ctx, head);
    if (chain.length) return { text: chain.join(''), places: chainPlaces(ctx, chain), index: null };
  }
  return null;
}

const TITLE_LEAD = /^(?:\d{4}年度?)?/;
const SHORT_HEAD_NEXT = /^(?:卫|人民|政府|[“"]|\d)/;

function nameChain(ctx: RegionContext, head: string): string[] {
  const leadEnd = TITLE_LEAD.exec(head)![0].length;
  for (let i = 0; i < head.length; i++) {
    const first = headNameAt(ctx, head, i, i === 0 || i === leadEnd);
    if (!first) continue;
    const chain = [first];
    let end = i + first.length;
    for (let next = ctx.scanners.full.at(head, end); next && !GENERIC_PLACE_NAMES.has(next); next = ctx.scanners.full.at(head, end)) {
      chain.push(next);
      end += next.length;
    }
    return chain;
  }
  return [];
}

function headNameAt(ctx: RegionContext, head: string, i: number, atStart: boolean): string | null {
  const full = ctx.scanners.full.at(head, i);
  if (full && !GENERIC_PLACE_NAMES.has(full) && (full.length >= 3 || atStart)) return full;
  if (!atStart) return null;
  const any = ctx.scanners.all.at(head, i);
  return any && SHORT_HEAD_NEXT.test(head.slice(i + any.length)) ? any : null;
}

/** The last name's places that lie under the earlier names (a name that does not fit ends the chain). */
function chainPlaces(ctx: RegionContext, chain: readonly string[]): Place[] {
  let places = placesNamed(ctx, chain[0]!);
  for (const name of chain.slice(1)) {
    const under = placesNamed(ctx, name).filter((p) => ctx.gazetteer.parentsOf(p).some((a) => places.includes(a)));
    if (under.length === 0) break;
    places = under;
  }
  return places;
}

/** Places whose full name this is; for a short name, every place it abbreviates. */
function placesNamed(ctx: RegionContext, name: string): Place[] {
  const all = ctx.gazetteer.lookup(name);
  const full = all.filter((p) => p.name === name);
  return full.length ? full : all;
}

// -- masked names

/**
 * A hidden name: `**县` in the title, the `健康**` slogan, or — when the title
 * calls the document only `区`/`县` — a masked name of that level in the body.
 * Masked values (`***万元`, `*个`) are not names and do not count.
 */
function maskedClue(ctx: RegionContext, hint: LevelHint | null): Clue | null {
  const inHead = new RegExp(`${MASK}(?:省|市|区|县|旗)|健康${MASK}`).exec(`${ctx.title}\n${ctx.issuer ?? ''}`);
  if (inHead) return { text: inHead[0], places: [], index: null };
  const patterns = [`健康${MASK}`];
  if (hint && bareTitleLevel(ctx.title)) patterns.push(`${MASK}${hint}`, `我${hint}${MASK}`);
  for (const pattern of patterns) {
    const m = new RegExp(pattern).exec(ctx.clean.text);
    if (m) return { text: m[0], places: [], index: m.index };
  }
  return null;
}

// -- body self-references

/** `健康南阳建设`, `“健康临川”`: a campaign named after the document's own place. */
function sloganClues(ctx: RegionContext): Clue[] {
  const text = ctx.clean.text;
  const clues: Clue[] = [];
  for (const m of text.matchAll(/健康/g)) {
    const at = m.index + 2;
    const name = ctx.scanners.all.at(text, at);
    if (!name || SLOGAN_STOPWORDS.has(name) || GENERIC_PLACE_NAMES.has(name)) continue;
    const quoted = /[“"「]/.test(text[m.index - 1] ?? '');
    if (!quoted && !SLOGAN_NEXT.test(text.slice(at + name.length, at + name.length + 4))) continue;
    clues.push({ text: `健康${name}`, places: ctx.gazetteer.lookup(name), index: m.index });
  }
  return clues;
}

/** `我市新野县`: a sub-place claimed as ours points at its parent of that level. */
function selfClues(ctx: RegionContext): Clue[] {
  const text = ctx.clean.text;
  const clues: Clue[] = [];
  for (const m of text.matchAll(/我(省|市|区|县)/g)) {
    const name = ctx.scanners.full.at(text, m.index + 2);
    if (!name || name.length < 3 || GENERIC_PLACE_NAMES.has(name)) continue;
    const level = m[1] as LevelHint;
    const owners = placesNamed(ctx, name).flatMap((p) => ctx.gazetteer.parentsOf(p).filter((a) => fitsLevel(a, level)));
    if (owners.length) clues.push({ text: `${m[0]}${name}`, places: distinct(owners), index: m.index });
  }
  return clues;
}

// -- frequency

const MIN_MENTIONS = 2;

/**
 * The place named most often, counting its sub-places' mentions as its own.
 * With a level hint, the best place of that level; without, walk down from
 * the best province while one child clearly carries its mentions.
 */
function byFrequency(ctx: RegionContext, hint: LevelHint | null): RegionRef | null {
  const direct = mentionCounts(ctx);
  if (direct.size === 0) return null;
  const score = scorer(ctx, direct);
  const known = distinct([...direct.keys()].flatMap((p) => [p, ...ctx.gazetteer.parentsOf(p)]));
  const chosen = hint ? bestOf(ctx, known.filter((p) => fitsLevel(p, hint)), score) : descend(ctx, known, score);
  if (!chosen) return null;
  ctx.diagnostics.push(diagnostic('region-by-frequency', `${chosen.name}: ${score(chosen)} mentions of it and its sub-places`, null, 'info'));
  return resolved(ctx, chosen, chosen.name);
}

/** Mentions of full names that identify exactly one place (a shared name like 鼓楼区 counts for none). */
function mentionCounts(ctx: RegionContext): Map<Place, number> {
  const counts = new Map<Place, number>();
  for (const { name } of ctx.scanners.full.all(ctx.clean.text)) {
    if (name.length < 3 || GENERIC_PLACE_NAMES.has(name)) continue;
    const places = placesNamed(ctx, name);
    if (places.length === 1) counts.set(places[0]!, (counts.get(places[0]!) ?? 0) + 1);
  }
  return counts;
}

function scorer(ctx: RegionContext, direct: ReadonlyMap<Place, number>): (p: Place) => number {
  const scores = new Map<Place, number>();
  for (const [place, n] of direct) {
    for (const p of [place, ...ctx.gazetteer.parentsOf(place)]) scores.set(p, (scores.get(p) ?? 0) + n);
  }
  return (p) => scores.get(p) ?? 0;
}

/** The top-scoring place if it has enough mentions and at least twice the runner-up's. */
function bestOf(ctx: RegionContext, places: readonly Place[], score: (p: Place) => number): Place | null {
  const ranked = [...places].sort((a, b) => score(b) - score(a));
  const [top, second] = ranked;
  if (!top || score(top) < MIN_MENTIONS) return null;
  if (second && score(top) < 2 * score(second)) {
    ambiguous(ctx, ranked.filter((p) => score(p) === score(top) || 2 * score(p) > score(top)), null);
    return null;
  }
  return top;
}

function descend(ctx: RegionContext, known: readonly Place[], score: (p: Place) => number): Place | null {
  let current: Place | null = null;
  for (;;) {
    const children = known.filter((p) => (ctx.gazetteer.parentsOf(p)[0] ?? null) === current);
    const ranked = [...children].sort((a, b) => score(b) - score(a));
    const [top, second] = ranked;
    if (!top || score(top) < MIN_MENTIONS) return current;
    // Mentions spread over siblings, or mostly of the parent itself: stop here.
    if (second && score(top) < 2 * score(second)) {
      if (current === null) ambiguous(ctx, [top, second], null);
      return current;
    }
    if (current && 2 * score(top) < score(current)) return current;
    current = top;
  }
}

// -- levels

/** `区卫生健康委员会…`, `2023年区卫生健康工作总结…`: the title names its level but not its place. */
function bareTitleLevel(title: string): LevelHint | null {
  const m = /^(?:\d{4}年度?)?(省|市|区|县|旗)(?=卫|人民|政府|委|党|疾|医|妇)/.exec(title);
  if (!m) return null;
  return m[1] === '旗' ? '县' : (m[1] as LevelHint);
}

/** The title's bare level, else the level the body calls itself by most (`我区`, `全区`), when it does so often. */
function levelHint(title: string, body: string): LevelHint | null {
  const bare = bareTitleLevel(title);
  if (bare) return bare;
  const counts = new Map<LevelHint, number>();
  for (const m of body.matchAll(/[我全本](省|市|区|县)/g)) counts.set(m[1] as LevelHint, (counts.get(m[1] as LevelHint) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 3 ? best[0] : null;
}

function fitsLevel(place: Place, hint: LevelHint): boolean {
  switch (hint) {
    case '省':
      return place.level === 'province';
    case '市':
      // 北京市 is a province; 邓州市 a county-level city; both say 我市.
      return place.level === 'city' || place.name.endsWith('市');
    case '区':
      return place.level === 'district' && place.name.endsWith('区');
    case '县':
      return place.level === 'district' && /[县旗]$/.test(place.name);
  }
}

function fitting(places: readonly Place[], hint: LevelHint | null): Place[] {
  return hint ? places.filter((p) => fitsLevel(p, hint)) : [...places];
}

// ---------------------------------------------------------------- name scanning

interface Scanners {
  /** Full names only: safe in running text (`全南阳市` must not read as 全南). */
  readonly full: NameScanner;
  /** Full and short names: for positions that already say "a place follows" (`健康X`). */
  readonly all: NameScanner;
}

/** Longest-match lookup of gazetteer names at a position, indexed by first character. */
class NameScanner {
  private readonly byFirst = new Map<string, string[]>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const list = this.byFirst.get(name[0]!) ?? [];
      list.push(name);
      this.byFirst.set(name[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  at(text: string, index: number): string | null {
    const list = this.byFirst.get(text[index] ?? '');
    return list?.find((name) => text.startsWith(name, index)) ?? null;
  }

  /** Leftmost-longest, non-overlapping matches. */
  *all(text: string): Generator<{ name: string; index: number }> {
    for (let i = 0; i < text.length; i++) {
      const name = this.at(text, i);
      if (!name) continue;
      yield { name, index: i };
      i += name.length - 1;
    }
  }
}

const scannerCache = new WeakMap<Gazetteer, Scanners>();

function scannersFor(gazetteer: Gazetteer): Scanners {
  let scanners = scannerCache.get(gazetteer);
  if (!scanners) {
    const names = [...gazetteer.names()];
    const full = names.filter((n) => gazetteer.lookup(n).some((p) => p.name === n));
    scanners = { full: new NameScanner(full), all: new NameScanner(names) };
    scannerCache.set(gazetteer, scanners);
  }
  return scanners;
}

// ---------------------------------------------------------------- helpers

function diagnostic(rule: string, message: string, span: Span | null, severity: Diagnostic['severity']): Diagnostic {
  return { rule, message, span, severity };
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function sortedYears(years: readonly number[]): number[] {
  return distinct(years).sort((a, b) => a - b);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
