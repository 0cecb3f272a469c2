import { institutionQueries } from '../graph/queries/institutions.ts';
import { pageOf, totalOf } from './connection.ts';
import { parseAll } from './errors.ts';
import { InstitutionWhere, pageArgs, parseArg } from './inputs.ts';
import type { Context, Row } from './loaders.ts';

export const institutionQuery = {
  institutions: async (_: unknown, args: Record<string, unknown>, { store }: Context) => {
    const [where, page] = parseAll(
      () => parseArg(InstitutionWhere, args.where, 'where'),
      () => pageArgs(args.first, args.after),
    );
    return pageOf(page, () => totalOf(store.read(institutionQueries.count(where))), () => store.read(institutionQueries.list(where, page)));
  },
};

/** What a named institution was asked to do, and what it was reported to have done. */
export const Institution = {
  commitments: async (i: Row, _: unknown, { loaders }: Context) => {
    const links = await loaders.institutionCommitments.load(String(i.id));
    return (await loaders.commitment.loadMany(links.map((l) => String(l.id)))).filter((c) => c && !(c instanceof Error));
  },
  outcomes: async (i: Row, _: unknown, { loaders }: Context) => {
    const links = await loaders.institutionOutcomes.load(String(i.id));
    return (await loaders.outcome.loadMany(links.map((l) => String(l.id)))).filter((o) => o && !(o instanceof Error));
  },
};

export const statementInstitutions = {
  institutions: (s: Row, _: unknown, { loaders }: Context) => loaders.statementInstitutions.load(String(s.id)),
};
