import { z } from 'zod';
import { INSTITUTION_TYPES, STATUSES } from '../vocabulary.ts';
import { badInput, userError } from './errors.ts';

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
  })
  .strict();

export const CommitmentOrder = z.enum(['DOCUMENT', 'DUE_YEAR', 'STATUS']).default('DOCUMENT');

export const IndicatorWhere = z.object({ name: text.nullish(), region: text.nullish() }).strict();

export const SearchArgs = z.object({ text: z.string().trim().min(1, 'give some text to search for').max(100), first: z.number().int().min(1).max(MAX_PAGE).default(20) });

export const OutcomeWhere = z
  .object({ documentId: z.string().min(1).nullish(), region: text.nullish(), year: year.nullish(), institution: text.nullish(), text: text.nullish() })
  .strict();

export const InstitutionWhere = z.object({ name: text.nullish(), region: text.nullish(), type: z.enum(INSTITUTION_TYPES).nullish() }).strict();

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

export function pageArgs(first: unknown, after: unknown): PageArgs {
  const limit = parseArg(First, first ?? 50, 'first');
  if (after === null || after === undefined) return { skip: 0, limit };
  const decoded = typeof after === 'string' ? /^o:(\d+)$/.exec(Buffer.from(after, 'base64url').toString()) : null;
  if (!decoded) throw userError('BAD_USER_INPUT', 'after: not a cursor this API gave out', { argumentPath: 'after' });
  return { skip: Number(decoded[1]) + 1, limit };
}

export function connection<T>(rows: readonly T[], total: number, page: PageArgs) {
  const last = page.skip + rows.length - 1;
  return {
    totalCount: total,
    nodes: rows,
    pageInfo: { hasNextPage: last + 1 < total, endCursor: rows.length ? encodeCursor(last) : null },
  };
}
