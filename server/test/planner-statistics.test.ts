import { sql } from 'drizzle-orm';
import { integer, pgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { BULK_LOAD_ROWS, refreshStatisticsAfterBulkLoad } from '../src/platform/db/planner-statistics';
import { createTestDatabase } from './helpers/database';

const probe = pgTable('planner_statistics_probe', { n: integer('n').notNull() });

/** The rows PostgreSQL believes the table holds (-1 until it was first analysed). */
async function plannedRows(database: Database): Promise<number> {
  const result = await database.db.execute(
    sql`select reltuples::int as rows from pg_class where relname = 'planner_statistics_probe'`,
  );
  return Number((result as unknown as { rows: { rows: number }[] }).rows[0].rows);
}

describe('planner statistics after a bulk load', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table planner_statistics_probe (n integer not null)`);
    await database.db.execute(sql`insert into planner_statistics_probe select generate_series(1, 1500)`);
  });
  afterAll(async () => database?.close());

  it('leaves a small import to autovacuum, and analyses the tables a large one wrote', async () => {
    await refreshStatisticsAfterBulkLoad(database.db, [probe], BULK_LOAD_ROWS - 1);
    expect(await plannedRows(database)).toBe(-1);
    await refreshStatisticsAfterBulkLoad(database.db, [probe], 1500);
    expect(await plannedRows(database)).toBe(1500);
  });
});
