import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { pathInSubtree, unitIdInSubtree } from '../../platform/scope';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  supervisionAreaUnits as areas,
  supervisionDraws as draws,
  supervisionGroupMembers as members,
  supervisionGroups as groups,
  supervisionRounds as rounds,
  supervisionVisits as visits,
  type SupervisionDrawRow,
  type SupervisionGroupRow,
  type SupervisionRoundRow,
  type SupervisionVisitRow,
  type VisitMethod,
} from './supervision.schema';

type NewGroup = typeof groups.$inferInsert;
type NewRound = typeof rounds.$inferInsert;
type NewVisit = typeof visits.$inferInsert;
type NewDraw = typeof draws.$inferInsert;

export interface VisitFilter {
  /** Which visits the actor may see: the unit scope, or his groups' (`visitVisibleTo`). */
  visible: SQL;
  campaignId?: string;
  roundId?: string;
  groupId?: string;
  unitPath?: string;
  method?: VisitMethod;
  limit: number;
  offset: number;
}

/** The groups a user leads or belongs to, as a subquery of group ids. */
const groupsOfUser = (userId: string) =>
  sql`(select ${groups.id} from ${groups} where ${groups.leaderId} = ${userId}
        union select ${members.groupId} from ${members} where ${members.userId} = ${userId})`;

/** A visit is seen in the unit scope (its unit's line) or by the people of its group. */
/** The visits of the groups a user leads or belongs to (a group sees its area, whatever his unit). */
export const visitOfGroupPerson = (userId: string): SQL => sql`${visits.groupId} in ${groupsOfUser(userId)}`;

export const visitVisibleTo = (scope: SQL, userId: string): SQL => or(scope, visitOfGroupPerson(userId))!;

const visitColumns = {
  visit: visits,
  unitName: units.name,
  groupName: groups.name,
  organizerUnitId: groups.organizerUnitId,
  roundNumber: rounds.number,
  roundTitle: rounds.title,
};

export function createSupervisionRepository() {
  return {
    // 督查组 and 片区
    async groupsOfCampaign(db: Db, campaignId: string): Promise<SupervisionGroupRow[]> {
      return db
        .select()
        .from(groups)
        .where(eq(groups.campaignId, campaignId))
        .orderBy(asc(groups.organizerUnitId), asc(groups.sortOrder), asc(groups.createdAt));
    },
    async findGroup(db: Db, id: string): Promise<SupervisionGroupRow | undefined> {
      return (await db.select().from(groups).where(eq(groups.id, id)))[0];
    },
    async myGroups(db: Db, userId: string): Promise<SupervisionGroupRow[]> {
      return db
        .select()
        .from(groups)
        .where(sql`${groups.id} in ${groupsOfUser(userId)}`)
        .orderBy(desc(groups.createdAt));
    },
    async insertGroup(db: Db, row: NewGroup) {
      return (await db.insert(groups).values(row).returning())[0];
    },
    async updateGroup(db: Db, id: string, version: number, change: Partial<NewGroup>) {
      const [row] = await db
        .update(groups)
        .set({ ...change, updatedAt: new Date(), version: sql`${groups.version} + 1` })
        .where(and(eq(groups.id, id), eq(groups.version, version)))
        .returning();
      return row as SupervisionGroupRow | undefined;
    },
    async deleteGroup(db: Db, id: string) {
      await db.delete(groups).where(eq(groups.id, id));
    },
    /** Members (with names) of the given groups. */
    async membersOf(db: Db, groupIds: string[]) {
      if (!groupIds.length) return [];
      return db
        .select({ groupId: members.groupId, userId: members.userId, name: users.displayName })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(inArray(members.groupId, groupIds))
        .orderBy(asc(users.displayName));
    },
    async setMembers(db: Db, groupId: string, userIds: string[]) {
      await db.delete(members).where(eq(members.groupId, groupId));
      if (userIds.length) await db.insert(members).values(userIds.map((userId) => ({ groupId, userId })));
    },
    /** Area units (with names and paths) of the given groups, in their order. */
    async areasOf(db: Db, groupIds: string[]) {
      if (!groupIds.length) return [];
      return db
        .select({ groupId: areas.groupId, unitId: areas.unitId, name: units.name, path: units.path })
        .from(areas)
        .innerJoin(units, eq(units.id, areas.unitId))
        .where(inArray(areas.groupId, groupIds))
        .orderBy(asc(areas.sortOrder));
    },
    /** Units already in another group's area of the same plan and organiser. */
    async areaTakenElsewhere(db: Db, g: SupervisionGroupRow, unitIds: string[]) {
      if (!unitIds.length) return [];
      return db
        .select({ unitId: areas.unitId, unitName: units.name, groupName: groups.name })
        .from(areas)
        .innerJoin(units, eq(units.id, areas.unitId))
        .innerJoin(groups, eq(groups.id, areas.groupId))
        .where(
          and(
            eq(areas.campaignId, g.campaignId),
            eq(areas.organizerUnitId, g.organizerUnitId),
            ne(areas.groupId, g.id),
            inArray(areas.unitId, unitIds),
          ),
        );
    },
    async setArea(db: Db, g: SupervisionGroupRow, unitIds: string[]) {
      await db.delete(areas).where(eq(areas.groupId, g.id));
      if (unitIds.length)
        await db.insert(areas).values(
          unitIds.map((unitId, i) => ({
            groupId: g.id,
            campaignId: g.campaignId,
            organizerUnitId: g.organizerUnitId,
            unitId,
            sortOrder: i,
          })),
        );
    },
    async groupHasVisits(db: Db, groupId: string) {
      return (await db.select({ id: visits.id }).from(visits).where(eq(visits.groupId, groupId)).limit(1)).length > 0;
    },

    /** People with their unit's path (to check they belong to the organiser's subtree). */
    async people(db: Db, userIds: string[]) {
      if (!userIds.length) return [];
      return db
        .select({ id: users.id, name: users.displayName, active: users.active, unitPath: units.path })
        .from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .where(inArray(users.id, userIds));
    },

    /** The active people of a unit's subtree, who may lead or join its groups. */
    async peopleOfSubtree(db: Db, path: string) {
      return db
        .select({ id: users.id, name: users.displayName, unitName: units.name })
        .from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .where(and(pathInSubtree(units.path, path), eq(users.active, true)))
        .orderBy(asc(units.depth), asc(units.code), asc(users.displayName));
    },

    // 督查轮次
    async roundsOfCampaign(db: Db, campaignId: string): Promise<SupervisionRoundRow[]> {
      return db
        .select()
        .from(rounds)
        .where(eq(rounds.campaignId, campaignId))
        .orderBy(asc(rounds.organizerUnitId), asc(rounds.number));
    },
    async findRound(db: Db, id: string): Promise<SupervisionRoundRow | undefined> {
      return (await db.select().from(rounds).where(eq(rounds.id, id)))[0];
    },
    async insertRound(db: Db, row: NewRound) {
      return (await db.insert(rounds).values(row).returning())[0];
    },
    async updateRound(db: Db, id: string, version: number, change: Partial<NewRound>) {
      const [row] = await db
        .update(rounds)
        .set({ ...change, updatedAt: new Date(), version: sql`${rounds.version} + 1` })
        .where(and(eq(rounds.id, id), eq(rounds.version, version)))
        .returning();
      return row as SupervisionRoundRow | undefined;
    },
    async deleteRound(db: Db, id: string) {
      await db.delete(rounds).where(eq(rounds.id, id));
    },
    async roundInUse(db: Db, roundId: string) {
      const v = await db.select({ id: visits.id }).from(visits).where(eq(visits.roundId, roundId)).limit(1);
      const d = await db.select({ id: draws.id }).from(draws).where(eq(draws.roundId, roundId)).limit(1);
      return v.length + d.length > 0;
    },

    // 随机专项督查
    async insertDraw(db: Db, row: NewDraw): Promise<SupervisionDrawRow> {
      return (await db.insert(draws).values(row).returning())[0];
    },
    async findDraw(db: Db, id: string): Promise<SupervisionDrawRow | undefined> {
      return (await db.select().from(draws).where(eq(draws.id, id)))[0];
    },
    async drawsOfRound(db: Db, roundId: string): Promise<SupervisionDrawRow[]> {
      return db
        .select()
        .from(draws)
        .where(and(eq(draws.roundId, roundId), eq(draws.kind, 'units')))
        .orderBy(asc(draws.createdAt));
    },

    // 督查记录
    async listVisits(db: Db, f: VisitFilter) {
      const conds = [f.visible];
      if (f.campaignId) conds.push(eq(visits.campaignId, f.campaignId));
      if (f.roundId) conds.push(eq(visits.roundId, f.roundId));
      if (f.groupId) conds.push(eq(visits.groupId, f.groupId));
      if (f.method) conds.push(eq(visits.method, f.method));
      if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, visits.unitId));
      const where = and(...conds);
      const base = () =>
        db
          .select(visitColumns)
          .from(visits)
          .innerJoin(units, eq(units.id, visits.unitId))
          .innerJoin(groups, eq(groups.id, visits.groupId))
          .innerJoin(rounds, eq(rounds.id, visits.roundId));
      const items = await base()
        .where(where)
        .orderBy(desc(visits.visitDate), desc(visits.createdAt))
        .limit(f.limit)
        .offset(f.offset);
      const [{ total }] = await db
        .select({ total: sql<number>`count(*)::int` })
        .from(visits)
        .innerJoin(units, eq(units.id, visits.unitId))
        .where(where);
      return { items, total };
    },
    async findVisit(db: Db, id: string, visible: SQL) {
      const [row] = await db
        .select(visitColumns)
        .from(visits)
        .innerJoin(units, eq(units.id, visits.unitId))
        .innerJoin(groups, eq(groups.id, visits.groupId))
        .innerJoin(rounds, eq(rounds.id, visits.roundId))
        .where(and(eq(visits.id, id), visible));
      return row;
    },
    async insertVisit(db: Db, row: NewVisit): Promise<SupervisionVisitRow> {
      return (await db.insert(visits).values(row).returning())[0];
    },
    async updateVisit(db: Db, id: string, version: number, change: Partial<NewVisit>) {
      const [row] = await db
        .update(visits)
        .set({ ...change, updatedAt: new Date(), version: sql`${visits.version} + 1` })
        .where(and(eq(visits.id, id), eq(visits.version, version)))
        .returning();
      return row as SupervisionVisitRow | undefined;
    },
  };
}

export type SupervisionRepository = ReturnType<typeof createSupervisionRepository>;
