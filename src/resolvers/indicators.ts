import { indicatorQueries } from '../graph/queries/indicators.ts';
import { againstTargets, assessProgress, betterOf, type SeriesPoint } from '../ingest/query.ts';
import { IndicatorWhere, parseArg } from './inputs.ts';
import type { Context, Row } from './loaders.ts';
import { sourceOf } from './source.ts';

export const indicatorQuery = {
  indicators: async (_: unknown, args: Record<string, unknown>, { store }: Context) =>
    store.read(indicatorQueries.list(parseArg(IndicatorWhere, args.where, 'where'))),
};

export const Indicator = {
  series: async (i: Row, args: { region?: string | null }, { loaders }: Context) => {
    const all = await loaders.series.load(String(i.id));
    return args.region ? all.filter((v) => v.region === args.region) : all;
  },
  /** The pace observed against the pace the target needs, for one region. */
  progress: async (i: Row, args: { region?: string | null }, { loaders }: Context) => {
    const { region, points } = await regionPoints(i, args, loaders);
    return { region, ...assessProgress(points, betterOf(String(i.name))) };
  },
  /** Each year's target against the value reported for that year, in one region. */
  targets: async (i: Row, args: { region?: string | null }, { loaders }: Context) => {
    const { points } = await regionPoints(i, args, loaders);
    return againstTargets(points, String(i.name)).map((r) => ({ ...r, target: r.target.row, actual: r.actual?.row ?? null }));
  },
};

/** One region's values of an indicator (default: the first region with values), as points that keep their rows. */
async function regionPoints(i: Row, args: { region?: string | null }, loaders: Context['loaders']) {
  const all = await loaders.series.load(String(i.id));
  const region = args.region ?? (all.find((v) => v.region)?.region as string | undefined) ?? null;
  const points = all
    .filter((v) => v.region === region)
    .map((v): SeriesPoint & { row: Row } => ({
      kind: v.kind as SeriesPoint['kind'],
      year: (v.year as number | null) ?? null,
      value: (v.value as number | null) ?? null,
      comparator: (v.comparator as string | null) ?? null,
      upper: (v.upper as number | null) ?? null,
      row: v,
    }));
  return { region, points };
}

export const statementValues = {
  values: (s: Row, _: unknown, { loaders }: Context) => loaders.statementValues.load(String(s.id)),
};

export const IndicatorValue = {
  document: (v: Row, _: unknown, { loaders }: Context) => loaders.document.load(String(v.doc)),
  source: sourceOf,
};
