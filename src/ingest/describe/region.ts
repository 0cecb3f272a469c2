// The region a document comes from, against the gazetteer: a named issuer, the title's names, slogans, self-references, mentions.
import { shortName, type Gazetteer } from '../gazetteer.ts';
import { GENERIC_PLACE_NAMES, MASK, SLOGAN_NEXT, SLOGAN_STOPWORDS } from '../lexicon/description.ts';
import { openingOf, type FrontMatter } from '../front.ts';
import { NATION } from '../gazetteer.ts';
import type { CleanText, Diagnostic, Place, RegionRef, Span } from '../types.ts';
import { diagnostic, distinct } from './util.ts';

/** `省`, `市`, `区`, `县`: the level a document calls itself by (`我区`, a title starting `区卫生健康…`). */
type LevelHint = '省' | '市' | '区' | '县';

export interface RegionContext {
  readonly clean: CleanText;
  readonly gazetteer: Gazetteer;
  readonly scanners: Scanners;
  readonly title: string;
  readonly titleSpan: Span;
  readonly issuer: string | null;
  readonly front: FrontMatter;
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
export function regionOf(ctx: RegionContext): RegionRef {
  const national = nationalClue(ctx);
  if (national) return { status: 'resolved', place: NATION, parents: [], evidence: national };
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

// The national level speaks as the State Council (我代表国务院, 国务院关于…)
// or to the national assembly (在第十二届全国人民代表大会第五次会议上).
const NATIONAL_VOICE = /我代表国务院|^国务院(?:关于|办公厅)|国务院政府工作报告/;

/** The national level, when the document is the State Council's: the evidence, else null. */
function nationalClue(ctx: RegionContext): string | null {
  const assembly = ctx.front.byline?.assembly;
  if (assembly && /全国人民代表大会/.test(assembly)) return assembly;
  const voice = NATIONAL_VOICE.exec(ctx.title) ?? NATIONAL_VOICE.exec(openingOf(ctx.clean.text));
  return voice ? voice[0] : null;
}

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

export function scannersFor(gazetteer: Gazetteer): Scanners {
  let scanners = scannerCache.get(gazetteer);
  if (!scanners) {
    const names = [...gazetteer.names()];
    const full = names.filter((n) => gazetteer.lookup(n).some((p) => p.name === n));
    scanners = { full: new NameScanner(full), all: new NameScanner(names) };
    scannerCache.set(gazetteer, scanners);
  }
  return scanners;
}

