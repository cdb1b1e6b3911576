import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { finishBeforeClose, workBeforeCloseDone } from '../../db/work-before-close';

/** Below this many rows written, an import leaves the statistics to PostgreSQL's autovacuum. */
export const BULK_LOAD_ROWS = 1_000;

/**
 * After a bulk load, refreshes the query planner's statistics of the tables it wrote (ANALYZE).
 * Without them PostgreSQL plans the ledger's filters as if the tables were nearly empty (a
 * sequential scan and a sort of every match instead of a walk along the ledger's order) until
 * autovacuum comes round — and a server with autovacuum turned off never does. Runs after the
 * import's transaction: the records are stored whatever happens here, so a failure only costs
 * speed and is not reported to the person importing.
 */
export async function refreshStatisticsAfterBulkLoad(db: Db, tables: PgTable[], rowsWritten: number): Promise<void> {
  if (rowsWritten < BULK_LOAD_ROWS) return;
  for (const table of tables) {
    try {
      await db.execute(sql`analyze ${sql.identifier(getTableName(table))}`);
    } catch {
      // Statistics are an optimisation; autovacuum refreshes them in time.
    }
  }
}

/**
 * refreshStatisticsAfterBulkLoad without making the caller wait: the person importing gets the
 * answer as soon as the records are committed, and ANALYZE (a second or two on a ledger of
 * hundreds of thousands of cases) runs meanwhile. A query in those seconds is planned with the
 * statistics from before the import, as it was before the import. Closing the database waits for
 * it (db/work-before-close.ts).
 */
export function refreshStatisticsSoon(db: Db, tables: PgTable[], rowsWritten: number): void {
  if (rowsWritten < BULK_LOAD_ROWS) return;
  finishBeforeClose(db, refreshStatisticsAfterBulkLoad(db, tables, rowsWritten));
}

/** Resolves once every refresh started on `db` by refreshStatisticsSoon has finished. */
export const statisticsRefreshed = (db: Db): Promise<void> => workBeforeCloseDone(db);
