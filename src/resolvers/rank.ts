import { contentTerms } from '../ingest/query.ts';

/** The terms a query is searched by: its content words, and the query itself when short (an exact phrase). */
export function queryTerms(query: string): string[] {
  const q = query.trim();
  const terms = new Set(contentTerms(q));
  if (q.length <= 20) terms.add(q);
  return [...terms].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
}

export interface Candidate {
  readonly id: string;
  readonly text: string;
  readonly matched: readonly string[];
}

export interface Ranked<T extends Candidate> {
  readonly hit: T;
  readonly score: number;
  readonly highlights: ReadonlyArray<{ start: number; end: number }>;
  /** The text with matches in 【】, for reading in a playground. */
  readonly highlighted: string;
}

/**
 * Rank by the weight of the query terms each text contains (rarer terms
 * weigh more: idf over all statements), with a bonus for the whole query
 * as a phrase. Ties go to the shorter text, then document order (by id).
 */
export function rank<T extends Candidate>(query: string, hits: readonly T[], df: ReadonlyMap<string, number>, total: number): Ranked<T>[] {
  const idf = (t: string) => Math.log((total + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const phrase = query.trim();
  return hits
    .map((hit) => {
      const matched = [...new Set(hit.matched)];
      const score = matched.reduce((s, t) => s + idf(t), 0) + (hit.text.includes(phrase) ? idf(phrase) : 0);
      const highlights = highlightRanges(hit.text, matched);
      return { hit, score: Math.round(score * 1000) / 1000, highlights, highlighted: mark(hit.text, highlights) };
    })
    // Equal scores: the shorter text is the more focused answer.
    .sort((a, b) => b.score - a.score || a.hit.text.length - b.hit.text.length || (a.hit.id < b.hit.id ? -1 : 1));
}

/** Non-overlapping ranges where the terms occur, longest terms first. */
export function highlightRanges(text: string, terms: readonly string[]): Array<{ start: number; end: number }> {
  const taken: Array<{ start: number; end: number }> = [];
  for (const t of [...terms].sort((a, b) => b.length - a.length)) {
    for (let i = text.indexOf(t); i !== -1 && t; i = text.indexOf(t, i + t.length)) {
      const r = { start: i, end: i + t.length };
      if (!taken.some((x) => r.start < x.end && x.start < r.end)) taken.push(r);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

function mark(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += `${text.slice(at, r.start)}【${text.slice(r.start, r.end)}】`;
    at = r.end;
  }
  return out + text.slice(at);
}
