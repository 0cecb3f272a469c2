// The link stage's decisions, pure: from a part of the regions' commitments
// and outcomes to evidence, continuations and statuses. The store side
// (reading inputs, writing links) is ../store/relink.ts, and
// ../store/link-part.ts turns what it reads into these inputs.
import { findContinuations } from './continuation.ts';
import { findEvidence } from './evidence.ts';
import { reviewContinuations, reviewEvidence, type LinkDecision } from './reviews.ts';
import { TermWeights } from './similarity.ts';
import { decideStatus } from './status.ts';
import type { Continuation, Evidence, LinkCommitment, LinkOutcome, StatusDecision } from './types.ts';

export interface LinkResult {
  readonly regionKeys: readonly string[];
  readonly evidence: readonly Evidence[];
  readonly continuations: readonly Continuation[];
  readonly statuses: readonly StatusDecision[];
}

/**
 * Pure: links and statuses for the statements of some regions. Deterministic
 * for the same input. Reviewers' decisions (the current one of each link)
 * overrule the rules: a rejected link is not made, a confirmed one is, and
 * statuses follow the links so reviewed.
 */
export function computeLinks(
  regionKeys: readonly string[],
  commitments: readonly LinkCommitment[],
  outcomes: readonly LinkOutcome[],
  decisions: readonly LinkDecision[] = [],
): LinkResult {
  const evidence: Evidence[] = [];
  const continuations: Continuation[] = [];
  const statuses: StatusDecision[] = [];
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // Grouped once: filtering the whole list per region was regions × statements (2·10⁸ steps at 1000×).
  const cByKey = byRegion(commitments);
  const oByKey = byRegion(outcomes);
  // A decision belongs to the region of its first statement (its commitment); none of another region's applies.
  const regionOf = new Map(decisions.length ? commitments.map((c) => [c.id, c.regionKey]) : []);
  const dByKey = new Map<string, LinkDecision[]>();
  for (const d of decisions) {
    const key = regionOf.get(d.from);
    if (key !== undefined) dByKey.set(key, [...(dByKey.get(key) ?? []), d]);
  }
  // Regions never share links, so each is linked on its own, with its own term weights.
  for (const key of [...regionKeys].sort()) {
    const cs = (cByKey.get(key) ?? []).sort(byId);
    const os = (oByKey.get(key) ?? []).sort(byId);
    const weights = new TermWeights([...cs.map((c) => c.terms), ...os.map((o) => o.terms)]);
    let ev = findEvidence(cs, os, weights);
    let cont = findContinuations(cs, os, weights);
    // Most regions have no decisions: they skip the lookups decisions need.
    const here = dByKey.get(key);
    if (here) {
      const region = { commitments: new Map(cs.map((c) => [c.id, c])), outcomes: new Map(os.map((o) => [o.id, o])), weights };
      ev = reviewEvidence(ev, here, region);
      cont = reviewContinuations(cont, here, region);
    }
    // Not push(...): a long document's region has more statuses than a call takes arguments.
    for (const e of ev) evidence.push(e);
    for (const c of cont) continuations.push(c);
    for (const s of decideStatus(cs, os, ev)) statuses.push(s);
  }
  return { regionKeys, evidence, continuations, statuses };
}

function byRegion<T extends { regionKey: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.regionKey);
    if (list) list.push(item);
    else out.set(item.regionKey, [item]);
  }
  return out;
}

