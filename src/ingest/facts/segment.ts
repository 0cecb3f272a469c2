// Word segmentation for the facts stage: jieba with the default dictionary
// plus the facts lexicon (lexicon/facts-dict.txt), tokens with offsets.
//
// Jieba is used for word BOUNDARIES and a coarse part of speech: where a
// name or a measured thing starts (`征用|卧龙区|中医院` → the name starts after
// the verb). Its number handling is not used (`1|.|52|万张`, `3726|家村`):
// numbers are read by our own scanner, and a token that straddles a number
// is cut at the number's end.

import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
// The package has no `exports` map; the explicit file keeps plain Node ESM happy.
import { dict } from '@node-rs/jieba/dict.js';

export interface Token {
  readonly word: string;
  /** jieba's tag (`n`, `v`, `ns`, `nt`, `m`, `x` …), overridden by the facts lexicon where it says otherwise. */
  readonly tag: string;
  /** Offsets into the text that was cut. */
  readonly start: number;
  readonly end: number;
}

const LEXICON_URL = new URL('../lexicon/facts-dict.txt', import.meta.url);

interface Segmenter {
  readonly jieba: Jieba;
  /** Tags the lexicon insists on: jieba keeps its own tag for a word it already knows (`设置/vn`, `新建/ns`). */
  readonly tags: ReadonlyMap<string, string>;
  readonly loadMs: number;
}

let segmenter: Segmenter | null = null;

/** Created on first use: loading the dictionaries takes ~0.2 s, and a process that reads no text should not pay it. */
function load(): Segmenter {
  if (segmenter) return segmenter;
  const started = performance.now();
  const lexicon = readFileSync(LEXICON_URL);
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(lexicon);
  const tags = new Map<string, string>();
  for (const line of lexicon.toString('utf8').split('\n')) {
    const [word, , tag] = line.trim().split(/\s+/);
    if (word && tag) tags.set(word, tag);
  }
  segmenter = { jieba, tags, loadMs: performance.now() - started };
  return segmenter;
}

/** Milliseconds the first load took (0 before it happened), for reporting. */
export function segmenterLoadMs(): number {
  return segmenter?.loadMs ?? 0;
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
