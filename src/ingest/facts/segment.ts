// Word segmentation for the facts stage: jieba with the default dictionary
// plus the facts lexicon (lexicon/facts-dict.txt), tokens with offsets.
//
// Jieba is used for word BOUNDARIES and a coarse part of speech: where a
// name or a measured thing starts (`征用|卧龙区|中医院` → the name starts after
// the verb). Its number handling is not used (`1|.|52|万张`, `3726|家村`):
// numbers are read by our own scanner, and a token that straddles a number
// is cut at the number's end.

import { jieba, lexiconTags } from '../segment.ts';

export { segmenterLoadMs } from '../segment.ts';

export interface Token {
  readonly word: string;
  /** jieba's tag (`n`, `v`, `ns`, `nt`, `m`, `x` …), overridden by the lexicons where they say otherwise. */
  readonly tag: string;
  /** Offsets into the text that was cut. */
  readonly start: number;
  readonly end: number;
}

function load() {
  return { jieba: jieba(), tags: lexiconTags() };
}

/** Tokens of `text` with offsets; the tokens cover the text in order. */
export function tokenize(text: string): Token[] {
  const { jieba, tags } = load();
  const out: Token[] = [];
  let at = 0;
  for (const { word, tag } of jieba.tag(text, false)) {
    // jieba returns every character, so the word is found at `at`; indexOf
    // is a guard against a future version dropping whitespace.
    const start = text.startsWith(word, at) ? at : text.indexOf(word, at);
    if (start < 0) continue;
    out.push({ word, tag: tags.get(word) ?? tag, start, end: start + word.length });
    at = start + word.length;
  }
  return out;
}
