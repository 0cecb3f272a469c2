import { dashboardQueries, type CountKey } from '../graph/queries/dashboards.ts';
import { reportingToken } from '../ingest/query.ts';
import { DOCUMENT_KINDS, REPORTING_STATES, STATUSES } from '../vocabulary.ts';
import { pageOf, totalOf } from './connection.ts';
import { parseAll } from './errors.ts';
import { CommitmentWhere, CountKeys, IndicatorValueWhere, pageArgs, parseArg, ReportingCountKeys, ReportingYears } from './inputs.ts';
import type { Context, Row } from './loaders.ts';

type Args = Record<string, unknown>;

interface CountRow {
  readonly region: string | null;
  readonly year: number | null;
  readonly documentId: string | null;
  readonly kind: string | null;
  readonly status: string | null;
  readonly state?: string;
  readonly count: number;
}

const countRow = (r: Row): CountRow => ({
  region: (r.region as string | null | undefined) ?? null,
  year: (r.year as number | null | undefined) ?? null,
  documentId: (r.documentId as string | null | undefined) ?? null,
  kind: (r.kind as string | null | undefined) ?? null,
  status: (r.status as string | null | undefined) ?? null,
  count: Number(r.n),
});

// Rows sort by the keys in the order asked, unknown values last, so a chart
// gets its series in a stable order whichever engine counted: the engines need
// not agree on where nulls go. Enum values sort in their enum's order (MET
// before UNTRACKED), names and ids by code point.
type Sort = (a: CountRow, b: CountRow) => number;
const last = <T>(x: T | null, y: T | null, compare: (x: T, y: T) => number): number =>
  x === y ? 0 : x === null ? 1 : y === null ? -1 : compare(x, y);
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const byRank = (order: readonly string[]) => (x: string, y: string) => order.indexOf(x) - order.indexOf(y);

const SORTS: Readonly<Record<CountKey, Sort>> = {
  REGION: (a, b) => last(a.region, b.region, byText),
  YEAR: (a, b) => last(a.year, b.year, (x, y) => x - y),
  DOCUMENT: (a, b) => last(a.documentId, b.documentId, byText),
  KIND: (a, b) => last(a.kind, b.kind, byRank(DOCUMENT_KINDS)),
  STATUS: (a, b) => last(a.status, b.status, byRank(STATUSES)),
};

const sorted = (rows: CountRow[], sorts: readonly Sort[]): CountRow[] =>
  rows.sort((a, b) => {
    for (const s of sorts) {
      const d = s(a, b);
      if (d) return d;
    }
    return 0;
  });

export const dashboardQuery = {
  statusCounts: async (_: unknown, args: Args, { store }: Context) => {
    const [keys, where] = parseAll(
      () => parseArg(CountKeys, args.groupBy, 'groupBy'),
      () => parseArg(CommitmentWhere, args.where, 'where'),
    );
    const rows = (await store.read(dashboardQueries.statusCounts(where, keys))).map(countRow);
    return sorted(rows, keys.map((k) => SORTS[k]));
  },

  reportingCounts: async (_: unknown, args: Args, { store }: Context) => {
    const [years, keys, where] = parseAll(
      () => parseArg(ReportingYears, args.years, 'years'),
      () => parseArg(ReportingCountKeys, args.groupBy, 'groupBy'),
      () => parseArg(CommitmentWhere, args.where, 'where'),
    );
    // One count per year, each with that year's three tokens (status.ts's encoding, through the query helpers).
    const perYear = await Promise.all(
      years.map(async (year) => {
        const tokens = { reported: reportingToken(year, 'REPORTED'), silent: reportingToken(year, 'SILENT'), noReport: reportingToken(year, 'NO_REPORT') };
        const rows = await store.read(dashboardQueries.reportingCounts(where, keys, tokens));
        return rows.map((r) => ({ ...countRow(r), year, state: String(r.state) }));
      }),
    );
    const byState: Sort = (a, b) => byRank(REPORTING_STATES)(a.state!, b.state!);
    // The row's year is the year reported on, not the year due: the sort starts with it, then the keys, then the state.
    return sorted(perYear.flat(), [SORTS.YEAR, ...keys.map((k) => SORTS[k]), byState]);
  },

  indicatorValues: async (_: unknown, args: Args, { store }: Context) => {
    const [where, page] = parseAll(
      () => parseArg(IndicatorValueWhere, args.where, 'where'),
      () => pageArgs(args.first, args.after),
    );
    return pageOf(page, () => totalOf(store.read(dashboardQueries.indicatorValueCount(where))), () => store.read(dashboardQueries.indicatorValues(where, page)));
  },
};

/** A count row's document, when it was grouped by DOCUMENT. */
const documentOf = (r: CountRow, _: unknown, { loaders }: Context) => (r.documentId ? loaders.document.load(r.documentId) : null);

export const CommitmentCount = { document: documentOf };
export const ReportingCount = { document: documentOf };
