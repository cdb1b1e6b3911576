import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';

export const pingDatabase = async (db: Db) => {
  await db.execute(sql`select 1`);
};
