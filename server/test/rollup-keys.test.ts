import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { COLUMN, METRICS } from '../src/modules/rollups/metrics';
import { rowsOf } from '../src/platform/db/rows-of';
import { rollupMaintenanceJob } from '../src/modules/rollups/rollup-maintenance.job';
import { createRollupsRepository } from '../src/modules/rollups/rollups.repository';
import { createTestDatabase } from './helpers/database';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

/** A table's primary key: its key columns and the columns it carries (INCLUDE), in order. */
async function primaryKeyOf(table: string) {
  const [row] = rowsOf<{ keys: string[]; included: string[] }>(
    await database.db.execute(sql`
      select array(select a.attname::text from unnest(i.indkey[0:i.indnkeyatts - 1]) with ordinality k(n, o)
                     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n order by k.o) as keys,
             array(select a.attname::text from unnest(i.indkey[i.indnkeyatts:]) with ordinality k(n, o)
                     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n order by k.o) as included
        from pg_index i
       where i.indrelid = ${table}::regclass and i.indisprimary`),
  );
  return row;
}

/**
 * The dashboards read the roll-ups by index-only scans along the primary key (migration 0051): a
 * figure column left out of the key's INCLUDE list would send every read back to the heap, one
 * page per row. A new metric needs a migration that adds its column there.
 */
describe('the roll-ups’ primary keys', () => {
  it.each([
    ['rollup_daily', 'day'],
    ['rollup_monthly', 'month'],
  ])('%s: the key is (campaign, unit, %s, category) and it carries every figure column', async (table, period) => {
    const key = await primaryKeyOf(table);
    expect(key.keys).toEqual(['campaign_id', 'unit_id', period, 'category_code']);
    expect([...key.included].sort()).toEqual(METRICS.map((m) => COLUMN[m]).sort());
  });
});

describe('the nightly roll-up maintenance (rollup-maintenance)', () => {
  it('vacuums both tables, so their pages are all-visible and the keys’ reads stay index-only', async () => {
    const db = database.db;
    // Rows as figure updates leave them: written, then updated (dead row versions behind).
    await db.execute(sql`
      insert into rollup_daily (campaign_id, unit_id, category_code, day, cases_filed)
      select gen_random_uuid(), gen_random_uuid(), 'x', date '2026-01-01' + n, 1 from generate_series(0, 999) n`);
    await db.execute(sql`update rollup_daily set cases_filed = cases_filed + 1`);
    await db.execute(sql`
      insert into rollup_monthly (campaign_id, unit_id, category_code, month, cases_filed)
      select campaign_id, unit_id, category_code, date_trunc('month', day)::date, cases_filed from rollup_daily`);
    const visibility = async () =>
      rowsOf<{ relname: string; pages: number; visible: number }>(
        await db.execute(sql`
          select relname::text, relpages::int as pages, relallvisible::int as visible
            from pg_class where relname in ('rollup_daily', 'rollup_monthly') order by relname`),
      );
    const job = rollupMaintenanceJob({ db, tables: [createRollupsRepository()] });
    expect(job.cron).toBe('30 2 * * *');
    await job.run({});
    for (const t of await visibility()) {
      expect(t.pages, t.relname).toBeGreaterThan(0);
      expect(t.visible, t.relname).toBe(t.pages);
    }
  });
});
