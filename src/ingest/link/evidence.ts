import { contentTerms } from '../segment.ts';
import { betterOf, compareToTarget } from './compare.ts';
import { LINK_RULES } from './rules.ts';
import { PartIndex } from './parts.ts';
import type { TermWeights } from './similarity.ts';
import type { Evidence, LinkCommitment, LinkOutcome, Verdict } from './types.ts';

/** The years a commitment is active: its plan year, or its plan's period up to its due year. */
export function activeYears(c: LinkCommitment): { from: number; to: number } | null {
  const from = c.periodFrom ?? c.planYear;
  const to = Math.max(c.dueYear ?? -Infinity, c.periodTo ?? -Infinity, c.planYear ?? -Infinity);
  return from === null || !Number.isFinite(to) ? null : { from, to };
}

/** Content terms of each clause of a statement: a report often speaks of one clause of a long plan sentence. */
export function clausesOf(text: string): string[][] {
  return text
    .split(/[，；：,;:]/)
    .map((clause) => contentTerms(clause))
    .filter((terms) => terms.length > 0);
}

/** Outcomes of the same region, reported in a year the commitment is active, that report on it. */
export function findEvidence(commitments: readonly LinkCommitment[], outcomes: readonly LinkOutcome[], weights: TermWeights): Evidence[] {
  // By year: only outcomes of the years a commitment is active can report on it.
  const index = new PartIndex(outcomes.filter((o) => !o.broad), (o) => o.year);
  const candidates: Array<Evidence & { rank: number }> = [];
  for (const c of commitments) {
    const years = activeYears(c);
    if (!years || c.broad) continue;
    const scored = index
      .candidates(c.terms, 1, (year) => year !== null && year >= years.from && year <= years.to)
      .filter((o) => o.regionKey === c.regionKey && o.year !== null && o.year >= years.from && o.year <= years.to)
      .map((o) => ({ o, ...score(c, withoutPublication(o, c.plan), weights) }))
      .filter((s) => s.score >= LINK_RULES.evidenceMinScore && s.enough)
      .sort((a, b) => b.score - a.score || a.o.id.localeCompare(b.o.id))
      .slice(0, LINK_RULES.evidencePerCommitment);
    for (const s of scored) candidates.push({ commitment: c.id, outcome: s.o.id, score: round(s.score), terms: s.terms, verdict: verdictOf(c, s.o), rank: s.score });
  }
  // Each outcome keeps only the commitments it matches best: as many as the
  // works it lists (推进A、B、C…项目建设 reports on each), at least a few.
  const perOutcome = new Map<string, number>();
  const capOf = new Map(outcomes.map((o) => [o.id, Math.max(LINK_RULES.evidencePerOutcome, Math.min(LINK_RULES.evidencePerOutcomeMax, listedWorks(o.text)))]));
  const kept = candidates
    .sort((a, b) => b.rank - a.rank || a.commitment.localeCompare(b.commitment) || a.outcome.localeCompare(b.outcome))
    .filter((e) => {
      const n = perOutcome.get(e.outcome) ?? 0;
      perOutcome.set(e.outcome, n + 1);
      return n < capOf.get(e.outcome)!;
    });
  return [...kept, ...throughWorks(commitments, kept)]
    .sort((a, b) => a.commitment.localeCompare(b.commitment) || b.rank - a.rank || a.outcome.localeCompare(b.outcome))
    .map(({ rank: _rank, ...e }) => e);
}

/**
 * Evidence for each paragraph lead (src/ingest/leads.ts) through the works
 * its paragraph lists: a review reports 加大对革命老区…支持力度, not 塑造区域发展新格局.
 * The lead takes the best of its works' evidence it lacks; the works are in
 * its paragraph, so in its years. Each keeps the work's verdict: readers of
 * the national reports call a lead met when a review says a work of it was
 * done in its year, and a number short of the work's target is short for the lead.
 */
function throughWorks(commitments: readonly LinkCommitment[], evidence: ReadonlyArray<Evidence & { rank: number }>) {
  const leadOf = new Map<string, string>();
  for (const c of commitments) if (c.lead !== null) leadOf.set(c.id, c.lead);
  if (leadOf.size === 0) return [];
  // Each lead's works' evidence: the links found so far whose commitment has that lead.
  const works = new Map<string, Array<Evidence & { rank: number }>>();
  for (const e of evidence) {
    const lead = leadOf.get(e.commitment);
    if (lead === undefined) continue;
    const list = works.get(lead);
    if (list) list.push(e);
    else works.set(lead, [e]);
  }
  const own = new Set(evidence.map((e) => `${e.commitment}\u0000${e.outcome}`));
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const out: Array<Evidence & { rank: number }> = [];
  for (const [id, found] of works) {
    const lead = byId.get(id);
    if (!lead || lead.broad) continue;
    const seen = new Set<string>();
    const best = found
      .sort((a, b) => b.rank - a.rank || a.outcome.localeCompare(b.outcome))
      .filter((e) => !own.has(`${id}\u0000${e.outcome}`) && !seen.has(e.outcome) && seen.add(e.outcome))
      .slice(0, LINK_RULES.evidenceThroughWorks);
    for (const e of best) out.push({ ...e, commitment: id });
  }
  return out;
}

// > | 制定印发《南阳市“十四五”公共卫生体系和全民健康规划》
//     ^^^^^^^^                                          a publication verb, then the title
const PUBLISHED = /(?:印发|发布|出台|制定|制订|编制|颁布)[^。；《]{0,12}《([^》]{4,})》/g;
const bare = (title: string) => title.replace(/[\s“”"'‘’「」『』《》（）()]/g, '');

/**
 * An outcome's text without the clauses that report this very plan's
 * publication, or null when it reports none. That a plan came out is not a
 * report on any of its tasks (a rule of time); what the rest of the sentence
 * reports still may be (制订印发《…规划》，实施市级四所医院…达标建设).
 */
export function withoutAnnouncement(outcome: string, plan: string | null): string | null {
  if (!plan) return null;
  const title = bare(plan);
  if (title.length < 4) return null;
  const clauses = outcome.split(/(?<=[，；,;])/);
  const kept = clauses.filter((clause) =>
    [...clause.matchAll(PUBLISHED)].every((m) => {
      const named = bare(m[1]!);
      return !(named === title || (named.length >= 6 && (named.includes(title) || title.includes(named))));
    }),
  );
  return kept.length === clauses.length ? null : kept.join('');
}

/** Whether an outcome reports this plan's publication (and nothing else of it may count). */
export function announces(outcome: string, plan: string | null): boolean {
  return withoutAnnouncement(outcome, plan) !== null;
}

/** The outcome as evidence for a commitment of `plan`: its words, less those of a clause announcing the plan (rare: worked out only then). */
function withoutPublication(o: LinkOutcome, plan: string | null): LinkOutcome {
  const rest = withoutAnnouncement(o.text, plan);
  return rest === null ? o : { ...o, terms: contentTerms(rest), indicators: rest ? o.indicators : [], institutions: rest ? o.institutions : [] };
}

/**
 * The link between a commitment and an outcome whatever the rules above say:
 * for one a reviewer confirmed. Its score is what the words share, even
 * below the floor, so a confirmed link still shows how weak its wording is.
 */
export function evidenceBetween(c: LinkCommitment, o: LinkOutcome, weights: TermWeights): Evidence {
  const ruled = score(c, o, weights);
  const raw = [c.terms, ...c.clauses].map((terms) => weights.coverage(terms, o.terms)).sort((a, b) => b.score - a.score)[0]!;
  const best = ruled.score > 0 ? ruled : raw;
  return { commitment: c.id, outcome: o.id, score: round(Math.min(1, best.score)), terms: [...best.terms], verdict: verdictOf(c, o) };
}

/** How many works a statement lists: the items of its longest 、-separated enumeration. */
export function listedWorks(text: string): number {
  return Math.max(1, ...text.split(/[，。；：,;:]/).map((clause) => clause.split('、').length));
}

/**
 * How well an outcome covers a commitment: the better of the whole sentence
 * and its best clause, where the shared words must be at least two distinct
 * ones and weigh enough on their own.
 */
function score(c: LinkCommitment, o: LinkOutcome, weights: TermWeights) {
  const parts = [c.terms, ...c.clauses].map((terms) => weights.coverage(terms, o.terms));
  const whole = parts[0]!;
  const usable = parts.filter((m) => distinct(m.terms).length >= LINK_RULES.evidenceMinSharedTerms && weights.total(distinct(m.terms)) >= LINK_RULES.minSharedWeight * weights.maxWeight());
  const m = usable.sort((a, b) => b.score - a.score)[0] ?? { score: 0, terms: [] as string[] };
  const sharedInstitutions = c.institutions.filter((i) => o.institutions.includes(i));
  const sharedIndicators = c.indicators.filter((v) => o.indicators.some((w) => w.indicatorId === v.indicatorId));
  const bonus = (sharedIndicators.length ? LINK_RULES.indicatorBonus : 0) + Math.min(2, sharedInstitutions.length) * LINK_RULES.institutionBonus;
  const strong = sharedIndicators.length > 0 || sharedInstitutions.length > 0;
  return {
    score: Math.min(1, Math.max(m.score, strong ? whole.score : 0) + bonus),
    terms: [...new Set([...(m.terms.length ? m.terms : whole.terms), ...sharedInstitutions, ...sharedIndicators.map((v) => v.indicatorId)])],
    enough: usable.length > 0 || (strong && whole.terms.length >= 1),
  };
}

/**
 * What one outcome says about one commitment. Numbers decide when both sides
 * carry one for the same indicator; otherwise the outcome's own wording does.
 */
export function verdictOf(c: LinkCommitment, o: LinkOutcome): Verdict {
  for (const target of c.indicators) {
    const actual = o.indicators.find((v) => v.indicatorId === target.indicatorId && v.kind === 'ACTUAL');
    if (target.kind !== 'TARGET' || target.value === null || !actual || actual.value === null) continue;
    const cmp = compareToTarget(actual.value, target.value, target.comparator, betterOf(target.indicatorId));
    if (cmp === 'EXCEEDED') return 'EXCEEDED';
    if (cmp === 'MET') return 'MET';
    return dueBy(c, o) ? 'NOT_MET' : 'IN_PROGRESS';
  }
  // Done-words in a report before the due year usually speak of one part of a
  // larger task (建成 one of several centres): the task is under way, not met.
  if (!dueBy(c, o) && (o.progress === 'EXCEEDED' || o.progress === 'COMPLETED')) return 'IN_PROGRESS';
  switch (o.progress) {
    case 'EXCEEDED':
      return 'EXCEEDED';
    case 'COMPLETED':
      return 'MET';
    case 'NOT_DONE':
      return dueBy(c, o) ? 'NOT_MET' : 'IN_PROGRESS';
    case 'IN_PROGRESS':
      return 'IN_PROGRESS';
    default:
      // Reported in the year it was due, with no word of work still under way
      // or not done: a review states what was done (出台…, 新设…, 灵活适度).
      // Before the due year, one year's work on a longer task is progress.
      return dueBy(c, o) ? 'MET' : 'IN_PROGRESS';
  }
}

/** Whether the outcome's year is the commitment's due year or later. */
function dueBy(c: LinkCommitment, o: LinkOutcome): boolean {
  const due = c.dueYear ?? c.periodTo ?? c.planYear;
  return due !== null && o.year !== null && o.year >= due;
}

/** Shared terms without those nested in another shared term: 标准 inside 标准化 is one word, not two. */
export function distinct(terms: readonly string[]): string[] {
  return terms.filter((t) => !terms.some((u) => u !== t && u.includes(t)));
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
