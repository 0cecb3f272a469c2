import { splitLinkTerms } from '../graph/model.ts';
import type { Context, Row } from './loaders.ts';

// Evidence and continuation links as GraphQL sees them: the linked statement
// plus the score, verdict and the terms that matched (how the link was made).

/** A link row's own fields: how it was made, and whether a reviewer confirmed it (rejected links are never stored). */
export const link = (r: Row) => ({
  score: r.score,
  verdict: r.verdict ?? null,
  terms: splitLinkTerms(r.terms),
  review: typeof r.review === 'string' ? 'CONFIRMED' : 'MACHINE',
  reviewId: typeof r.review === 'string' ? r.review : null,
});

export const commitmentLinks = {
  evidence: async (c: Row, _: unknown, { loaders }: Context) =>
    (await loaders.evidence.load(String(c.id))).map((r) => ({ ...link(r), outcomeId: r.id })),
  continues: async (c: Row, _: unknown, { loaders }: Context) =>
    (await loaders.continues.load(String(c.id))).map((r) => ({ ...link(r), [r.isOutcome ? 'outcomeId' : 'commitmentId']: r.id })),
  continuedBy: async (c: Row, _: unknown, { loaders }: Context) =>
    (await loaders.continuedBy.load(String(c.id))).map((r) => ({ ...link(r), commitmentId: r.id })),
};

export const outcomeLinks = {
  evidenceFor: async (o: Row, _: unknown, { loaders }: Context) =>
    (await loaders.evidenceFor.load(String(o.id))).map((r) => ({ ...link(r), commitmentId: r.id })),
};

/** Resolves the statement at either end of a link row by id, and the decision behind a confirmed one, through the per-request loaders. */
export const Linked = {
  commitment: (l: { commitmentId?: string }, _: unknown, { loaders }: Context) => (l.commitmentId ? loaders.commitment.load(l.commitmentId) : null),
  outcome: (l: { outcomeId?: string }, _: unknown, { loaders }: Context) => (l.outcomeId ? loaders.outcome.load(l.outcomeId) : null),
  decision: (l: { reviewId: string | null }, _: unknown, { loaders }: Context) => (l.reviewId ? loaders.review.load(l.reviewId) : null),
};
