import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import {
  supervisionFindings,
  supervisionGroups,
  supervisionRounds,
  supervisionVisits,
} from '../supervision/supervision.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  supervisionBulletins,
  type NewSupervisionBulletin,
  type SupervisionBulletinRow,
} from './supervision-bulletins.schema';

/** The stored 督查通报, and what a draft is written from: the round's groups, visits and findings. */
export function createSupervisionBulletinsRepository() {
  return {
    async findRound(db: Db, id: string) {
      return (await db.select().from(supervisionRounds).where(eq(supervisionRounds.id, id)))[0];
    },

    async roundsOfCampaign(db: Db, campaignId: string) {
      return db
        .select({ round: supervisionRounds, organizerPath: units.path })
        .from(supervisionRounds)
        .innerJoin(units, eq(units.id, supervisionRounds.organizerUnitId))
        .where(eq(supervisionRounds.campaignId, campaignId))
        .orderBy(asc(supervisionRounds.number));
    },

    /** The groups of the round's plan and organiser, in their order, with the leader's name. */
    async groups(db: Db, q: { campaignId: string; organizerUnitId: string }) {
      return db
        .select({ id: supervisionGroups.id, name: supervisionGroups.name, leaderName: users.displayName })
        .from(supervisionGroups)
        .innerJoin(users, eq(users.id, supervisionGroups.leaderId))
        .where(
          and(eq(supervisionGroups.campaignId, q.campaignId), eq(supervisionGroups.organizerUnitId, q.organizerUnitId)),
        )
        .orderBy(asc(supervisionGroups.sortOrder), asc(supervisionGroups.name));
    },

    /** The round's visits by date, with the unit visited. */
    async visits(db: Db, roundId: string) {
      return db
        .select({ visit: supervisionVisits, unitName: units.name })
        .from(supervisionVisits)
        .innerJoin(units, eq(units.id, supervisionVisits.unitId))
        .where(eq(supervisionVisits.roundId, roundId))
        .orderBy(asc(supervisionVisits.visitDate), asc(supervisionVisits.createdAt));
    },

    /** The findings of the given visits, with the unit concerned, in the order they were recorded. */
    async findings(db: Db, visitIds: string[]) {
      if (visitIds.length === 0) return [];
      return db
        .select({ finding: supervisionFindings, unitName: units.name, unitPath: units.path })
        .from(supervisionFindings)
        .innerJoin(units, eq(units.id, supervisionFindings.unitId))
        .where(inArray(supervisionFindings.visitId, visitIds))
        .orderBy(asc(units.path), asc(supervisionFindings.createdAt));
    },

    async findById(db: Db, id: string): Promise<SupervisionBulletinRow | undefined> {
      return (await db.select().from(supervisionBulletins).where(eq(supervisionBulletins.id, id)))[0];
    },

    async listForCampaign(db: Db, campaignId: string): Promise<SupervisionBulletinRow[]> {
      return db
        .select()
        .from(supervisionBulletins)
        .where(eq(supervisionBulletins.campaignId, campaignId))
        .orderBy(
          asc(supervisionBulletins.status),
          desc(supervisionBulletins.number),
          desc(supervisionBulletins.createdAt),
        );
    },

    async insert(db: Db, row: NewSupervisionBulletin): Promise<SupervisionBulletinRow> {
      return (await db.insert(supervisionBulletins).values(row).returning())[0];
    },

    async updateDraft(db: Db, id: string, version: number, change: Partial<NewSupervisionBulletin>) {
      const [row] = await db
        .update(supervisionBulletins)
        .set({ ...change, updatedAt: new Date(), version: sql`${supervisionBulletins.version} + 1` })
        .where(
          and(
            eq(supervisionBulletins.id, id),
            eq(supervisionBulletins.version, version),
            eq(supervisionBulletins.status, 'draft'),
          ),
        )
        .returning();
      return row as SupervisionBulletinRow | undefined;
    },

    /** The last number the organiser issued in a year, 0 before the first. */
    async lastNumber(db: Db, organizerUnitId: string, year: number): Promise<number> {
      const [row] = await db
        .select({ n: max(supervisionBulletins.number) })
        .from(supervisionBulletins)
        .where(and(eq(supervisionBulletins.organizerUnitId, organizerUnitId), eq(supervisionBulletins.year, year)));
      return row?.n ?? 0;
    },
  };
}

export type SupervisionBulletinsRepository = ReturnType<typeof createSupervisionBulletinsRepository>;
