import { and, asc, desc, eq, exists, ilike, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { containing, unitIdInScope } from '../../platform/scope';
import {
  campaignCategories,
  campaignParticipants,
  campaigns,
  campaignTasks,
  campaignTaskUnits,
  type CampaignRow,
  type CampaignStatus,
  type TaskUnitRole,
} from './campaigns.schema';

export type TaskWithUnits = typeof campaignTasks.$inferSelect & { units: { unitId: string; role: TaskUnitRole }[] };

/**
 * A campaign is visible to a user whose scope holds its issuing unit (the office and the bureaus
 * above it) or one of its participating units (a 所 taking part sees the plan it must carry out).
 */
export function campaignVisibleTo(actor: Actor): SQL {
  return or(
    unitIdInScope(actor, campaigns.unitId),
    exists(
      sql`(select 1 from ${campaignParticipants} where ${campaignParticipants.campaignId} = ${campaigns.id} and ${unitIdInScope(actor, campaignParticipants.unitId)})`,
    ),
  )!;
}

export function createCampaignsRepository() {
  return {
    async list(db: Db, f: { visible: SQL; status?: CampaignStatus; q?: string; limit: number; offset: number }) {
      const conds = [f.visible];
      if (f.status) conds.push(eq(campaigns.status, f.status));
      if (f.q) conds.push(or(ilike(campaigns.name, containing(f.q)), ilike(campaigns.docNumber, containing(f.q)))!);
      const where = and(...conds);
      const items = await db
        .select()
        .from(campaigns)
        .where(where)
        .orderBy(desc(campaigns.startDate), asc(campaigns.name))
        .limit(f.limit)
        .offset(f.offset);
      const [{ total }] = await db
        .select({ total: sql<number>`count(*)::int` })
        .from(campaigns)
        .where(where);
      return { items, total };
    },

    async findVisible(db: Db, id: string, visible: SQL): Promise<CampaignRow | undefined> {
      const [row] = await db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.id, id), visible));
      return row;
    },

    /** Names and categories of several campaigns at once (for lists of records). */
    async namesAndCategories(db: Db, ids: string[]) {
      if (ids.length === 0) return { names: new Map<string, string>(), labels: new Map<string, string>() };
      const [rows, cats] = await Promise.all([
        db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(inArray(campaigns.id, ids)),
        db
          .select({
            campaignId: campaignCategories.campaignId,
            code: campaignCategories.code,
            label: campaignCategories.label,
          })
          .from(campaignCategories)
          .where(inArray(campaignCategories.campaignId, ids)),
      ]);
      return {
        names: new Map(rows.map((r) => [r.id, r.name])),
        labels: new Map(cats.map((c) => [`${c.campaignId}:${c.code}`, c.label])),
      };
    },

    async findById(db: Db, id: string): Promise<CampaignRow | undefined> {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
      return row;
    },

    async children(db: Db, parentId: string): Promise<CampaignRow[]> {
      return db
        .select()
        .from(campaigns)
        .where(eq(campaigns.parentCampaignId, parentId))
        .orderBy(asc(campaigns.createdAt));
    },

    async insert(tx: Db, row: typeof campaigns.$inferInsert): Promise<CampaignRow> {
      const [created] = await tx.insert(campaigns).values(row).returning();
      return created;
    },

    async update(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<typeof campaigns.$inferInsert>,
    ): Promise<CampaignRow | undefined> {
      const [row] = await tx
        .update(campaigns)
        .set({ ...patch, version: sql`${campaigns.version} + 1`, updatedAt: new Date() })
        .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
        .returning();
      return row;
    },

    categories: (db: Db, campaignId: string) =>
      db
        .select()
        .from(campaignCategories)
        .where(eq(campaignCategories.campaignId, campaignId))
        .orderBy(asc(campaignCategories.seq)),

    async replaceCategories(
      tx: Db,
      campaignId: string,
      rows: Omit<typeof campaignCategories.$inferInsert, 'campaignId'>[],
    ) {
      await tx.delete(campaignCategories).where(eq(campaignCategories.campaignId, campaignId));
      if (rows.length) await tx.insert(campaignCategories).values(rows.map((r) => ({ ...r, campaignId })));
    },

    async tasks(db: Db, campaignId: string): Promise<TaskWithUnits[]> {
      const tasks = await db
        .select()
        .from(campaignTasks)
        .where(eq(campaignTasks.campaignId, campaignId))
        .orderBy(asc(campaignTasks.seq));
      if (tasks.length === 0) return [];
      const links = await db
        .select()
        .from(campaignTaskUnits)
        .where(
          inArray(
            campaignTaskUnits.taskId,
            tasks.map((t) => t.id),
          ),
        );
      return tasks.map((t) => ({
        ...t,
        units: links.filter((l) => l.taskId === t.id).map((l) => ({ unitId: l.unitId, role: l.role })),
      }));
    },

    /** Writes the tasks as given: existing ids are updated, new ones inserted, the others deleted. */
    async replaceTasks(
      tx: Db,
      campaignId: string,
      tasks: (Omit<typeof campaignTasks.$inferInsert, 'campaignId'> & {
        id: string;
        units: { unitId: string; role: TaskUnitRole }[];
      })[],
    ) {
      const keep = tasks.map((t) => t.id);
      await tx
        .delete(campaignTasks)
        .where(
          and(eq(campaignTasks.campaignId, campaignId), keep.length ? notInArray(campaignTasks.id, keep) : sql`true`),
        );
      for (const { units: _links, ...task } of tasks) {
        await tx
          .insert(campaignTasks)
          .values({ ...task, campaignId })
          .onConflictDoUpdate({ target: campaignTasks.id, set: { ...task } });
      }
      if (keep.length) await tx.delete(campaignTaskUnits).where(inArray(campaignTaskUnits.taskId, keep));
      const links = tasks.flatMap((t) => t.units.map((u) => ({ taskId: t.id, ...u })));
      // A national plan links a task to thousands of units: PostgreSQL takes at most 65,535 parameters a statement.
      for (let i = 0; i < links.length; i += 10_000)
        await tx.insert(campaignTaskUnits).values(links.slice(i, i + 10_000));
    },

    /** The campaign a task belongs to (its id and path), for checking a record's 重点任务. */
    async taskCampaign(db: Db, taskId: string): Promise<{ id: string; path: string } | undefined> {
      const [row] = await db
        .select({ id: campaigns.id, path: campaigns.path })
        .from(campaignTasks)
        .innerJoin(campaigns, eq(campaigns.id, campaignTasks.campaignId))
        .where(eq(campaignTasks.id, taskId));
      return row;
    },

    participants: async (db: Db, campaignId: string): Promise<string[]> =>
      (
        await db
          .select({ unitId: campaignParticipants.unitId })
          .from(campaignParticipants)
          .where(eq(campaignParticipants.campaignId, campaignId))
      ).map((r) => r.unitId),

    /** Which of these units take part in the campaign. */
    participantsAmong: async (db: Db, campaignId: string, unitIds: string[]): Promise<string[]> =>
      unitIds.length === 0
        ? []
        : (
            await db
              .select({ unitId: campaignParticipants.unitId })
              .from(campaignParticipants)
              .where(
                and(
                  eq(campaignParticipants.campaignId, campaignId),
                  sql`${campaignParticipants.unitId} = any(${sql.param(unitIds)}::uuid[])`,
                ),
              )
          ).map((r) => r.unitId),

    async replaceParticipants(tx: Db, campaignId: string, unitIds: string[]) {
      await tx.delete(campaignParticipants).where(eq(campaignParticipants.campaignId, campaignId));
      for (let i = 0; i < unitIds.length; i += 20_000)
        await tx
          .insert(campaignParticipants)
          .values(unitIds.slice(i, i + 20_000).map((unitId) => ({ campaignId, unitId })));
    },
  };
}

export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;
