import type { Database } from '../../db/database';
import { pingDatabase } from './health.repository';

export const APP_VERSION = '0.1.0';

export function createHealthService(database: Pick<Database, 'db' | 'kind'>) {
  return {
    async check() {
      await pingDatabase(database.db);
      return { status: 'ok' as const, database: database.kind, version: APP_VERSION };
    },
  };
}
