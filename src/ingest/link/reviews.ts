// Reviewers' decisions in the link stage, pure. A rejected link is never
// made; a confirmed one always is, with the machine's score when the rules
// made it too, else with what its words share; statuses are then decided
// from the links so reviewed. The decisions come from the graph
// (../store/relink.ts reads the current one of each link).
import type { ReviewDecision, ReviewKind } from '../../vocabulary.ts';
import { continuationBetween, type Earlier } from './continuation.ts';
import { evidenceBetween } from './evidence.ts';
import type { TermWeights } from './similarity.ts';
import type { Continuation, Evidence, LinkCommitment, LinkOutcome } from './types.ts';

/** A reviewer's decision on one link, as the link stage obeys it. */
export interface LinkDecision {
  /** The Review node's id: a link it confirms carries it. */
  readonly id: string;
  readonly kind: ReviewKind;
  /** The commitment (evidence) or the later commitment (continuation). */
  readonly from: string;
  /** The outcome (evidence), or the earlier commitment or outcome (continuation). */
  readonly to: string;
  readonly decision: ReviewDecision;
  /** What the reviewer saw at the two ids. */
  readonly fromText: string;
  readonly toText: string;
}

/** The statements of one region, with their term weights: what a decision is checked and applied against. */
export interface RegionStatements {
  readonly commitments: ReadonlyMap<string, LinkCommitment>;
  readonly outcomes: ReadonlyMap<string, LinkOutcome>;
  readonly weights: TermWeights;
}

const keyOf = (from: string, to: string) => `${from}\u0000${to}`;

/** A statement a decision names, as the store holds it now. */
export interface NamedStatement {
  readonly text: string;
  readonly regionKey: string;
  readonly label: 'Commitment' | 'Outcome';
}

/** Each end of a decision: reading what the reviewer saw, reading otherwise, or not there (no statement of that id and kind). */
export type EndState = 'SAME' | 'CHANGED' | 'GONE';

export interface Judgement {
  readonly from: EndState;
  readonly to: EndState;
  /** Both ends there and of one region: links are made within a region. */
  readonly oneRegion: boolean;
  /** The decision applies; otherwise it is stale: kept, reported, and not applied until someone decides again. */
  readonly holds: boolean;
}

/**
 * Whether a decision still holds: both its statements are there, of the
 * right kinds, in one region, and read what the reviewer saw. Ids come from
 * the file name and offsets, so an unchanged document keeps them, while a
 * changed one may give an id to other text, or drop it. The one rule: the
 * link stage applies only what holds, and the API and the CLI report the
 * rest as stale.
 */
export function judge(
  d: { readonly kind: ReviewKind; readonly fromText: string; readonly toText: string },
  from: NamedStatement | undefined,
  to: NamedStatement | undefined,
): Judgement {
  const fromEnd = from?.label === 'Commitment' ? from : undefined;
  const toEnd = to && (d.kind === 'CONTINUATION' || to.label === 'Outcome') ? to : undefined;
  const state = (s: NamedStatement | undefined, seen: string): EndState => (!s ? 'GONE' : s.text === seen ? 'SAME' : 'CHANGED');
  const judged = { from: state(fromEnd, d.fromText), to: state(toEnd, d.toText), oneRegion: !!fromEnd && !!toEnd && fromEnd.regionKey === toEnd.regionKey };
  return { ...judged, holds: judged.from === 'SAME' && judged.to === 'SAME' && judged.oneRegion };
}

/** The decisions of a region that hold, as confirmed (with the statements to link) and rejected link keys. */
function holding<T>(decisions: readonly LinkDecision[], kind: ReviewKind, ends: (d: LinkDecision) => { from: NamedStatement | undefined; to: NamedStatement | undefined; link: T | null }) {
  const rejected = new Set<string>();
  const confirmed = new Map<string, { readonly id: string; readonly ends: T }>();
  for (const d of decisions) {
    if (d.kind !== kind) continue;
    const found = ends(d);
    if (found.link === null || !judge(d, found.from, found.to).holds) continue;
    const key = keyOf(d.from, d.to);
    if (d.decision === 'REJECT') rejected.add(key);
    else confirmed.set(key, { id: d.id, ends: found.link });
  }
  return { rejected, confirmed };
}

const named = (s: LinkCommitment | LinkOutcome | undefined, label: NamedStatement['label']): NamedStatement | undefined =>
  s && { text: s.text, regionKey: s.regionKey, label };

/** Machine links minus the rejected ones, confirmed ones marked, and confirmed links the rules did not make added in key order. */
function apply<L extends Evidence | Continuation, T>(
  machine: readonly L[],
  key: (link: L) => string,
  { rejected, confirmed }: ReturnType<typeof holding<T>>,
  make: (ends: T) => L,
): L[] {
  const out: L[] = [];
  const made = new Set<string>();
  for (const link of machine) {
    const k = key(link);
    if (rejected.has(k)) continue;
    made.add(k);
    const yes = confirmed.get(k);
    out.push(yes ? { ...link, review: yes.id } : link);
  }
  const missing = [...confirmed].filter(([k]) => !made.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, yes] of missing) out.push({ ...make(yes.ends), review: yes.id });
  return out;
}

export function reviewEvidence(machine: readonly Evidence[], decisions: readonly LinkDecision[], region: RegionStatements): Evidence[] {
  const found = holding(decisions, 'EVIDENCE', (d) => {
    const c = region.commitments.get(d.from);
    const o = region.outcomes.get(d.to);
    return { from: named(c, 'Commitment'), to: named(o, 'Outcome'), link: c && o ? { c, o } : null };
  });
  return apply(machine, (e) => keyOf(e.commitment, e.outcome), found, ({ c, o }) => evidenceBetween(c, o, region.weights));
}

export function reviewContinuations(machine: readonly Continuation[], decisions: readonly LinkDecision[], region: RegionStatements): Continuation[] {
  const found = holding(decisions, 'CONTINUATION', (d) => {
    const later = region.commitments.get(d.from);
    const c = region.commitments.get(d.to);
    const o = region.outcomes.get(d.to);
    const earlier: Earlier | null = c ? { toKind: 'Commitment', statement: c } : o ? { toKind: 'Outcome', statement: o } : null;
    return { from: named(later, 'Commitment'), to: c ? named(c, 'Commitment') : named(o, 'Outcome'), link: later && earlier ? { later, earlier } : null };
  });
  return apply(machine, (c) => keyOf(c.from, c.to), found, ({ later, earlier }) => continuationBetween(later, earlier, region.weights));
}
