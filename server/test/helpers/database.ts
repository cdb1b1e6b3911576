import { openDatabase, type Database } from '../../src/db/database';
import { createScratchDatabase } from './scratch-database';

/**
 * A database of the test file's own: in-memory PGlite by default, or, when DATABASE_URL is set,
 * a fresh database on that PostgreSQL server, dropped when closed. Migrations are applied.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ dataDir: 'memory://' });

  const scratch = await createScratchDatabase(serverUrl, 'rs_t');
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}
