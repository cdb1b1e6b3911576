import { eq, like, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database';
import { units } from '../../src/modules/units/units.schema';
import { forgetSubtreeSizes } from '../../src/platform/db/newest-in-subtree';

/**
 * A subtree one level further down, for the length of the caller's transaction: a new unit under
 * the unit `code` takes that unit's units below it (which must have none of their own), so it holds
 * all of their records, but not the unit's own. The demo's districts are branches themselves (one
 * level below 上海), whose ledger is read along the branch; a subtree below one is read otherwise.
 */
export async function groupBelow(tx: Db, code: string): Promise<{ id: string; ids: string[]; path: string }> {
  const [parent] = await tx.select().from(units).where(eq(units.code, code));
  const id = randomUUID();
  const path = `${parent.path}${id}/`;
  await tx.execute(sql`
    insert into units (id, parent_id, name, code, kind, path, depth)
    values (${id}, ${parent.id}, '测试分组', ${`GROUP-TEST-${code}`}, 'section', ${path}, ${parent.depth + 1})`);
  await tx.execute(sql`
    update units set parent_id = ${id}, path = ${path} || id || '/', depth = depth + 1
     where parent_id = ${parent.id} and id <> ${id}`);
  forgetSubtreeSizes();
  const below = await tx
    .select({ id: units.id })
    .from(units)
    .where(like(units.path, `${path}%`));
  return { id, ids: below.map((u) => u.id), path };
}
