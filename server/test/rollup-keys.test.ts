import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { COLUMN, METRICS } from '../src/modules/rollups/metrics';
import { rowsOf } from '../src/platform/db/rows-of';
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
