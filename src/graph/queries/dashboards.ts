// Reads for dashboards: commitments counted by the keys a chart groups on,
// reporting states counted per year, and indicator values as one flat table.
// Counting happens in the store (one row per group comes back, not one per
// commitment): at 187,500 commitments, returning each row costs seconds.
import type { Query } from '../port.ts';
import { givenConditions, type Conditions } from './filters.ts';
import { commitmentMatch, type CommitmentFilter, type Page } from './statements.ts';

export const COUNT_KEYS = ['REGION', 'YEAR', 'DOCUMENT', 'KIND', 'STATUS'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

// The column each key groups on, always in this order whatever order the
// keys were asked in: the same set of keys is the same text (one prepared
// statement). Region and kind are the document's (a statement's region is its
// document's). A commitment has no status before the link stage has seen it;
// the scorecard calls that UNTRACKED, and so does the count, in the store, so
// that the two never make two rows of one group.
const KEY_COLUMNS: Readonly<Record<CountKey, string>> = {
  REGION: 'd.region AS region',
  YEAR: 'c.dueYear AS year',
  DOCUMENT: 'd.id AS documentId',
  KIND: 'd.kind AS kind',
  STATUS: "coalesce(c.status, 'UNTRACKED') AS status",
};

// Only conditions that filter: an always-true clause is still evaluated on every row (statements.ts).
const whereOf = (...conditions: string[]): string => {
  const real = conditions.filter((c) => c !== 'true');
  return real.length ? ` WHERE ${real.join(' AND ')}` : '';
};

function columns(keys: readonly CountKey[]): { columns: string; name: string } {
  const wanted = COUNT_KEYS.filter((k) => keys.includes(k));
  return { columns: wanted.map((k) => `${KEY_COLUMNS[k]}, `).join(''), name: wanted.length ? wanted.join('+') : 'total' };
}

/** The three tokens a commitment's reporting holds for one year, one per state (`2022:SILENT`; built by the caller, see src/ingest/link/status.ts). */
export interface ReportingTokens {
  readonly reported: string;
  readonly silent: string;
  readonly noReport: string;
}

export interface IndicatorValueFilter {
  /** Substring of the indicator's name. */
  readonly indicator?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly year?: number | null | undefined;
  readonly kind?: string | null | undefined;
  readonly documentId?: string | null | undefined;
}

const VALUE_CONDITIONS: Conditions<IndicatorValueFilter> = {
  indicator: 'i.name CONTAINS $indicator',
  region: 'v.region = $region',
  year: 'v.year = $year',
  kind: 'v.kind = $kind',
  documentId: 'v.doc = $documentId',
};

export const dashboardQueries = {
  /** Commitments counted per group of the keys given (none: one row, the total). */
  statusCounts: (f: CommitmentFilter, keys: readonly CountKey[]): Query => {
    const { match, where, params, suffix } = commitmentMatch(f, true);
    const { columns: cols, name } = columns(keys);
    return { name: `dashboards.statusCounts.${name}${suffix}`, text: `${match}${whereOf(where)}\nRETURN ${cols}count(c) AS n`, params };
  },

  /**
   * Commitments in force in one year counted by their reporting state that
   * year (and the keys given). A commitment is in force in a year exactly
   * when its reporting holds a token for that year, and that token is one of
   * the three states (status.ts writes one per year in force).
   */
  reportingCounts: (f: CommitmentFilter, keys: readonly CountKey[], tokens: ReportingTokens): Query => {
    const { match, where, params, suffix } = commitmentMatch(f, true);
    const { columns: cols, name } = columns(keys);
    return {
      name: `dashboards.reportingCounts.${name}${suffix}`,
      text: `${match}${whereOf('(c.reporting CONTAINS $reported OR c.reporting CONTAINS $silent OR c.reporting CONTAINS $noReport)', where)}
RETURN CASE WHEN c.reporting CONTAINS $reported THEN 'REPORTED' WHEN c.reporting CONTAINS $silent THEN 'SILENT' ELSE 'NO_REPORT' END AS state, ${cols}count(c) AS n`,
      params: { ...params, reported: tokens.reported, silent: tokens.silent, noReport: tokens.noReport },
    };
  },

  /**
   * A page of indicator values, each with its indicator's name, in a stable
   * order (indicator, region, year, kind, id). As the commitment pages do, the
   * page is sorted on ids and keys alone, then its rows are fetched by id; the
   * keys go through to the final ORDER BY, since a MATCH may not keep the order.
   * Missing regions and years sort first on both engines (coalesce), where the
   * engines' own placing of nulls need not agree.
   */
  indicatorValues: (f: IndicatorValueFilter, page: Page): Query => {
    const { where, params, suffix } = givenConditions(f, VALUE_CONDITIONS);
    return {
      name: `dashboards.indicatorValues${suffix}`,
      text: `MATCH (v:IndicatorValue)-[:OF]->(i:Indicator)${whereOf(where)}
WITH v.id AS key, i.name AS kName, coalesce(v.region, '') AS kRegion, coalesce(v.year, 0) AS kYear, v.kind AS kKind
ORDER BY kName, kRegion, kYear, kKind, key SKIP $skip LIMIT $limit
MATCH (v:IndicatorValue {id: key})-[:OF]->(i:Indicator)
RETURN v.id AS id, v.doc AS doc, i.name AS indicator, v.kind AS kind, v.year AS year, v.value AS value, v.text AS text,
  v.comparator AS comparator, v.qualitative AS qualitative, v.unit AS unit, v.attribute AS attribute, v.region AS region,
  v.spanStart AS spanStart, v.spanEnd AS spanEnd, v.quote AS quote, kName, kRegion, kYear, kKind
ORDER BY kName, kRegion, kYear, kKind, id`,
      params: { ...params, skip: page.skip, limit: page.limit },
    };
  },

  indicatorValueCount: (f: IndicatorValueFilter): Query => {
    const { where, params, suffix } = givenConditions(f, VALUE_CONDITIONS);
    return { name: `dashboards.indicatorValues.count${suffix}`, text: `MATCH (v:IndicatorValue)-[:OF]->(i:Indicator)${whereOf(where)} RETURN count(v) AS total`, params };
  },
};
