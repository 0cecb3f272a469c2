// Comparing names written by different hands: the gold's `市中心医院迁建（新区医院）项目`
// and a prediction's `市中心医院迁建(新区医院)项目` are one name.

/** Width, spaces and quote marks do not change a name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s“”"‘’'「」『』《》〈〉]/g, '')
    .trim();
}

/** Project names often end in a generic word the other writer left off. */
export function normaliseProjectName(name: string): string {
  return normaliseName(name).replace(/(?:建设项目|建设工程|项目建设|项目|工程|建设)$/, '');
}

/**
 * 1 for equal names; 0.9 when one contains the other and the shorter has at
 * least four characters (a name, not a stray word); otherwise the Dice
 * coefficient of the two names' character bigrams.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.includes(short)) return 0.9;
  return dice(bigrams(a), bigrams(b));
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let shared = 0;
  for (const x of b) {
    const n = counts.get(x) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(x, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
