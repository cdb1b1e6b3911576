import { createRecentMemo } from './recent-memo';

export interface ListTotal {
  total: number;
  /** The matches go beyond `total` (the count stopped there). */
  totalCapped: boolean;
}

/**
 * A list's page with its total. The first page always counts; the pages after it reuse the total
 * counted for the same key (the caller's scope and the filter) within the last 30 s, as a person
 * pages through: over millions of records, counting is most of a page's cost.
 *
 * Kept in this process only, on purpose: it is a hint, never a decision. A page served by another
 * process (WORKERS, several machines) counts afresh; the total shown is at most 30 s old in either
 * case, and the rows of a page always come from the database.
 */
export function createPagedTotals() {
  const totals = createRecentMemo<ListTotal>({ ttlMs: 30_000, max: 1000 });
  return async function pageWithTotal<T>(
    key: unknown,
    page: number,
    loadPage: () => Promise<T[]>,
    count: () => Promise<ListTotal>,
  ): Promise<{ items: T[] } & ListTotal> {
    const totalKey = JSON.stringify(key);
    const remembered = page > 1 ? totals.get(totalKey) : undefined;
    const [items, counted] = await Promise.all([loadPage(), remembered ?? count()]);
    if (!remembered) totals.set(totalKey, counted);
    return { items, ...counted };
  };
}
