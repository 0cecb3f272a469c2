import { z } from 'zod';
import { listReviews, recordDecision, REVIEW_LIMITS, ReviewerLabel, ReviewNote, type DecisionOutcome, type ReviewRequest, type ReviewView } from '../ingest/store/reviews.ts';
import { REVIEW_DECISIONS } from '../vocabulary.ts';
import { pageOf } from './connection.ts';
import { badInput, userError } from './errors.ts';
import { pageArgs, parseArg, ReviewWhere } from './inputs.ts';
import type { Context } from './loaders.ts';
import { requireToken, type ApiContext } from './mutation.ts';

// Reviewers' decisions: the two mutations (behind the token), the audit
// trail, and a decision as GraphQL shows it.

const StatementId = z.string().trim().min(1, 'a statement id is needed, e.g. doc-7884afb05359:t16258').max(REVIEW_LIMITS.id);
const decided = {
  decision: z.enum(REVIEW_DECISIONS),
  note: ReviewNote.optional(),
  reviewer: ReviewerLabel.optional(),
};

const LinkArgs = z
  .strictObject({ commitmentId: StatementId, outcomeId: StatementId, ...decided })
  .transform((a): ReviewRequest => ({ kind: 'EVIDENCE', from: a.commitmentId, to: a.outcomeId, decision: a.decision, note: a.note ?? null, reviewer: a.reviewer ?? null }));

const ContinuationArgs = z
  .strictObject({ laterId: StatementId, earlierId: StatementId, ...decided })
  .transform((a): ReviewRequest => ({ kind: 'CONTINUATION', from: a.laterId, to: a.earlierId, decision: a.decision, note: a.note ?? null, reviewer: a.reviewer ?? null }));

async function review(field: string, args: z.ZodType<ReviewRequest>, raw: unknown, { store, auth, loaders, workers }: ApiContext): Promise<ReviewView> {
  requireToken(auth, field);
  const parsed = args.safeParse(raw);
  if (!parsed.success) throw badInput(parsed.error, field);
  const outcome: DecisionOutcome = await recordDecision(store, parsed.data, { workers });
  switch (outcome.status) {
    case 'NOT_FOUND':
      throw userError('NOT_FOUND', `${field}: ${outcome.message}`);
    case 'REFUSED':
      throw userError('BAD_USER_INPUT', `${field}: ${outcome.message}`);
    case 'RECORDED': {
      const stored = await loaders.review.load(outcome.reviewId);
      if (!stored) throw new Error(`The decision ${outcome.reviewId} was recorded but cannot be read back.`);
      return stored;
    }
  }
}

export const reviewMutations = {
  reviewLink: (_: unknown, raw: Record<string, unknown>, ctx: ApiContext) => review('reviewLink', LinkArgs, raw, ctx),
  reviewContinuation: (_: unknown, raw: Record<string, unknown>, ctx: ApiContext) => review('reviewContinuation', ContinuationArgs, raw, ctx),
};

export const reviewQuery = {
  // Paged in memory: whether a decision is stale is judged in TypeScript (the
  // rule the link stage applies), and decisions are people's work, a few
  // thousand at most.
  reviews: async (_: unknown, args: Record<string, unknown>, { store }: Context) => {
    const where = parseArg(ReviewWhere, args.where, 'where');
    const page = pageArgs(args.first, args.after);
    const all = await listReviews(store, where);
    return pageOf(page, async () => all.length, async () => all.slice(page.skip, page.skip + page.limit));
  },
};

/** A decision as stored and judged (ReviewView), with the statements it names as they are now. */
export const Review = {
  state: (r: ReviewView) => (r.decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED'),
  commitment: (r: ReviewView, _: unknown, { loaders }: Context) => loaders.commitment.load(r.fromId),
  outcome: (r: ReviewView, _: unknown, { loaders }: Context) => loaders.outcome.load(r.toId),
  earlier: (r: ReviewView, _: unknown, { loaders }: Context) => (r.kind === 'CONTINUATION' ? loaders.commitment.load(r.toId) : null),
};
