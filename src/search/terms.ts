import { contentTerms } from '../ingest/query.ts';

// What a text is indexed by, and a query looked up by: one function for both,
// so a query can only ask for keys the index could hold.
//
//   > | 建设公有产权村卫生室
//       ^^ ^^ ^^ ^^ … every pair of adjacent Chinese characters (建设 设公 公有 …)
//       ^^^^^^^^^^   and jieba's words of three characters or more (公有产权, 村卫生室)
//
// Pairs make partial words and paraphrases meet (中医馆 and 中医堂 share 中医);
// jieba's longer words reward a whole word over its pieces. A two-character
// word is a pair already, so words are kept from three characters on: the
// same key is not counted twice. Latin letters and digits count as one key a
// run (5G, 120), lower-cased.

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;
const ALNUM_RUN = /[A-Za-z0-9]+/g;

/** ASCII letters lower-cased, nothing else touched: offsets into the text stay the same. */
export const foldCase = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** A key of two Chinese characters: the ones a match counts (see `required` in query.ts). */
export const isPair = (key: string): boolean => key.length === 2 && HAN.test(key[0]!) && HAN.test(key[1]!);

/**
 * Every key of a text with how often it occurs. `words` are the text's jieba
 * words when known already: ingest stores every statement's (contentTerms,
 * as `terms`), and segmenting a million statements again would take minutes.
 */
export function termsOf(text: string, words: readonly string[] = contentTerms(text)): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [run] of text.matchAll(HAN_RUN)) {
    for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2));
  }
  // contentTerms gives each word once: a longer word's count is its presence.
  for (const word of words) if (word.length >= 3) add(word);
  for (const [run] of foldCase(text).matchAll(ALNUM_RUN)) add(run);
  return counts;
}
