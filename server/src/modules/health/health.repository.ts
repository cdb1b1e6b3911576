import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';

export const pingDatabase = async (db: Db) => {
  await db.execute(sql`select 1`);
};

/** The time stamp of the newest migration applied to this database (drizzle's own table), or 0. */
export async function newestAppliedMigration(db: Db): Promise<number> {
  const rows = (await db.execute(sql`select max(created_at) as at from drizzle.__drizzle_migrations`)) as unknown as
    { rows: { at: string | number | null }[] } | { at: string | number | null }[];
  const row = Array.isArray(rows) ? rows[0] : rows.rows[0];
  return Number(row?.at ?? 0);
}
