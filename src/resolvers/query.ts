import { documentQueries } from '../graph/queries/documents.ts';
import { statementQueries } from '../graph/queries/statements.ts';
import { dashboardQuery } from './dashboards.ts';
import { parseAll, userError } from './errors.ts';
import { indicatorQuery } from './indicators.ts';
import { institutionQuery } from './institutions.ts';
import { pageOf, totalOf } from './connection.ts';
import { CommitmentOrder, CommitmentWhere, DocumentWhere, OutcomeWhere, pageArgs, parseArg } from './inputs.ts';
import type { Context } from './loaders.ts';
import { search } from './search.ts';
import { trace } from './trace.ts';

type Args = Record<string, unknown>;

/** The two lists of the "no reported result" question, each a connection of its own. */
export const Unreported = {
  notReported: (u: UnreportedIn, args: Args, ctx: Context) =>
    Query.commitments(null, { ...args, where: { region: u.region, reporting: { year: u.year, state: 'SILENT' } } }, ctx),
  untracked: (u: UnreportedIn, args: Args, ctx: Context) =>
    Query.commitments(null, { ...args, where: { region: u.region, reporting: { year: u.year, state: 'NO_REPORT' } } }, ctx),
};

interface UnreportedIn {
  readonly year: number;
  readonly region: string | null;
}

export const Query = {
  documents: (_: unknown, args: Args, { store }: Context) => store.read(documentQueries.list(parseArg(DocumentWhere, args.where, 'where'))),

  document: (_: unknown, args: Args, { loaders }: Context) => loaders.document.load(String(args.id)),

  commitments: async (_: unknown, args: Args, { store }: Context) => {
    const [where, order, page] = parseAll(
      () => parseArg(CommitmentWhere, args.where, 'where'),
      () => parseArg(CommitmentOrder, args.orderBy ?? undefined, 'orderBy'),
      () => pageArgs(args.first, args.after),
    );
    return pageOf(page, () => totalOf(store.read(statementQueries.commitmentCount(where))), () => store.read(statementQueries.commitments(where, page, order)));
  },

  commitment: (_: unknown, args: Args, { loaders }: Context) => loaders.commitment.load(String(args.id)),

  /**
   * "Which commitments in force in year Y have no reported result?" — NOT_REPORTED
   * (a summary for the year exists and is silent) and UNTRACKED (no summary
   * to look in) kept apart.
   */
  unreported: (_: unknown, args: Args): UnreportedIn => {
    // Checked here, so that a bad year or region is one error, not one per list.
    const where = parseArg(CommitmentWhere, { reporting: { year: args.year, state: 'SILENT' }, region: args.region ?? null }, 'year');
    return { year: Number(args.year), region: where.region ?? null };
  },

  trace: (_: unknown, args: Args, ctx: Context) => trace(String(args.commitmentId), ctx),

  scorecard: async (_: unknown, args: Args, { store, loaders }: Context) => {
    const id = String(args.documentId);
    const document = await loaders.document.load(id);
    if (!document) throw userError('NOT_FOUND', `No document with id ${id}.`);
    const rows = await store.read(statementQueries.statusCounts(id));
    const byStatus = rows.map((r) => ({ status: r.status ?? 'UNTRACKED', count: Number(r.n) }));
    return { document, total: byStatus.reduce((n, r) => n + r.count, 0), byStatus };
  },

  search,
  ...dashboardQuery,
  ...indicatorQuery,
  ...institutionQuery,

  outcomes: async (_: unknown, args: Args, { store }: Context) => {
    const [where, page] = parseAll(
      () => parseArg(OutcomeWhere, args.where, 'where'),
      () => pageArgs(args.first, args.after),
    );
    return pageOf(page, () => totalOf(store.read(statementQueries.outcomeCount(where))), () => store.read(statementQueries.outcomes(where, page)));
  },
};
