import type { Db } from '../../db/database';
import type { JobDefinition } from '../../platform/jobs/job-queue';
import type { RollupsRepository } from './rollups.repository';

/**
 * 统计汇总表维护: every night at 02:30 Beijing time, VACUUM (ANALYZE) of the roll-up tables. Their
 * reads are index-only scans only over pages marked all-visible; PostgreSQL's autovacuum marks them
 * in time, but the embedded database has no autovacuum and a server may run without it — there every
 * chart would read the heap again, one page per row. Harmless beside autovacuum; idempotent.
 */
export function rollupMaintenanceJob(deps: {
  db: Db;
  rollupsRepository: Pick<RollupsRepository, 'vacuum'>;
}): JobDefinition {
  return {
    name: 'rollup-maintenance',
    cron: '30 2 * * *',
    // A national VACUUM takes minutes; a process that died with it is retried after an hour.
    expireInSeconds: 3600,
    run: () => deps.rollupsRepository.vacuum(deps.db),
  };
}
