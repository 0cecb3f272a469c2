// Okapi BM25, the usual constants: k1 says how fast repeats of a key stop
// adding weight, b how much a long text is discounted for its length.
export const K1 = 1.2;
export const B = 0.75;

/**
 * What the exact query (or one of its forms) written out in a text adds, on
 * the scale where a text of average length holding every key once scores 1:
 * a whole match outweighs the best scattered one (the pairs of 公有产权 and
 * 村卫生室 far apart), even in a text three times as long.
 */
export const PHRASE_BONUS = 1;

/** How rare a key is among `n` texts when `df` of them hold it (never negative). */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * The weight of a key occurring `tf` times in a text of `length` keys, where
 * texts average `average`: idf × a saturating tf, exactly idf at tf 1 in a text
 * of average length.
 */
export function weight(keyIdf: number, tf: number, length: number, average: number): number {
  return (keyIdf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average));
}
