import { documentQueries } from '../graph/queries/documents.ts';
import { statementQueries } from '../graph/queries/statements.ts';
import { CommitmentWhere, DocumentWhere, OutcomeWhere, connection, pageArgs, parseArg } from './inputs.ts';
import type { Context } from './loaders.ts';

type Args = Record<string, unknown>;

export const Query = {
  documents: (_: unknown, args: Args, { store }: Context) => store.read(documentQueries.list(parseArg(DocumentWhere, args.where, 'where'))),

  document: (_: unknown, args: Args, { loaders }: Context) => loaders.document.load(String(args.id)),

  commitments: async (_: unknown, args: Args, { store }: Context) => {
    const where = parseArg(CommitmentWhere, args.where, 'where');
    const page = pageArgs(args.first, args.after);
    const [rows, [count]] = await Promise.all([store.read(statementQueries.commitments(where, page)), store.read(statementQueries.commitmentCount(where))]);
    return connection(rows, Number(count?.total ?? 0), page);
  },

  outcomes: async (_: unknown, args: Args, { store }: Context) => {
    const where = parseArg(OutcomeWhere, args.where, 'where');
    const page = pageArgs(args.first, args.after);
    const [rows, [count]] = await Promise.all([store.read(statementQueries.outcomes(where, page)), store.read(statementQueries.outcomeCount(where))]);
    return connection(rows, Number(count?.total ?? 0), page);
  },
};
