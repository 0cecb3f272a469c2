// Named projects in running text, and mentions of the document's 专栏 items.
//
// Four readings:
// 1. a name ending in a project word: `市疾控中心迁建项目`, `区第一人民医院新院区建设项目`,
//    `市中心医院迁建（新区医院）项目`, `县级人民医院（中心医院）提质升级工程`,
//    `“5G+互联网健康便民服务平台”`, `“诸葛英才计划”`. A 项目 must build or
//    upgrade something, name an institution or a level, be quoted or have a
//    long name; a 工程 is a programme as long as its name is more than a
//    category (`卫生重点项目`, `专项债券项目26个`, `一批全民健身工程` are
//    categories); a 平台/系统/基地 must be being built (`建立…平台`,
//    `…平台建设`), owned by a level or quoted — improving a system is no project. Items listed with such a name share its suffix
//    (`推进市级大型集中隔离点项目、市中心医院新区医院、…`).
// 2. a list closed by `等…重点项目`: `市传染病医院、市精神病医院扩建、…、市眼科医院迁建等11个卫生重点项目`
//    names each item a project (when it names an institution or a work).
// 3. a named institution being built: `建设市传染病医院`, `推动市心理健康服务中心建设`.
// 4. a 专栏 item or title whose name appears in the statement (`合理膳食行动`,
//    `“四所医院”`): the project is the box's, named as the box names it.

import type { Box } from '../boxes.ts';
import {
  BUILD_AFTER,
  BUILD_BEFORE,
  BUILD_WORD,
  USE_WORD,
  BUILT_THING,
  BUILT_THING_AFTER,
  CATEGORY_HEADS,
  CONSTRUCTION_WORDS,
  ITEM_VERB,
  LEAD_WORDS,
  LEVEL_OWNER,
  LIST_TAIL,
  LONG_PROJECT_NAME,
  MODIFIER_AFTER,
  PLURAL_BEFORE,
  PROJECT_SUFFIX,
  SHORTEST_BUILT_NAME,
} from '../lexicon/projects.ts';
import { overlaps, type Range, type StatementText } from './text.ts';
import type { ProjectFact } from './types.ts';

export interface FoundProject {
  readonly fact: ProjectFact;
  readonly range: Range;
}

const OPENING: Readonly<Record<string, string>> = { '）': '（', ')': '(', '”': '“' };
const STOP = /[，,。；;：:、？！?!\n\t]/;
const CLAUSE_END = /[，,。；;：:\n]/;
const JOINERS = /^(?:及|和|与|并|或|以及)$/;
const FOLLOWED_BY_COUNT = /^\s*\d+[个项]/;
// A box item name shorter than this is too common a phrase to count as a mention (`健康产业`).
const MIN_BOX_NAME = 5;
// A bracketed part of a name is short: `（新区医院）`, `（中心医院）`.
const MAX_BRACKET = 12;

/** Projects of one statement. `institutions`: ranges of the specific (not generic) institution names in it. */
export function findProjects(st: StatementText, boxes: readonly Box[], institutions: readonly Range[]): FoundProject[] {
  const found = boxMentions(st, boxes);
  const add = (p: FoundProject): void => {
    if (!found.some((f) => overlaps(f.range, p.range))) found.push(p);
  };
  for (const p of suffixNames(st, institutions)) add(p);
  for (const p of listItems(st, institutions)) add(p);
  for (const p of builtInstitutions(st, institutions)) add(p);
  return found.sort((a, b) => a.range.start - b.range.start);
}

// ---------------------------------------------------------------- 1. names with a project word

function suffixNames(st: StatementText, institutions: readonly Range[]): FoundProject[] {
  const out: FoundProject[] = [];
  const add = (range: Range): void => {
    if (!out.some((o) => overlaps(o.range, range))) out.push(fact(st, range));
  };
  for (const m of st.text.matchAll(PROJECT_SUFFIX)) {
    const suffix = m[0];
    const end = m.index + suffix.length;
    const after = st.text.slice(end);
    // `扩建工程工程规划许可`: the second 工程 starts another word; `项目经费` is about money.
    if (/项目|工程/.test(st.text.slice(m.index - 2, m.index)) || MODIFIER_AFTER.test(after)) continue;
    if (BUILT_THING.test(suffix) && !BUILT_THING_AFTER.test(after)) continue;
    const range = nameRange(st, m.index, end, suffix);
    if (!isProjectName(st, st.text.slice(range.start, m.index), suffix, range, institutions)) continue;
    add(range);
    for (const item of siblings(st, range, institutions)) add(item);
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/**
 * The name ending with the suffix at [suffixStart, end): back over words,
 * without the verbs it is written after; a quoted name from its opening
 * quote to its closing one (`“120区域智慧急救信息管理平台”`).
 */
function nameRange(st: StatementText, suffixStart: number, end: number, suffix: string): Range {
  const start = trimLead(st.text, nameStartBefore(st, suffixStart, BUILT_THING.test(suffix)), suffixStart);
  const closes = suffix.endsWith('”') || st.text[end] === '”';
  const open = closes ? st.text.lastIndexOf('“', suffixStart) : -1;
  if (open >= 0 && !CLAUSE_END.test(st.text.slice(open, end))) return { start: open, end: suffix.endsWith('”') ? end : end + 1 };
  return { start, end };
}

/**
 * Start of the name ending at `at`: back over words to a punctuation mark,
 * a joining word (`扩建工程及院感大楼建设项目` is two), 等, 的, a pronoun, a
 * preposition or a count; a bracketed or quoted part stays
 * (`迁建（新区医院）项目`). For a built thing, a verb of building or use ends
 * it too (`建立|健康养老智慧平台`, `接入|市级远程医疗服务平台`).
 */
function nameStartBefore(st: StatementText, at: number, built: boolean): number {
  const tokens = st.tokens();
  let i = tokens.length - 1;
  while (i >= 0 && tokens[i]!.start >= at) i--;
  let start = at;
  while (i >= 0) {
    const t = tokens[i]!;
    const open = OPENING[t.word];
    if (open) {
      let j = i - 1;
      while (j >= 0 && tokens[j]!.word !== open && t.start - tokens[j]!.start <= MAX_BRACKET) j--;
      if (j < 0 || tokens[j]!.word !== open) break;
      start = tokens[j]!.start;
      i = j - 1;
      continue;
    }
    if (STOP.test(t.word) || JOINERS.test(t.word) || t.word === '等' || t.word === '的' || /^(?:p|r|u\w*)$/.test(t.tag)) break;
    // Counts and plurals (`一批`, `3个`) end a name; ordinals (`第一`) are part of one.
    if (t.tag === 'm' && !/^第[一二三四五六七八九十]+$/.test(t.word)) break;
    if (built && (BUILD_WORD.test(t.word) || USE_WORD.test(t.word))) break;
    start = t.start;
    i--;
  }
  return start;
}

/** The name without the verbs it was written after (`加快推进市中心医院迁建` → `市中心医院迁建`). */
function trimLead(text: string, start: number, end: number): number {
  const lead = LEAD_WORDS.exec(text.slice(start, end));
  return lead ? start + lead[0].length : start;
}

/** Whether `body` + `suffix` names one project; the rules are in the header. */
function isProjectName(st: StatementText, body: string, suffix: string, range: Range, institutions: readonly Range[]): boolean {
  if (!/\p{Script=Han}.*\p{Script=Han}/u.test(body) || CATEGORY_HEADS.test(body)) return false;
  if (PLURAL_BEFORE.test(st.text.slice(0, range.start)) || FOLLOWED_BY_COUNT.test(st.text.slice(range.end))) return false;
  const namesInstitution = institutions.some((r) => r.start >= range.start && r.end <= range.end);
  const quoted = st.text[range.start] === '“';
  const owned = LEVEL_OWNER.test(body);
  if (suffix === '工程') return body.length >= 4 || namesInstitution;
  if (suffix === '计划”') return quoted;
  if (BUILT_THING.test(suffix)) {
    const built = BUILD_BEFORE.test(st.text.slice(0, range.start)) || /^的?建设/.test(st.text.slice(range.end));
    return body.length >= SHORTEST_BUILT_NAME && (quoted || owned || built);
  }
  return namesInstitution || owned || quoted || CONSTRUCTION_WORDS.test(body) || body.length >= LONG_PROJECT_NAME;
}

/**
 * Items listed with a project name share its suffix, before it
 * (`推进市级大型集中隔离点项目、市中心医院新区医院、…和市医疗应急物资储备中心项目`)
 * and after it (`…市精神病医院扩建项目、市骨科医院、市眼科医院新院区建成投用`).
 */
function siblings(st: StatementText, range: Range, institutions: readonly Range[]): Range[] {
  const out: Range[] = [];
  const joiner = /(?:、|和|及)$/.exec(st.text.slice(0, range.start));
  if (joiner) out.push(...itemsBefore(st.text, range.start - joiner[0].length));
  if (st.text[range.end] === '、') out.push(...itemsAfter(st.text, range.end + 1));
  return out.filter((item) => isListedProject(st, item, institutions));
}

// ---------------------------------------------------------------- 2. lists closed by 等…重点项目

function listItems(st: StatementText, institutions: readonly Range[]): FoundProject[] {
  const out: FoundProject[] = [];
  for (let at = st.text.indexOf('等'); at >= 0; at = st.text.indexOf('等', at + 1)) {
    if (!LIST_TAIL.test(st.text.slice(at))) continue;
    for (const item of itemsBefore(st.text, at)) if (isListedProject(st, item, institutions)) out.push(fact(st, item));
  }
  return out;
}

/** A list item is a project when it names an institution or a work (`市眼科医院迁建`). */
function isListedProject(st: StatementText, item: Range, institutions: readonly Range[]): boolean {
  return institutions.some((r) => r.start >= item.start && r.end <= item.end) || CONSTRUCTION_WORDS.test(st.text.slice(item.start, item.end));
}

/** The 、/和/及-separated items of the list ending at `end`, back to the clause start. */
function itemsBefore(text: string, end: number): Range[] {
  let clause = end;
  let depth = 0;
  while (clause > 0) {
    const c = text[clause - 1]!;
    if (c === '）' || c === ')') depth++;
    else if (c === '（' || c === '(') depth--;
    else if (depth === 0 && CLAUSE_END.test(c)) break;
    clause--;
  }
  return splitItems(text, clause, end);
}

/** The 、-separated items from `start` to the clause end, the last one cut at its verb. */
function itemsAfter(text: string, start: number): Range[] {
  let end = start;
  while (end < text.length && !CLAUSE_END.test(text[end]!)) end++;
  const items = splitItems(text, start, end);
  const last = items[items.length - 1];
  if (!last) return items;
  const verb = ITEM_VERB.exec(text.slice(last.start, last.end));
  if (verb) items[items.length - 1] = { start: last.start, end: last.start + verb.index };
  return items.filter((r) => r.end > r.start);
}

function splitItems(text: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  let itemStart = from;
  let depth = 0;
  for (let i = from; i <= to; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') depth--;
    const separator = i === to || (depth === 0 && (c === '、' || /^(?:和|及)/.test(text.slice(i, to))));
    if (!separator) continue;
    const start = trimLead(text, itemStart, i);
    if (i > start) out.push({ start, end: i });
    itemStart = i + 1;
  }
  return out;
}

// ---------------------------------------------------------------- 3. institutions being built

/** `建设市传染病医院` → 市传染病医院; `推动市心理健康服务中心建设` → 市心理健康服务中心建设. */
function builtInstitutions(st: StatementText, institutions: readonly Range[]): FoundProject[] {
  const out: FoundProject[] = [];
  for (const r of institutions) {
    const after = BUILD_AFTER.exec(st.text.slice(r.end));
    if (after) out.push(fact(st, { start: r.start, end: r.end + after[0].length }));
    else if (BUILD_BEFORE.test(st.text.slice(0, r.start))) out.push(fact(st, r));
  }
  return out;
}

// ---------------------------------------------------------------- 4. 专栏 items

function boxMentions(st: StatementText, boxes: readonly Box[]): FoundProject[] {
  const out: FoundProject[] = [];
  for (const { name, keys } of boxNames(boxes)) {
    for (const key of keys) {
      const at = st.text.indexOf(key);
      if (at < 0) continue;
      const range = { start: at, end: at + key.length };
      if (!out.some((o) => overlaps(o.range, range))) out.push({ fact: { span: st.spanOf(range), name }, range });
      break;
    }
  }
  return out;
}

// A document's box names and their keys, worked out once for all its
// statements, each name once: every statement is matched against them, so a
// long document whose boxes repeat names made this statements × boxes.
const namesOf = new WeakMap<readonly Box[], ReadonlyArray<{ name: string; keys: string[] }>>();

function boxNames(boxes: readonly Box[]): ReadonlyArray<{ name: string; keys: string[] }> {
  let names = namesOf.get(boxes);
  if (!names) {
    const unique = [...new Set(boxes.flatMap((box) => [box.title, ...box.items.map((i) => i.name)]))];
    names = unique.map((name) => ({ name, keys: keysOf(name) })).filter((n) => n.keys.length > 0);
    namesOf.set(boxes, names);
  }
  return names;
}

/**
 * How a box name can appear in running text: whole, without its quotes, or
 * — for a name built around a quoted term (`城市“四所医院”`) — the quoted term
 * with its quotes (`“四所医院”`).
 */
function keysOf(name: string): string[] {
  if (name === '') return [];
  const keys: string[] = [];
  const bare = name.replace(/[“”"]/g, '');
  if (bare.length >= MIN_BOX_NAME) keys.push(name, bare);
  const quoted = /[“"]([^”"]{2,})[”"]/.exec(name);
  if (quoted) keys.push(quoted[0]);
  return [...new Set(keys)];
}

function fact(st: StatementText, range: Range): FoundProject {
  return { fact: { span: st.spanOf(range), name: st.text.slice(range.start, range.end) }, range };
}
