import { newestMigrationMillis, type Database } from '../../db/database';
import { newestAppliedMigration, pingDatabase } from './health.repository';

export const APP_VERSION = '0.1.0';

export type Readiness =
  | { ready: true; database: Database['kind'] }
  | { ready: false; reason: 'database-unreachable' | 'migrations-pending'; message: string };

/**
 * Liveness and readiness, for a proxy or an orchestrator: live = the process answers (no database);
 * ready = the database answers and every migration this build carries is applied there.
 */
export function createHealthService(database: Pick<Database, 'db' | 'kind'>, newest = newestMigrationMillis()) {
  // `newest`: the build's newest migration, read from its journal once (a build cannot change under
  // a running process; a proxy asks for readiness every few seconds).
  return {
    async check() {
      await pingDatabase(database.db);
      return { status: 'ok' as const, database: database.kind, version: APP_VERSION };
    },
    live() {
      return {
        status: 'live' as const,
        version: APP_VERSION,
        pid: process.pid,
        uptimeSeconds: Math.round(process.uptime()),
      };
    },
    async ready(): Promise<Readiness> {
      let applied: number;
      try {
        await pingDatabase(database.db);
        applied = await newestAppliedMigration(database.db);
      } catch (err) {
        return { ready: false, reason: 'database-unreachable', message: `数据库无法访问：${(err as Error).message}` };
      }
      if (applied < newest) {
        return { ready: false, reason: 'migrations-pending', message: '数据库结构尚未升级到本版本（迁移未完成）' };
      }
      return { ready: true, database: database.kind };
    },
  };
}
