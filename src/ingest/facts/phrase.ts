// The noun phrase right before a position: what a number measures.
//
//   全市共设置核酸检测点795个
//   ^^^^^^^^^^             scope and verb: the walk stops at 设置 (a verb)
//           ^^^^^^^^       the subject: 核酸检测点
//
//   二级及以上综合医院设立老年医学科比例达到60%
//   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^     a rate's name: the walk goes through 设立
//                                  ^^^^   connector, read through
//
// Steps: (1) the window is the clause before the position: back to a
// delimiter (，、。；：or an opening bracket), stepping over bracketed,
// quoted and titled groups (`执业（助理）医师`, `达到《国民体质测定标准》合格`)
// and never further back than a barrier (the previous number);
// (2) connectors and time words at the window's end are read through
// (`由原来的`, `达到`, `2022年前三季度`); if a verb is then last, the number
// counts what follows it, not what precedes (`派遣13批次` → null); (3) tokens
// are taken leftwards while they can be part of a name.

import { CONNECTORS, GENRE_VERBS, PHRASE_BREAK_TAGS, RATE_ENDING, SCOPE_WORDS } from '../lexicon/phrases.ts';
import type { Token } from './segment.ts';
import type { Range, StatementText } from './text.ts';

const DELIMITER = /[，,。；;：:、！？!?\n\t]/;
const OPEN_OF: Readonly<Record<string, string>> = { '）': '（', ')': '(', '》': '《', '”': '“', '」': '「', '〕': '〔' };
const OPENERS = new Set(Object.values(OPEN_OF));
// A bracketed group wider than this is an aside, not part of a name.
const MAX_GROUP = 20;

export interface Phrase extends Range {
  readonly text: string;
}

/**
 * The subject of a number at `at`: the noun phrase ending before it, or null.
 * `barrier` is the first offset the phrase may use (the end of the previous
 * number); `skip` are ranges (time expressions) read through at the end and
 * never taken into the phrase.
 */
export function phraseBefore(st: StatementText, at: number, barrier: number, skip: readonly Range[]): Phrase | null {
  const windowStart = clauseStart(st.text, at, barrier);
  if (windowStart >= at) return null;
  const tokens = tokensIn(st.tokens(), windowStart, at);
  let i = tokens.length - 1;
  while (i >= 0 && isReadThrough(tokens[i]!, skip)) i--;
  if (i < 0) return null;
  const last = tokens[i]!;
  if (SCOPE_WORDS.has(last.word) || GENRE_VERBS.has(last.word) || (PHRASE_BREAK_TAGS.has(last.tag) && !isGroup(last))) return null;

  const end = last.end;
  let start = last.start;
  let phrase = last.word;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (!canExtend(t, tokens[j + 1] ?? null, phrase, skip)) break;
    start = t.start;
    phrase = t.word + phrase;
  }
  return trimmed(st.text, start, end);
}

/** Offset where the clause holding `at` starts: after the last delimiter, stepping over bracketed groups. */
function clauseStart(text: string, at: number, barrier: number): number {
  let i = at - 1;
  while (i >= barrier) {
    const c = text[i]!;
    const open = OPEN_OF[c];
    if (open) {
      const j = text.lastIndexOf(open, i - 1);
      if (j < barrier || i - j > MAX_GROUP) return i + 1;
      i = j - 1;
      continue;
    }
    if (DELIMITER.test(c) || OPENERS.has(c)) return i + 1;
    i--;
  }
  return barrier;
}

/** Tokens inside [from, to), a straddling token cut to the range; a bracketed group becomes one token. */
function tokensIn(all: readonly Token[], from: number, to: number): Token[] {
  const out: Token[] = [];
  for (const t of all) {
    if (t.end <= from || t.start >= to) continue;
    const start = Math.max(t.start, from);
    const end = Math.min(t.end, to);
    out.push(start === t.start && end === t.end ? t : { word: t.word.slice(start - t.start, end - t.start), tag: t.tag, start, end });
  }
  return mergeGroups(out);
}

/** `（`, `助理`, `）` → one token `（助理）` tagged `group`, so a walk takes or leaves it whole. */
function mergeGroups(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const close = Object.keys(OPEN_OF).find((k) => OPEN_OF[k] === t.word);
    const j = close ? tokens.findIndex((u, k) => k > i && u.word === close) : -1;
    if (j < 0) {
      out.push(t);
      continue;
    }
    const parts = tokens.slice(i, j + 1);
    out.push({ word: parts.map((p) => p.word).join(''), tag: 'group', start: t.start, end: tokens[j]!.end });
    i = j;
  }
  return out;
}

function isGroup(t: Token): boolean {
  return t.tag === 'group';
}

function inSkip(t: Token, skip: readonly Range[]): boolean {
  return skip.some((r) => t.start < r.end && r.start < t.end);
}

function isReadThrough(t: Token, skip: readonly Range[]): boolean {
  return CONNECTORS.has(t.word) || inSkip(t, skip) || /^\s+$/.test(t.word) || (t.tag === 'd' && !isGroup(t)) || t.tag === 'p';
}

/**
 * Whether token `t` (left of `next`) belongs to the phrase read so far.
 * Scope words, time words and most function words end it; a verb ends it
 * unless the phrase names a rate (its name may hold a clause).
 */
function canExtend(t: Token, next: Token | null, phrase: string, skip: readonly Range[]): boolean {
  if (inSkip(t, skip) || SCOPE_WORDS.has(t.word)) return false;
  if (isGroup(t)) return true;
  if (t.word === '的') return true;
  // `二级及以上`: 及 joins a level to its bound.
  if (t.word === '及' && next && /^以[上下]/.test(next.word)) return true;
  // `每千人口`, `每万名`: 每 opens a per-population measure.
  if (t.word === '每' && next && /^[千万百十]/.test(next.word)) return true;
  // A rate's name may hold a clause: verbs and adverbs (`经常参加体育锻炼人数比例`).
  if ((/^[vd]/.test(t.tag) && t.tag !== 'vn') || GENRE_VERBS.has(t.word)) return RATE_ENDING.test(phrase);
  return !PHRASE_BREAK_TAGS.has(t.tag);
}

/** The phrase without a leading or trailing 的 and spaces; null when nothing with a Han character is left. */
function trimmed(text: string, start: number, end: number): Phrase | null {
  while (start < end && /[\s的]/.test(text[start]!)) start++;
  while (end > start && /[\s的]/.test(text[end - 1]!)) end--;
  const phrase = text.slice(start, end);
  // One character (`点`, `贫`) is a fragment of a word the segmenter split, not a name.
  return (phrase.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 ? { start, end, text: phrase } : null;
}
