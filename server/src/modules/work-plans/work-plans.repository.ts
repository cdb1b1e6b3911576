import { and, eq, getTableColumns, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { campaignParticipants, campaigns } from '../campaigns/campaigns.schema';
import { users } from '../users/users.schema';
import { unitWorkPlanFiles, unitWorkPlans, type UnitWorkPlanInsert, type UnitWorkPlanRow } from './work-plans.schema';

const filer = alias(users, 'work_plan_filer');
const reviewer = alias(users, 'work_plan_reviewer');
const withNames = {
  ...getTableColumns(unitWorkPlans),
  filedByName: filer.displayName,
  reviewedByName: reviewer.displayName,
  fileId: unitWorkPlanFiles.id,
  fileName: unitWorkPlanFiles.fileName,
  fileSize: unitWorkPlanFiles.sizeBytes,
};
export type WorkPlanListRow = UnitWorkPlanRow & {
  filedByName: string | null;
  reviewedByName: string | null;
  fileId: string | null;
  fileName: string | null;
  fileSize: number | null;
};

const selectNamed = (db: Db) =>
  db
    .select(withNames)
    .from(unitWorkPlans)
    .leftJoin(filer, eq(filer.id, unitWorkPlans.filedBy))
    .leftJoin(reviewer, eq(reviewer.id, unitWorkPlans.reviewedBy))
    .leftJoin(unitWorkPlanFiles, eq(unitWorkPlanFiles.workPlanId, unitWorkPlans.id));

export function createWorkPlansRepository() {
  return {
    /** The plans filed for a campaign (one per unit; tens of them). */
    ofCampaign: (db: Db, campaignId: string): Promise<WorkPlanListRow[]> =>
      selectNamed(db).where(eq(unitWorkPlans.campaignId, campaignId)),

    async find(db: Db, id: string): Promise<WorkPlanListRow | undefined> {
      const [row] = await selectNamed(db).where(eq(unitWorkPlans.id, id));
      return row;
    },

    async findFor(db: Db, campaignId: string, unitId: string): Promise<UnitWorkPlanRow | undefined> {
      const [row] = await db
        .select()
        .from(unitWorkPlans)
        .where(and(eq(unitWorkPlans.campaignId, campaignId), eq(unitWorkPlans.unitId, unitId)));
      return row;
    },

    async insert(tx: Db, row: UnitWorkPlanInsert): Promise<UnitWorkPlanRow> {
      const [created] = await tx.insert(unitWorkPlans).values(row).returning();
      return created;
    },

    /** Updates the plan at `version`; undefined when it changed in between (409). */
    async update(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<UnitWorkPlanInsert>,
    ): Promise<UnitWorkPlanRow | undefined> {
      const [row] = await tx
        .update(unitWorkPlans)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(unitWorkPlans.id, id), eq(unitWorkPlans.version, version)))
        .returning();
      return row;
    },

    /** Replaces the plan's document (one file per plan). */
    async putFile(tx: Db, workPlanId: string, file: Omit<typeof unitWorkPlanFiles.$inferInsert, 'workPlanId'>) {
      await tx.delete(unitWorkPlanFiles).where(eq(unitWorkPlanFiles.workPlanId, workPlanId));
      const [row] = await tx
        .insert(unitWorkPlanFiles)
        .values({ ...file, workPlanId })
        .returning();
      return row;
    },

    async file(db: Db, workPlanId: string) {
      const [row] = await db.select().from(unitWorkPlanFiles).where(eq(unitWorkPlanFiles.workPlanId, workPlanId));
      return row;
    },

    /** Active campaigns asking for 工作实施计划 (a deadline set) in which the unit takes part: the inbox's candidates. */
    campaignsAskingOf: (db: Db, unitId: string) =>
      db
        .select({
          id: campaigns.id,
          unitId: campaigns.unitId,
          name: campaigns.name,
          deadline: campaigns.workPlanDeadline,
        })
        .from(campaigns)
        .innerJoin(campaignParticipants, eq(campaignParticipants.campaignId, campaigns.id))
        .where(
          and(
            eq(campaignParticipants.unitId, unitId),
            eq(campaigns.status, 'active'),
            isNotNull(campaigns.workPlanDeadline),
          ),
        ),

    /** Plans filed and waiting 备案 for campaigns whose issuing unit satisfies `issuerInScope`. */
    waiting: (db: Db, issuerInScope: SQL, limit: number) =>
      db
        .select({
          id: unitWorkPlans.id,
          unitId: unitWorkPlans.unitId,
          title: unitWorkPlans.title,
          campaignId: campaigns.id,
          campaignName: campaigns.name,
          deadline: campaigns.workPlanDeadline,
          total: sql<number>`count(*) over ()::int`,
        })
        .from(unitWorkPlans)
        .innerJoin(campaigns, eq(campaigns.id, unitWorkPlans.campaignId))
        .where(and(eq(unitWorkPlans.status, 'filed'), issuerInScope))
        .orderBy(unitWorkPlans.filedAt)
        .limit(limit),

    /** The unit's plans for the given campaigns (its status in each). */
    ofUnit: (db: Db, unitId: string, campaignIds: string[]) =>
      campaignIds.length === 0
        ? Promise.resolve([] as UnitWorkPlanRow[])
        : db
            .select()
            .from(unitWorkPlans)
            .where(and(eq(unitWorkPlans.unitId, unitId), inArray(unitWorkPlans.campaignId, campaignIds))),
  };
}

export type WorkPlansRepository = ReturnType<typeof createWorkPlansRepository>;
