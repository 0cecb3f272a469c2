import { z } from 'zod';
import { reportingToken } from '../ingest/query.ts';
import { COUNT_KEYS } from '../graph/queries/dashboards.ts';
import { INSTITUTION_TYPES, REPORTING_STATES, REVIEW_DECISIONS, REVIEW_KINDS, STATUSES, VALUE_KINDS } from '../vocabulary.ts';
import { badInput, parseAll } from './errors.ts';

export const MAX_PAGE = 200;

const year = z.number().int().min(1949).max(2100);
const text = z.string().trim().min(1).max(200);

export const DocumentWhere = z
  .object({ region: text.nullish(), kind: z.string().nullish(), year: year.nullish() })
  .strict();

export const CommitmentWhere = z
  .object({
    documentId: z.string().min(1).nullish(),
    region: text.nullish(),
    planYear: year.nullish(),
    activeIn: year.nullish(),
    dueBy: year.nullish(),
    status: z.array(z.enum(STATUSES)).max(STATUSES.length).nullish(),
    institution: text.nullish(),
    indicator: text.nullish(),
    project: text.nullish(),
    text: text.nullish(),
    reporting: z.strictObject({ year, state: z.enum(REPORTING_STATES) }).nullish(),
  })
  .strict()
  // The store holds each commitment's reporting as tokens (2022:SILENT); the filter asks for one.
  .transform(({ reporting, ...where }) => ({ ...where, reportingToken: reporting ? reportingToken(reporting.year, reporting.state) : null }));

export const CommitmentOrder = z.enum(['DOCUMENT', 'DUE_YEAR', 'STATUS']).default('DOCUMENT');

export const IndicatorWhere = z.object({ name: text.nullish(), region: text.nullish() }).strict();

export const IndicatorValueWhere = z
  .object({ indicator: text.nullish(), region: text.nullish(), year: year.nullish(), kind: z.enum(VALUE_KINDS).nullish(), documentId: z.string().min(1).nullish() })
  .strict();

/** Keys to group counts on, each once (a key asked twice groups as once), in the order asked: rows sort so. */
const keys = <K extends string>(allowed: readonly [K, ...K[]]) =>
  z
    .array(z.enum(allowed))
    .max(10, 'at most 10 keys')
    .nullish()
    .transform((ks) => [...new Set(ks ?? [])]);

export const CountKeys = keys(COUNT_KEYS);
export const ReportingCountKeys = keys(['REGION', 'DOCUMENT', 'KIND', 'STATUS']);

/** The years of reportingCounts: each costs one count over the commitments, so a decade at most. */
export const ReportingYears = z
  .array(year)
  .min(1, 'give at least one year')
  .max(10, 'at most 10 years per request')
  .transform((ys) => [...new Set(ys)].sort((a, b) => a - b));

export const SearchText = z.string().trim().min(1, 'give some text to search for').max(100);

export const SearchWhere = z
  .object({
    region: text.nullish(),
    year: year.nullish(),
    kind: z.array(z.enum(['COMMITMENT', 'OUTCOME', 'PROJECT'])).max(3).nullish(),
    documentId: z.string().min(1).nullish(),
  })
  .strict();

export const OutcomeWhere = z
  .object({ documentId: z.string().min(1).nullish(), region: text.nullish(), year: year.nullish(), institution: text.nullish(), text: text.nullish() })
  .strict();

export const InstitutionWhere = z.object({ name: text.nullish(), region: text.nullish(), type: z.enum(INSTITUTION_TYPES).nullish() }).strict();

export const ReviewWhere = z
  .object({
    decision: z.enum(REVIEW_DECISIONS).nullish(),
    stale: z.boolean().nullish(),
    reviewer: text.nullish(),
    kind: z.enum(REVIEW_KINDS).nullish(),
    statementId: z.string().trim().min(1).max(200).nullish(),
    history: z.boolean().nullish().transform((v) => v ?? false),
  })
  .strict();

const First = z.number().int().min(0).max(MAX_PAGE, `at most ${MAX_PAGE} per page`);

/** Parse one argument with its schema; a failure is a BAD_USER_INPUT naming the argument. */
export function parseArg<T>(schema: z.ZodType<T>, value: unknown, argument: string): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw badInput(r.error, argument);
  return r.data;
}

export interface PageArgs {
  readonly skip: number;
  readonly limit: number;
}

/** Cursors are opaque to clients; inside they are offsets. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

// A count is a GraphQL Int (totalCount: Int!), so no position in a counted
// list passes the largest Int; the page after the last one starts at offset + 1.
export const MAX_OFFSET = 2 ** 31 - 2;
const NOT_A_CURSOR = 'not a cursor this API gave out (pass a pageInfo.endCursor as it came)';

/**
 * Only the exact encoding of an offset passes: Buffer's base64 decoder skips
 * characters it does not know, so garbage would otherwise decode to something,
 * and "o:007" or "o:-1" would name offsets no page ever gave out.
 */
const Cursor = z
  .string()
  .max(24, NOT_A_CURSOR)
  .transform((s) => ({ s, digits: /^o:(0|[1-9][0-9]*)$/.exec(Buffer.from(s, 'base64url').toString('utf8'))?.[1] }))
  .refine(({ s, digits }) => digits !== undefined && encodeCursor(Number(digits)) === s, NOT_A_CURSOR)
  .transform(({ digits }) => Number(digits))
  .pipe(z.number().max(MAX_OFFSET, 'this cursor points past any list this API can count'));

export function pageArgs(first: unknown, after: unknown): PageArgs {
  const [limit, skip] = parseAll(
    () => parseArg(First, first ?? 50, 'first'),
    () => (after === null || after === undefined ? 0 : parseArg(Cursor, after, 'after') + 1),
  );
  return { skip, limit };
}
