import { and, eq, like, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database';
import { units, type UnitRow } from './org/units.table';
import type { Actor } from './actor';
import { notFound } from './errors';
import { inline, type Bind } from './db/prepared-shapes';

/**
 * The unit-scope check. A user acts for one unit and sees that unit and every unit below it,
 * never a sibling's or a parent's. Every query over unit-owned records goes through here:
 * - unitPathInScope(actor, units.path) filters the units table itself;
 * - unitIdInScope(actor, table.unitId) filters any table that carries a unit id;
 * - requireUnitInScope(db, actor, unitId) loads a unit or answers 404.
 * Trees are kept as materialised paths ("/<root>/…/<self>/"), so "at or below" is a prefix:
 * `isPathWithin` in code, `pathInSubtree` (escaped LIKE, along the path index) and `pathWithin`
 * (two stored paths, for an ancestor join) in SQL. Nothing else writes that prefix match.
 */
export function unitPathInScope(actor: Actor, pathColumn: AnyPgColumn): SQL {
  if (actor.isSystemAdmin || actor.unitPath === null) return sql`true`;
  return pathInSubtree(pathColumn, actor.unitPath);
}

/** Whether a node of a path tree is the node at `ancestorPath` or below it. Pure. */
/** The ids on a unit's materialised path: the root first, the unit itself last (its line upwards). */
export const unitIdsOnPath = (path: string) => path.split('/').filter(Boolean);

/**
 * A unit path's branch (所属下一级单位): the unit one level below the top of the tree, the second id
 * on the path; undefined for the top unit. The branch of a case's unit is kept on the case
 * (cases.branch_unit_id), so a wide subtree's records are found among its branch's alone.
 */
export const branchOfPath = (path: string): string | undefined => unitIdsOnPath(path)[1];

export const isPathWithin = (path: string, ancestorPath: string) => path.startsWith(ancestorPath);

/** Whether two units are on one line: the same unit, or one above the other. Pure. */
export const isSameLine = (path: string, otherPath: string) =>
  isPathWithin(path, otherPath) || isPathWithin(otherPath, path);

/**
 * Rows whose path column is the node at `path` or below it: a LIKE prefix, `%` and `_` in `path`
 * matching themselves. `bind` names the prefix's placeholder in a statement prepared per shape
 * (platform/db/prepared-shapes.ts); `bind(name, …)` is the value itself otherwise.
 */
export function pathInSubtree(pathColumn: AnyPgColumn, path: string, bind: Bind = inline, name = 'path'): SQL {
  return like(pathColumn, bind(name, startingWith(path)));
}

/**
 * `isPathWithin` for two paths the query itself reads (joining each node to its ancestors, as the
 * roll-ups' recount does). The stored ancestor path is the LIKE pattern: exact, because stored
 * paths hold only uuids and `/` (the units and campaigns modules build them), and measurably
 * faster than `starts_with` or an escaped pattern over every pair of nodes.
 */
export function pathWithin(path: SQLWrapper, ancestorPath: SQLWrapper): SQL {
  return sql`${path} like ${ancestorPath} || '%'`;
}

/**
 * The ids on a stored path (the node itself and every node above it), as a set-returning SQL
 * expression: `cross join lateral ${pathIdsSql(u.path)} as a(id)` gives a row per ancestor, read from
 * the path alone — where joining every node to every candidate ancestor with `pathWithin` compares
 * all pairs (the roll-ups' recount over 40,000 units).
 */
export function pathIdsSql(path: SQLWrapper): SQL {
  return sql`unnest(string_to_array(trim(both '/' from ${path}), '/')::uuid[])`;
}

export function unitIdInScope(actor: Actor, unitIdColumn: AnyPgColumn): SQL {
  if (actor.isSystemAdmin || actor.unitPath === null) return sql`true`;
  const path = actor.unitPath;
  const scopeWith = (bind: Bind) => sql`${unitIdColumn} in (${idsInTree(units, path, bind, 'scopePath')})`;
  const condition = scopeWith(inline);
  rebinders.set(condition, scopeWith);
  return condition;
}

/** How each scope condition made by unitIdInScope is written again with its value bound otherwise. */
const rebinders = new WeakMap<SQL, (bind: Bind) => SQL>();

/**
 * A scope condition (unitIdInScope) with its subtree's path bound by `bind`, for a statement
 * prepared per shape; any other condition as it is (its values then make part of its shape). Only
 * the very condition unitIdInScope returned is rewritten, so a list that narrowed or replaced its
 * scope keeps what it wrote.
 */
export function scopeBoundBy(condition: SQL, bind: Bind): SQL {
  if (bind === inline) return condition; // already written with its values inline
  return rebinders.get(condition)?.(bind) ?? condition;
}

/** A tree kept as materialised paths: the units, the campaigns with their implementation plans. */
export type PathTree = PgTable & { id: AnyPgColumn; path: AnyPgColumn };

/** The ids of a node of a tree and of every node below it, as a subquery (`bind`: as in pathInSubtree). */
export function idsInTree(tree: PathTree, path: string, bind: Bind = inline, name = 'path'): SQL {
  return sql`select ${tree.id} from ${tree} where ${pathInSubtree(tree.path, path, bind, name)}`;
}

/** The ids of a unit and of every unit below it, as a subquery (for SQL written out, e.g. the drill-down). */
export function unitIdsInSubtree(path: string): SQL {
  return idsInTree(units, path);
}

/** Rows whose `column` names a node of the tree at `path` or below it (a campaign and its 实施方案). */
export function idInTree(column: AnyPgColumn, tree: PathTree, path: string): SQL {
  return sql`${column} in (${idsInTree(tree, path)})`;
}

/** Records of the subtree below a unit path (a filter inside the scope, e.g. the unit switcher's choice). */
export function unitIdInSubtree(path: string, unitIdColumn: AnyPgColumn, bind: Bind = inline): SQL {
  return sql`${unitIdColumn} in (${idsInTree(units, path, bind, 'unitPath')})`;
}

/** Records of a unit's subtree that the actor may also see: the narrower of the two subtrees. */
export function unitIdInScopeWithin(actor: Actor, unitPath: string, unitIdColumn: AnyPgColumn): SQL {
  const path = isPathInScope(actor, unitPath) ? unitPath : actor.unitPath!;
  return and(unitIdInScope(actor, unitIdColumn), unitIdInSubtree(path, unitIdColumn))!;
}

/** Records in the actor's scope, and those that name the actor in a jsonb array of user ids (抽查 inspectors sent from above). */
export function unitIdInScopeOrNamed(actor: Actor, unitIdColumn: AnyPgColumn, userIdsColumn: AnyPgColumn): SQL {
  return or(unitIdInScope(actor, unitIdColumn), sql`${userIdsColumn} @> ${JSON.stringify([actor.userId])}::jsonb`)!;
}

/** Records that name the actor in a uuid[] of user ids (an outing's or a draw's inspectors), wherever their unit is. */
export function actorNamedIn(actor: Actor, userIds: SQL | AnyPgColumn): SQL {
  return sql`${actor.userId}::uuid = any(${userIds})`;
}

/**
 * The ids of the units that report to `unitId` in the bureau hierarchy: every unit below it reached
 * without passing through a bureau, and the bureaus directly below but not their subtrees (a walk
 * down `units_parent_idx`, stopping at bureaus).
 */
export function reportingLineBelow(unitId: string): SQL {
  return sql`
    with recursive line as (
      select ${units.id} as id, ${units.kind} as kind from ${units} where ${units.parentId} = ${unitId}
      union all
      select u.id, u.kind from ${units} u join line on u.parent_id = line.id where line.kind <> 'bureau'
    )
    select id from line`;
}

export function isPathInScope(actor: Actor, path: string): boolean {
  return actor.isSystemAdmin || actor.unitPath === null || isPathWithin(path, actor.unitPath);
}

/** The actor's scope as a key (a list's remembered total is shared by everyone who sees the same units). */
export const scopeKey = (actor: Actor): string =>
  actor.isSystemAdmin || actor.unitPath === null ? '*' : actor.unitPath;

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
