// The title and the issuer: read from the document's first lines and its signature.
import { DOC_TYPE_WORD, ORG_SUFFIX } from '../lexicon/description.ts';

import type { PlainLine as Line } from '../lines.ts';

const MAX_TITLE_LINES = 3;
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+(?:部分|章))/;
const DATE_LINE = /^[（(]?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?[）)]?$/;

/** A line that can be (part of) a title: short, not a sentence, a heading, a date or a table row. */
// An official title has no comma: a line with one is the body's first sentence (现在，我代表国务院，向大会报告…).
function isTitleLike(text: string): boolean {
  return text.length <= 60 && !/[。；;，：:]$/.test(text) && !text.includes('，') && !NUMBERED.test(text) && !DATE_LINE.test(text) && !text.includes('\t');
}

export function findTitle(lines: readonly Line[]): { text: string; start: number; end: number } | null {
  const head: Line[] = [];
  for (const line of lines) {
    if (line.text === '') continue;
    if (head.length === MAX_TITLE_LINES || !isTitleLike(line.text)) break;
    head.push(line);
  }
  if (head.length === 0) return null;
  // Lines before the one naming the document type are an issuer line or the
  // first half of a broken title; without any such line, the first line stands alone.
  // The type may be split too (`政府工作报` + `告`): test the lines joined so far.
  const typed = head.findIndex((_, i) => DOC_TYPE_WORD.test(head.slice(0, i + 1).map((l) => l.text).join('')));
  const used = head.slice(0, typed + 1 || 1);
  return { text: used.map((l) => l.text).join(''), start: used[0]!.start, end: used[used.length - 1]!.end };
}

// A prefix holding any of these is already the title proper, not the issuer.
const NOT_ISSUER = /\d|年|[“”"《》]|十[一二三四五六七八九]?五/;

/** The longest leading run of the title that names a body (`开封市卫健委员会`2022年…), else null. */
export function issuerInTitle(title: string): string | null {
  for (let end = title.length; end >= 2; end--) {
    const prefix = title.slice(0, end);
    if (ORG_SUFFIX.test(prefix) && !NOT_ISSUER.test(prefix) && !DOC_TYPE_WORD.test(prefix)) return prefix;
  }
  return null;
}

/** A body named alone on one of the last lines (the signature before the date). */
export function issuerInSignature(lines: readonly Line[]): string | null {
  const tail = lines.filter((l) => l.text !== '').slice(-4);
  const line = tail.find((l) => l.text.length <= 30 && ORG_SUFFIX.test(l.text) && !/[\d，。；：、]/.test(l.text));
  return line?.text ?? null;
}

