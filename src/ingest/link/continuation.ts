import { betterOf, compareToTarget } from './compare.ts';
import { distinct, round } from './evidence.ts';
import { LINK_RULES } from './rules.ts';
import { PartIndex } from './parts.ts';
import type { TermWeights } from './similarity.ts';
import type { Continuation, LinkCommitment, LinkOutcome, Verdict } from './types.ts';

/**
 * A later commitment continues an earlier one on the same work: a five-year
 * plan's task taken up by an annual plan, a plan of year Y by the plan of Y+1.
 * And a plan of year Y continues what the summary of Y-1 reported.
 */
export function findContinuations(commitments: readonly LinkCommitment[], outcomes: readonly LinkOutcome[], weights: TermWeights): Continuation[] {
  // By document and by year: a commitment is continued only by another document's, and reports only of the year before count.
  const byCommitment = new PartIndex(commitments.filter((c) => !c.broad), (c) => c.doc);
  const byOutcome = new PartIndex(outcomes.filter((o) => !o.broad), (o) => o.year);
  const out: Continuation[] = [];
  for (const later of commitments) {
    const start = later.periodFrom ?? later.planYear;
    if (start === null || later.broad) continue;
    // Candidates whose common terms cannot weigh enough are dropped before
    // the exact overlap: in a region of many similar plans most of them.
    const reachable = (x: LinkCommitment | LinkOutcome, common: number) =>
      weights.overlapCanReach(later.terms, x.terms, common, LINK_RULES.continuationMinScore);
    const earlier = byCommitment
      .weighted(later.terms, LINK_RULES.continuationMinSharedTerms, weights, (doc) => doc !== later.doc)
      .filter(({ item: e, common }) => e.regionKey === later.regionKey && e.doc !== later.doc && precedes(e, later) && reachable(e, common))
      .map(({ item: e }) => ({ e, ...weights.overlap(later.terms, e.terms) }))
      .filter((m) => m.score >= LINK_RULES.continuationMinScore && distinct(m.terms).length >= LINK_RULES.continuationMinSharedTerms)
      .sort((a, b) => b.score - a.score || a.e.id.localeCompare(b.e.id))
      .slice(0, LINK_RULES.continuationPerCommitment);
    for (const m of earlier) out.push({ from: later.id, to: m.e.id, toKind: 'Commitment', score: round(m.score), terms: m.terms, verdict: null });

    const reported = byOutcome
      .weighted(later.terms, LINK_RULES.continuationMinSharedTerms, weights, (year) => year !== null && year < start && year >= start - 1)
      .filter(({ item: o, common }) => o.regionKey === later.regionKey && o.year !== null && o.year < start && o.year >= start - 1 && reachable(o, common))
      .map(({ item: o }) => ({ o, ...weights.overlap(later.terms, o.terms) }))
      .filter((m) => m.score >= LINK_RULES.continuationMinScore && distinct(m.terms).length >= LINK_RULES.continuationMinSharedTerms)
      .sort((a, b) => b.score - a.score || a.o.id.localeCompare(b.o.id))
      .slice(0, LINK_RULES.continuationPerCommitment);
    for (const m of reported) out.push({ from: later.id, to: m.o.id, toKind: 'Outcome', score: round(m.score), terms: m.terms, verdict: alreadyThere(later, m.o) });
  }
  return out;
}

/** What a continuation may point back to: an earlier commitment, or an earlier report. */
export type Earlier = { readonly toKind: 'Commitment'; readonly statement: LinkCommitment } | { readonly toKind: 'Outcome'; readonly statement: LinkOutcome };

/**
 * The continuation of `earlier` by `later` whatever the rules above say: for
 * one a reviewer confirmed. Its score is the plain overlap, even below the floor.
 */
export function continuationBetween(later: LinkCommitment, earlier: Earlier, weights: TermWeights): Continuation {
  const m = weights.overlap(later.terms, earlier.statement.terms);
  const verdict = earlier.toKind === 'Outcome' ? alreadyThere(later, earlier.statement) : null;
  return { from: later.id, to: earlier.statement.id, toKind: earlier.toKind, score: round(m.score), terms: [...m.terms], verdict };
}

/** e comes before l: an earlier plan year, or a multi-year plan that l (an annual plan within it) takes up. */
function precedes(e: LinkCommitment, l: LinkCommitment): boolean {
  const eFrom = e.periodFrom ?? e.planYear;
  const lFrom = l.periodFrom ?? l.planYear;
  if (eFrom === null || lFrom === null) return false;
  const eSpan = (e.periodTo ?? eFrom) - eFrom;
  const lSpan = (l.periodTo ?? lFrom) - lFrom;
  if (lFrom > eFrom) return true;
  return lFrom === eFrom && eSpan > lSpan;
}

/** When the earlier report already meets the later target (81.76% reported, ≥80% planned), say so. */
function alreadyThere(c: LinkCommitment, o: LinkOutcome): Verdict | null {
  for (const t of c.indicators) {
    const a = o.indicators.find((v) => v.indicatorId === t.indicatorId && v.kind === 'ACTUAL');
    if (t.kind === 'TARGET' && t.value !== null && a?.value != null) {
      const cmp = compareToTarget(a.value, t.value, t.comparator, betterOf(t.indicatorId));
      return cmp === 'NOT_YET' ? 'IN_PROGRESS' : cmp;
    }
  }
  return null;
}
