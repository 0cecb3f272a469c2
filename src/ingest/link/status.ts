import { LINK_RULES } from './rules.ts';
import type { Evidence, LinkCommitment, LinkOutcome, Status, StatusDecision, Verdict } from './types.ts';

const ADVANCE: Record<Verdict, number> = { EXCEEDED: 5, MET: 4, PARTIAL: 3, IN_PROGRESS: 2, NOT_MET: 1 };

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
  const reportedYears = new Map<string, Set<number>>();
  for (const o of outcomes) {
    if (o.year === null) continue;
    const set = reportedYears.get(o.regionKey) ?? new Set<number>();
    set.add(o.year);
    reportedYears.set(o.regionKey, set);
  }

  return commitments.map((c) => {
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
        commitment: c.id,
        status,
        reason: `${links.length} reported result(s); the latest (${latestYear || 'year unknown'}) read ${[...verdicts].sort().join(', ')}.`,
      };
    }
    const due = c.dueYear ?? c.periodTo ?? c.planYear;
    const years = reportedYears.get(c.regionKey) ?? new Set<number>();
    const covering = due === null ? [] : [...years].filter((y) => y >= due && y <= due + LINK_RULES.reportingLateYears).sort();
    if (due !== null && covering.length) {
      return { commitment: c.id, status: 'NOT_REPORTED', reason: `The ${covering.join('/')} summary of ${where} is in the corpus and reports nothing on it.` };
    }
    return {
      commitment: c.id,
      status: 'UNTRACKED',
      reason: due === null ? 'It has no due year to look for a report in.' : `No summary of ${where} for ${due} is in the corpus.`,
    };
  });
}
