// Optional filters with stable parameter types. LadybugDB types a null
// parameter as BOOL and keeps that type for the prepared statement, so
// "null means any" breaks on the next call; instead every filter sends a
// typed value plus an `any…` flag: `($anyRegion OR c.region = $region)`.

type Scalar = string | number;

export function optionalParams<T extends Record<string, Scalar | null | undefined>>(
  values: T,
  sentinels: { [K in keyof T]: Scalar },
): Record<string, Scalar | boolean> {
  const out: Record<string, Scalar | boolean> = {};
  for (const key of Object.keys(sentinels) as Array<keyof T & string>) {
    const v = values[key];
    const given = v !== null && v !== undefined;
    out[key] = given ? v : sentinels[key];
    out[`any${key[0]!.toUpperCase()}${key.slice(1)}`] = !given;
  }
  return out;
}

/** `($anyRegion OR c.region = $region)` */
export function optionalClause(param: string, condition: string): string {
  return `($any${param[0]!.toUpperCase()}${param.slice(1)} OR ${condition})`;
}

/**
 * Ids for `$ids`, each once: `UNWIND $ids AS key MATCH (n {id: key})` (the
 * form that finds single nodes through the primary key; `WHERE n.id IN $ids`
 * scans the table) would repeat a repeated id's rows.
 */
export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The WHERE clause of each filter a query may take, by filter name. */
export type Conditions<F> = { readonly [K in keyof F]-?: string };

/**
 * Only the filters given, joined with AND, each with its parameter (named as
 * the filter): a value that is null, undefined, '' or an empty list filters
 * nothing and leaves no clause. The query texts of the lists are built so (see
 * statements.ts: an always-true clause still costs its evaluation per row).
 */
export function givenConditions<F extends object>(f: F, conditions: Conditions<F>) {
  const filters = (Object.keys(conditions) as Array<keyof F & string>)
    .map((k) => [k, f[k]] as [keyof F & string, unknown])
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  return {
    where: filters.length ? filters.map(([k]) => conditions[k]).join(' AND ') : 'true',
    params: Object.fromEntries(filters.map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])) as Record<string, unknown>,
    /** For the query's name: which filters shaped its text. */
    suffix: filters.length ? `.${filters.map(([k]) => k).join('+')}` : '',
  };
}
