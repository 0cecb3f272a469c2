// The document's indicator tables, as every statement's facts ask about
// them: which row a named value belongs to, and the tables' baseline year.
//
// Comparing each value's name with every row made the facts stage values ×
// rows, and rows grow with the document (a 20 MiB plan: 144k statements
// against 9,000 rows, 68 s). Worked out once per document instead:
// - rows with the same compared name and unit answer alike, and the first
//   of them wins every tie, so only the first is kept;
// - a row can reach MATCH_THRESHOLD only by sharing a character pair with
//   the name (Dice > 0, or a name of ≥ MIN_CONTAINED_LENGTH inside the other)
//   or by being the same name, so only rows found through a pair index (or
//   the name itself) are scored;
// - the same name and unit give the same row, so each is answered once.
// The row found is the one the full comparison found: the first of the best
// score, then of the best plain similarity.
import { CONTAINED_SCORE, MATCH_THRESHOLD, MIN_CONTAINED_LENGTH, SYNONYMS } from '../lexicon/indicators.ts';
import type { IndicatorRow, IndicatorTable } from '../tables.ts';

export interface RowMatch {
  readonly row: IndicatorRow;
  readonly table: IndicatorTable;
}

export interface TableIndex {
  /** The table row a value named `subject` (with `unit`) is a value of, or null. */
  matchRow(subject: string, unit: string | null): RowMatch | null;
  /** The first table's baseline year that is known: a five-year plan's background values are for it. */
  readonly baselineYear: number | null;
}

/** Both sides through SYNONYMS: the form names are compared in. */
export function comparable(name: string): string {
  let out = name;
  for (const [pattern, replacement] of SYNONYMS) out = out.replace(pattern, replacement);
  return out;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const b = s.slice(i, i + 2);
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}

/** A compared name with its character pairs, counted once. */
interface Name {
  readonly text: string;
  readonly pairs: Map<string, number>;
}

const nameOf = (text: string): Name => ({ text, pairs: bigrams(text) });

function dice(a: Name, b: Name): number {
  let common = 0;
  for (const [k, n] of a.pairs) common += Math.min(n, b.pairs.get(k) ?? 0);
  const total = Math.max(0, a.text.length - 1) + Math.max(0, b.text.length - 1);
  return total === 0 ? 0 : (2 * common) / total;
}

/** Dice coefficient of character bigrams: 2·|A∩B| / (|A|+|B|), in [0, 1]. */
export function similarity(a: string, b: string): number {
  return dice(nameOf(a), nameOf(b));
}

/** Similarity plus the containment rule (a long name inside the other), of names already compared. */
function score(a: Name, b: Name): number {
  if (a.text === b.text) return 1;
  const d = dice(a, b);
  const shorter = a.text.length <= b.text.length ? a.text : b.text;
  const longer = shorter === a.text ? b.text : a.text;
  const contained = shorter.length >= MIN_CONTAINED_LENGTH && longer.includes(shorter);
  return contained ? Math.max(d, CONTAINED_SCORE) : d;
}

/** Similarity plus the containment rule, of two names as written. */
export function nameScore(text: string, row: string): number {
  return score(nameOf(comparable(text)), nameOf(comparable(row)));
}

export function unitsCompatible(unit: string | null, rowUnit: string | null): boolean {
  if (unit === null || rowUnit === null || unit === rowUnit) return true;
  if (unit.startsWith('/') && rowUnit.startsWith('/')) return true;
  return false;
}

/** The first row of each distinct compared name and unit, in table order. */
interface Entry extends RowMatch {
  readonly name: Name;
  readonly unit: string | null;
}

// One index per tables list: every statement of a document is given the same list.
const indexes = new WeakMap<readonly IndicatorTable[], TableIndex>();

/** The index of a document's tables, built on the first question (the tables are complete by then). */
export function tableIndex(tables: readonly IndicatorTable[]): TableIndex {
  let index = indexes.get(tables);
  if (!index) {
    index = build(tables);
    indexes.set(tables, index);
  }
  return index;
}

function build(tables: readonly IndicatorTable[]): TableIndex {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const byName = new Map<string, number[]>();
  const byPair = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  for (const table of tables) {
    for (const row of table.rows) {
      const name = nameOf(comparable(row.name));
      const key = JSON.stringify([name.text, row.unit]);
      if (seen.has(key)) continue;
      seen.add(key);
      const i = entries.length;
      entries.push({ row, table, name, unit: row.unit });
      add(byName, name.text, i);
      for (const pair of name.pairs.keys()) add(byPair, pair, i);
    }
  }
  const answers = new Map<string, RowMatch | null>();
  const match = (subject: string, unit: string | null): RowMatch | null => {
    const a = nameOf(comparable(subject));
    const found = new Set<number>(byName.get(a.text) ?? []);
    for (const pair of a.pairs.keys()) for (const i of byPair.get(pair) ?? []) found.add(i);
    let best: { entry: Entry; score: number; similarity: number } | null = null;
    // In table order, replacing only on a strictly better score or similarity: the first of the best wins, as in a full scan.
    // Ties go to the closer plain similarity (`执业（助理）医师` → the row without 中医类别).
    for (const i of [...found].sort((x, y) => x - y)) {
      const entry = entries[i]!;
      if (!unitsCompatible(unit, entry.unit)) continue;
      const s = score(a, entry.name);
      if (s < MATCH_THRESHOLD) continue;
      const sim = dice(a, entry.name);
      if (!best || s > best.score || (s === best.score && sim > best.similarity)) best = { entry, score: s, similarity: sim };
    }
    return best ? { row: best.entry.row, table: best.entry.table } : null;
  };
  return {
    matchRow(subject, unit) {
      const key = JSON.stringify([subject, unit]);
      let answer = answers.get(key);
      if (answer === undefined) {
        answer = match(subject, unit);
        answers.set(key, answer);
      }
      return answer;
    },
    baselineYear: tables.find((t) => t.baselineYear !== null)?.baselineYear ?? null,
  };
}
