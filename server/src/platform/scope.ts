import { and, eq, like, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database';
import { units, type UnitRow } from '../modules/units/units.schema';
import type { Actor } from './actor';
import { notFound } from './errors';

/**
 * The unit-scope check. A user acts for one unit and sees that unit and every unit below it,
 * never a sibling's or a parent's. Every query over unit-owned records goes through here:
 * - unitPathInScope(actor, units.path) filters the units table itself;
 * - unitIdInScope(actor, table.unitId) filters any table that carries a unit id;
 * - requireUnitInScope(db, actor, unitId) loads a unit or answers 404.
 */
export function unitPathInScope(actor: Actor, pathColumn: AnyPgColumn): SQL {
  if (actor.isSystemAdmin || actor.unitPath === null) return sql`true`;
  return like(pathColumn, `${escapeLike(actor.unitPath)}%`);
}

export function unitIdInScope(actor: Actor, unitIdColumn: AnyPgColumn): SQL {
  if (actor.isSystemAdmin || actor.unitPath === null) return sql`true`;
  return sql`${unitIdColumn} in (select ${units.id} from ${units} where ${unitPathInScope(actor, units.path)})`;
}

/** Records of the subtree below a unit path (a filter inside the scope, e.g. the unit switcher's choice). */
export function unitIdInSubtree(path: string, unitIdColumn: AnyPgColumn): SQL {
  return sql`${unitIdColumn} in (select ${units.id} from ${units} where ${like(units.path, `${escapeLike(path)}%`)})`;
}

export function isPathInScope(actor: Actor, path: string): boolean {
  return actor.isSystemAdmin || actor.unitPath === null || path.startsWith(actor.unitPath);
}

export async function requireUnitInScope(db: Db, actor: Actor, unitId: string, what = '单位'): Promise<UnitRow> {
  if (!isUuid(unitId)) throw notFound(what);
  const [unit] = await db
    .select()
    .from(units)
    .where(and(eq(units.id, unitId), unitPathInScope(actor, units.path)));
  if (!unit) throw notFound(what);
  return unit;
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** A text for LIKE/ILIKE that matches itself only: `%`, `_` and `\\` lose their meaning. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The LIKE pattern of a search box: the text anywhere, `100%` meaning just that. */
export const containing = (s: string) => `%${escapeLike(s)}%`;

/** The LIKE pattern of a materialised path's subtree (the path itself and everything below). */
export const startingWith = (s: string) => `${escapeLike(s)}%`;
