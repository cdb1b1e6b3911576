import { sql } from 'drizzle-orm';
import { isEmbedded, type Db } from '../../db/database';

/**
 * Runs `work` inside the transaction `tx` with every prepared statement planned once for all its
 * executions (plan_cache_mode = force_generic_plan), then restores the server's choice for the rest
 * of the transaction. For the batches of a bulk load (import-rows.ts): PostgreSQL's own choice kept
 * re-planning the 500-row insert for each batch (it judged a plan made for each batch's values
 * cheaper), and planning 12,000 parameters cost as much as storing the rows — the import's inserts
 * took 70 ms a batch instead of 40 (bench:import, perf). A VALUES insert and the batches' lookups by
 * key have little to choose between, so one plan serves every batch as well as a fresh one. Not on
 * the embedded database, whose driver prepares nothing.
 */
export async function withGenericPlans<T>(tx: Db, work: () => Promise<T>): Promise<T> {
  if (isEmbedded(tx)) return work();
  await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
  const result = await work();
  // What follows (a roll-up's sum over the whole file, say) is planned for its real parameters.
  await tx.execute(sql`set local plan_cache_mode to default`);
  return result;
}
