import { activeYears } from './evidence.ts';
import { LINK_RULES } from './rules.ts';
import type { Evidence, LinkCommitment, LinkOutcome, Status, StatusDecision, Verdict, YearReporting } from './types.ts';

/** How far a verdict says the work got: the latest report's most advanced verdict decides. */
export const ADVANCE: Readonly<Record<Verdict, number>> = { EXCEEDED: 5, MET: 4, PARTIAL: 3, IN_PROGRESS: 2, NOT_MET: 1 };

/**
 * Every commitment's status. With evidence: the verdict of its latest report
 * (the most advanced one if a year has several). Without: NOT_REPORTED when a
 * summary of its region for its due year is in the corpus and says nothing
 * about it; UNTRACKED when no such summary is. The two are never merged.
 */
export function decideStatus(
  commitments: readonly LinkCommitment[],
  outcomes: readonly LinkOutcome[],
  evidence: readonly Evidence[],
): StatusDecision[] {
  const outcomeById = new Map(outcomes.map((o) => [o.id, o]));
  const evidenceOf = new Map<string, Evidence[]>();
  for (const e of evidence) evidenceOf.set(e.commitment, [...(evidenceOf.get(e.commitment) ?? []), e]);
  // A report exists for (region, year) when a review of that year of the region is in the corpus: its documents.
  const reports = new Map<string, Map<number, Set<string>>>();
  for (const o of outcomes) {
    if (o.year === null) continue;
    const byYear = reports.get(o.regionKey) ?? new Map<number, Set<string>>();
    byYear.set(o.year, (byYear.get(o.year) ?? new Set<string>()).add(o.doc));
    reports.set(o.regionKey, byYear);
  }
  const reportedYears = new Map([...reports].map(([key, byYear]) => [key, new Set(byYear.keys())]));

  return commitments.map((c) => ({ commitment: c.id, ...statusOf(c), reporting: reportingOf(c, evidenceOf.get(c.id) ?? [], outcomeById, reports.get(c.regionKey)) }));

  function statusOf(c: LinkCommitment): Omit<StatusDecision, 'reporting' | 'commitment'> {
    const links = evidenceOf.get(c.id) ?? [];
    const where = c.region ?? 'this document’s region';
    if (links.length) {
      const yearOf = (e: Evidence) => outcomeById.get(e.outcome)?.year ?? 0;
      const latestYear = Math.max(...links.map(yearOf));
      const latest = links.filter((e) => yearOf(e) === latestYear);
      const verdicts = new Set(latest.map((e) => e.verdict));
      // One sentence often holds several commitments: some met, some not is PARTIAL, not the best of them.
      const mixed = verdicts.has('NOT_MET') && (verdicts.has('MET') || verdicts.has('EXCEEDED') || verdicts.has('PARTIAL'));
      const best = [...latest].sort((a, b) => ADVANCE[b.verdict] - ADVANCE[a.verdict] || b.score - a.score)[0]!;
      const status: Status = mixed ? 'PARTIAL' : best.verdict;
      return {
        status,
        reason: `${links.length} reported result(s); the latest (${latestYear || 'year unknown'}) read ${[...verdicts].sort().join(', ')}.`,
      };
    }
    const due = c.dueYear ?? c.periodTo ?? c.planYear;
    const years = reportedYears.get(c.regionKey) ?? new Set<number>();
    const covering = due === null ? [] : [...years].filter((y) => y >= due && y <= due + LINK_RULES.reportingLateYears).sort();
    if (due !== null && covering.length) {
      return { status: 'NOT_REPORTED', reason: `The ${covering.join('/')} summary of ${where} is in the corpus and reports nothing on it.` };
    }
    return {
      status: 'UNTRACKED',
      reason: due === null ? 'It has no due year to look for a report in.' : `No summary of ${where} for ${due} is in the corpus.`,
    };
  }
}

/**
 * Each year the commitment is in force, what its region's report of that
 * year says of it. A five-year task due in 2025 is SILENT in 2022 when the
 * 2022 summary of its region is in the corpus and says nothing about it.
 */
function reportingOf(
  c: LinkCommitment,
  links: readonly Evidence[],
  outcomeById: ReadonlyMap<string, LinkOutcome>,
  reports: ReadonlyMap<number, ReadonlySet<string>> | undefined,
): YearReporting[] {
  const years = activeYears(c);
  if (!years) return [];
  const out: YearReporting[] = [];
  for (let year = years.from; year <= years.to; year++) {
    const documents = [...(reports?.get(year) ?? [])].sort();
    const verdicts = links.filter((e) => outcomeById.get(e.outcome)?.year === year).map((e) => e.verdict);
    const verdict = verdicts.sort((a, b) => ADVANCE[b] - ADVANCE[a])[0] ?? null;
    const state = verdict ? 'REPORTED' : documents.length ? 'SILENT' : 'NO_REPORT';
    out.push({ year, state, verdict, documents });
  }
  return out;
}

// As stored on the commitment: `2021:NO_REPORT 2022:SILENT@doc-a 2023:REPORTED/IN_PROGRESS@doc-b`.
// A query finds the commitments silent in a year with `reporting CONTAINS '2022:SILENT'`.
export function encodeReporting(reporting: readonly YearReporting[]): string {
  return reporting.map((r) => `${r.year}:${r.state}${r.verdict ? `/${r.verdict}` : ''}${r.documents.length ? `@${r.documents.join('+')}` : ''}`).join(' ');
}

export function decodeReporting(stored: unknown): YearReporting[] {
  if (typeof stored !== 'string' || stored === '') return [];
  return stored.split(' ').map((token) => {
    const [head, docs] = token.split('@') as [string, string | undefined];
    const [yearState, verdict] = head.split('/') as [string, string | undefined];
    const [year, state] = yearState.split(':') as [string, YearReporting['state']];
    return { year: Number(year), state, verdict: (verdict as Verdict | undefined) ?? null, documents: docs ? docs.split('+') : [] };
  });
}

/** The token a query looks for: this state in this year. */
export const reportingToken = (year: number, state: YearReporting['state']): string => `${year}:${state}`;
