import { sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmbedded, type Database, type Db } from '../src/db/database';
import { bulkInsert } from '../src/platform/db/bulk-insert';
import { withGenericPlans } from '../src/platform/db/generic-plans';
import { rowsOf } from '../src/platform/db/rows-of';
import { createTestDatabase } from './helpers/database';

const probe = pgTable('generic_plans_probe', { n: integer('n').notNull(), label: text('label').notNull() });

const setting = async (db: Db) =>
  String(rowsOf(await db.execute(sql`select current_setting('plan_cache_mode') as mode`))[0].mode);

/**
 * An import's batches are planned once (issue 22, the import's speed): PostgreSQL's own choice
 * re-planned each 500-row insert for its parameters, which cost as much as storing the rows.
 */
describe('statements planned once for a bulk load', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table generic_plans_probe (n integer not null, label text not null)`);
  });
  afterAll(async () => database?.close());

  it('plans each batch insert once inside, and leaves the rest of the transaction to the server', async () => {
    const embedded = isEmbedded(database.db);
    await database.db.transaction(async (tx) => {
      const before = await setting(tx);
      const during = await withGenericPlans(tx, async () => {
        for (let batch = 0; batch < 8; batch++)
          await bulkInsert(
            tx,
            probe,
            Array.from({ length: 500 }, (_, i) => ({ n: batch * 500 + i, label: `第${batch}批` })),
          );
        return setting(tx);
      });
      // The rows are all there, whatever planned them.
      const stored = rowsOf(
        await tx.execute(sql`select count(*)::int as n, sum(n)::text as total from generic_plans_probe`),
      );
      expect(stored[0]).toMatchObject({ n: 4000, total: String((3999 * 4000) / 2) });
      expect(await setting(tx)).toBe(before);
      if (embedded) {
        // PGlite's driver prepares nothing: the setting is not touched.
        expect(during).toBe(before);
        return;
      }
      expect(during).toBe('force_generic_plan');
      // The eight batches share one prepared statement on this connection, never planned for its values.
      const plans = rowsOf(
        await tx.execute(
          sql`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement like 'insert into "generic_plans_probe"%'`,
        ),
      );
      expect(plans).toEqual([{ generic: 8, custom: 0 }]);
    });
  });
});
