import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { pathInSubtree } from '../../platform/scope';
import { inspections } from '../inspections/inspections.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { randomDrawItems as drawItems, randomDraws } from '../random-checks/random-checks.schema';
import {
  supervisionFindings as findings,
  supervisionGroupMembers as members,
  supervisionGroups as groups,
  supervisionVisits as visits,
} from '../supervision/supervision.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

/**
 * The sources of rectifications and the people around them: a visit with its group, an outing, a
 * 双随机 draw item; the units and entities a new one may concern; who is told and reminded.
 */
export function createRectificationSourcesRepository() {
  return {
    /** A visit with its group (leader, members, organiser) and the units it names. */
    async visitContext(db: Db, visitId: string) {
      const [row] = await db
        .select({
          visit: visits,
          group: groups,
          unitPath: units.path,
          unitName: units.name,
          organizerPath: sql<string>`(select ${units.path} from ${units} where ${units.id} = ${groups.organizerUnitId})`,
        })
        .from(visits)
        .innerJoin(groups, eq(groups.id, visits.groupId))
        .innerJoin(units, eq(units.id, visits.unitId))
        .where(eq(visits.id, visitId));
      if (!row) return undefined;
      const memberIds = (
        await db.select({ userId: members.userId }).from(members).where(eq(members.groupId, row.group.id))
      ).map((m) => m.userId);
      return { ...row, memberIds };
    },

    /** The active units a finding of a visit may concern: the visited unit and those below it. */
    unitsBelow: (db: Db, path: string) =>
      db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(pathInSubtree(units.path, path), eq(units.active, true)))
        .orderBy(asc(units.path))
        .limit(500),

    /** An outing with its unit's path and name (a 责令整改's source). */
    async inspectionContext(db: Db, inspectionId: string) {
      const [row] = await db
        .select({ inspection: inspections, unitPath: units.path, unitName: units.name })
        .from(inspections)
        .innerJoin(units, eq(units.id, inspections.unitId))
        .where(eq(inspections.id, inspectionId));
      return row;
    },

    /** A 双随机 draw item with its draw and the drawing unit's path and name. */
    async drawItemContext(db: Db, drawId: string, itemId: string) {
      const [row] = await db
        .select({ item: drawItems, draw: randomDraws, unitPath: units.path, unitName: units.name })
        .from(drawItems)
        .innerJoin(randomDraws, eq(randomDraws.id, drawItems.drawId))
        .innerJoin(units, eq(units.id, randomDraws.unitId))
        .where(and(eq(drawItems.id, itemId), eq(drawItems.drawId, drawId)));
      return row;
    },

    /** A market entity with its supervising unit's path. */
    async entity(db: Db, id: string) {
      const [row] = await db
        .select({
          id: marketEntities.id,
          name: marketEntities.name,
          unitId: marketEntities.unitId,
          unitPath: units.path,
        })
        .from(marketEntities)
        .innerJoin(units, eq(units.id, marketEntities.unitId))
        .where(eq(marketEntities.id, id));
      return row;
    },

    /** The active entities supervised by a unit or one below it (those an outing's 责令整改 may name). */
    entitiesBelow: (db: Db, path: string) =>
      db
        .select({ id: marketEntities.id, name: marketEntities.name, creditCode: marketEntities.creditCode })
        .from(marketEntities)
        .innerJoin(units, eq(units.id, marketEntities.unitId))
        .where(and(pathInSubtree(units.path, path), eq(marketEntities.active, true)))
        .orderBy(asc(marketEntities.name))
        .limit(500),

    /** How many rectifications an outing has ordered. */
    async orderedOn(db: Db, inspectionId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(findings)
        .where(eq(findings.inspectionId, inspectionId));
      return row.n;
    },

    /**
     * Keeps an outing's 责令整改份数 at least the number ordered on it: raises it to `count` when below
     * (a new version); the row before and after for the roll-up, undefined when nothing changed.
     */
    async raiseOrders(tx: Db, inspectionId: string, count: number) {
      const [before] = await tx.select().from(inspections).where(eq(inspections.id, inspectionId)).for('update');
      if (!before || before.rectificationOrders >= count) return undefined;
      const [after] = await tx
        .update(inspections)
        .set({ rectificationOrders: count, version: before.version + 1, updatedAt: new Date() })
        .where(eq(inspections.id, inspectionId))
        .returning();
      return { before, after };
    },

    /** The inspectors of a field rectification's source and its unit's people holding `roles`. */
    async fieldPeople(db: Db, inspectorIds: string[], unitId: string, roles: string[]): Promise<string[]> {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.active, true),
            or(
              sql`${users.id} = any(${sql.param(inspectorIds)}::uuid[])`,
              and(eq(users.unitId, unitId), sql`${users.roles} && ${sql.param(roles)}::text[]`),
            ),
          ),
        );
      return rows.map((r) => r.id);
    },

    /** The people of a unit holding one of the roles (who is told of a demand, a return, a 销号). */
    async unitPeople(db: Db, unitId: string, roles: string[]): Promise<string[]> {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(eq(users.unitId, unitId), eq(users.active, true), sql`${users.roles} && ${sql.param(roles)}::text[]`),
        );
      return rows.map((r) => r.id);
    },

    /** The leader and members of a group. */
    async groupPeople(db: Db, groupId: string): Promise<string[]> {
      const [g] = await db.select({ leaderId: groups.leaderId }).from(groups).where(eq(groups.id, groupId));
      const rows = await db.select({ userId: members.userId }).from(members).where(eq(members.groupId, groupId));
      return [...new Set([g?.leaderId, ...rows.map((r) => r.userId)].filter((x): x is string => Boolean(x)))];
    },

    /**
     * Open rectifications due by `last` (or past their deadline), each with the people who answer
     * it: of a 督查's finding, its unit's `roles` (RECTIFICATION_ANSWERING_ROLES); of an entity's
     * 责令整改, the outing's or draw's inspectors and the ordering unit's `fieldRoles`
     * (FIELD_FOLLOW_UP_ROLES): what the daily reminder tells.
     */
    openDueBy: (db: Db, last: string, roles: string[], fieldRoles: string[]) =>
      db
        .select({
          id: findings.id,
          unitId: findings.unitId,
          description: findings.description,
          deadline: findings.deadline,
          recipients: sql<string[]>`(case when ${findings.visitId} is not null
            then (select coalesce(array_agg(${users.id}), '{}') from ${users} where ${users.unitId} = ${findings.unitId} and ${users.active} and ${users.roles} && ${sql.param(roles)}::text[])
            else (select coalesce(array_agg(${users.id}), '{}') from ${users} where ${users.active} and (${users.id} = any(coalesce(${inspections.inspectorIds}, ${drawItems.inspectorIds}))
              or (${users.unitId} = ${findings.unitId} and ${users.roles} && ${sql.param(fieldRoles)}::text[])))
            end)`,
        })
        .from(findings)
        .leftJoin(inspections, eq(inspections.id, findings.inspectionId))
        .leftJoin(drawItems, eq(drawItems.id, findings.drawItemId))
        .where(and(eq(findings.status, 'open'), sql`${findings.deadline} <= ${last}`)),

    /** Whether the person leads or belongs to any group (whose findings he may see beyond his scope). */
    async isGroupPerson(db: Db, userId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: groups.id })
        .from(groups)
        .where(
          or(
            eq(groups.leaderId, userId),
            sql`${groups.id} in (select ${members.groupId} from ${members} where ${members.userId} = ${userId})`,
          ),
        )
        .limit(1);
      return Boolean(row);
    },
  };
}
