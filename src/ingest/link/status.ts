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
      const best = [...links].sort((a, b) => {
        const ya = outcomeById.get(a.outcome)?.year ?? 0;
        const yb = outcomeById.get(b.outcome)?.year ?? 0;
        return yb - ya || ADVANCE[b.verdict] - ADVANCE[a.verdict] || b.score - a.score;
      })[0]!;
      const year = outcomeById.get(best.outcome)?.year;
      return {
        commitment: c.id,
        status: best.verdict as Status,
        reason: `${links.length} reported result(s); the latest (${year ?? 'year unknown'}) reads ${best.verdict}.`,
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
