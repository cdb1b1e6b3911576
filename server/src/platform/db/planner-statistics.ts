import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';

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
