import type { Db } from '../../db/database';
import type { JobDefinition } from '../../platform/jobs/job-queue';

/** A repository whose table is read index-only and is kept all-visible by this job. */
export interface Vacuumed {
  vacuum(db: Db): Promise<void>;
}

/**
 * 统计汇总表维护: every night at 02:30 Beijing time, VACUUM (ANALYZE) of the tables the dashboards
 * read index-only — the roll-ups, and the cases and leads whose newest records the 大屏's tickers and
 * the clocks panel read unit by unit (migration 0054). An index-only scan skips the heap only on pages
 * marked all-visible; PostgreSQL's autovacuum marks them in time, but the embedded database has no
 * autovacuum and a server may run without it — there every chart would read the heap again, one page
 * per row. Harmless beside autovacuum; idempotent; one table after another.
 */
export function rollupMaintenanceJob(deps: { db: Db; tables: Vacuumed[] }): JobDefinition {
  return {
    name: 'rollup-maintenance',
    cron: '30 2 * * *',
    // A national VACUUM takes minutes; a process that died with it is retried after an hour.
    expireInSeconds: 3600,
    run: async () => {
      for (const table of deps.tables) await table.vacuum(deps.db);
    },
  };
}
