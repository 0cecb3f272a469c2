import { encodeCursor, type PageArgs } from './inputs.ts';


/**
 * One page of a list with its count. A page that does not start at the top
 * reads the count first and asks for rows only when the page starts inside
 * the list: LadybugDB 0.19.1 crashes the whole process on a SKIP far past the
 * end of its rows, so a page past the end is answered empty without asking.
 */
export async function pageOf<T = Record<string, unknown>>(page: PageArgs, count: () => Promise<number>, rows: () => Promise<readonly T[]>) {
  if (page.skip === 0) {
    const [first, total] = await Promise.all([rows(), count()]);
    return connection(first, total, page);
  }
  const total = await count();
  return connection(page.skip < total ? await rows() : [], total, page);
}

/** The total of a `RETURN count(…) AS total` read. */
export const totalOf = async (read: Promise<ReadonlyArray<Record<string, unknown>>>): Promise<number> => Number((await read)[0]?.total ?? 0);

function connection<T>(rows: readonly T[], total: number, page: PageArgs) {
  const last = page.skip + rows.length - 1;
  return {
    totalCount: total,
    nodes: rows,
    pageInfo: { hasNextPage: last + 1 < total, endCursor: rows.length ? encodeCursor(last) : null },
  };
}
