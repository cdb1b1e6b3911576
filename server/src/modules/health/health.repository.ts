import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { rowsOf } from '../../platform/db/rows-of';

export const pingDatabase = async (db: Db) => {
  await db.execute(sql`select 1`);
};

/** The time stamp of the newest migration applied to this database (drizzle's own table), or 0. */
export async function newestAppliedMigration(db: Db): Promise<number> {
  const [row] = rowsOf<{ at: string | number | null }>(
    await db.execute(sql`select max(created_at) as at from drizzle.__drizzle_migrations`),
  );
  return Number(row?.at ?? 0);
}
