import { splitLinkTerms } from '../graph/model.ts';
import { traceQueries } from '../graph/queries/trace.ts';
import { userError } from './errors.ts';
import type { Context, Row } from './loaders.ts';

/** How far a trace follows evidence and continuation links from its commitment. */
const TRACE_DEPTH = 3;

interface Step {
  year: number | null;
  kind: 'COMMITMENT' | 'OUTCOME';
  commitment: Row | null;
  outcome: Row | null;
  doc: string;
  ord: number;
  links: Array<Record<string, unknown>>;
}

/**
 * A commitment's chain across documents, in year order: what it continues
 * (its history), what continues it (later plans), and what was reported on
 * each of them, each step with the links that join it to the others.
 */
export async function trace(commitmentId: string, { store, loaders }: Context) {
  const start = await loaders.commitment.load(commitmentId);
  if (!start) throw userError('NOT_FOUND', `No commitment with id ${commitmentId}.`);
  const [earlier, later] = await Promise.all([
    store.read(traceQueries.earlier(commitmentId, TRACE_DEPTH)),
    store.read(traceQueries.later(commitmentId, TRACE_DEPTH)),
  ]);
  const chain = [commitmentId, ...earlier.map((r) => String(r.id)), ...later.map((r) => String(r.id))];
  // The evidence of every commitment on the chain: what was reported at each step.
  const reported = await store.read(traceQueries.evidence(chain));
  const ids = [...new Set([...chain, ...reported.map((r) => String(r.id))])];
  const [commitments, outcomes, links] = await Promise.all([
    loaders.commitment.loadMany(ids),
    loaders.outcome.loadMany(ids),
    store.read(traceQueries.chainLinks(ids)),
  ]);
  const steps: Step[] = [];
  ids.forEach((id, i) => {
    const c = commitments[i];
    const o = outcomes[i];
    const own = links
      .filter((l) => l.fromId === id || l.toId === id)
      .map((l) => ({ type: l.evidence ? 'EVIDENCED_BY' : 'CONTINUES', fromId: l.fromId, toId: l.toId, score: l.score, verdict: l.verdict ?? null, terms: splitLinkTerms(l.terms), review: typeof l.review === 'string' ? 'CONFIRMED' : 'MACHINE' }));
    if (c && !(c instanceof Error)) {
      steps.push({ year: (c.planYear ?? c.periodFrom ?? null) as number | null, kind: 'COMMITMENT', commitment: c, outcome: null, doc: String(c.doc), ord: Number(c.ord ?? 0), links: own });
    } else if (o && !(o instanceof Error)) {
      steps.push({ year: (o.year ?? null) as number | null, kind: 'OUTCOME', commitment: null, outcome: o, doc: String(o.doc), ord: Number(o.ord ?? 0), links: own });
    }
  });
  steps.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.doc.localeCompare(b.doc) || a.ord - b.ord);
  return { commitment: start, steps };
}

export const TraceStep = {
  document: (s: Step, _: unknown, { loaders }: Context) => loaders.document.load(s.doc),
};
