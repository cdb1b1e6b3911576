import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';

/** List totals are exact up to this many records; beyond it the answer is "more than 10,000". */
export const COUNT_CAP = 10_000;

/** The count of rows of `table` that match `where`, stopping at COUNT_CAP + 1, as a query (to run or to prepare). */
export function cappedCountQuery(db: Db, table: PgTable, where: SQL) {
  return db.select({ total: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1` })
      .from(table)
      .where(where)
      .limit(COUNT_CAP + 1)
      .as('matches'),
  );
}

/** A count of at most COUNT_CAP + 1 as a list shows it: exact up to COUNT_CAP, "more" beyond. */
export const cappedTotal = (total: number) => ({ total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP });

/**
 * How many rows of `table` match `where`, counting no further than COUNT_CAP + 1: counting every
 * match of a broad filter over millions of records costs more than the page itself.
 */
export async function cappedCount(
  db: Db,
  table: PgTable,
  where: SQL,
): Promise<{ total: number; totalCapped: boolean }> {
  const [{ total }] = await cappedCountQuery(db, table, where);
  return cappedTotal(total);
}
