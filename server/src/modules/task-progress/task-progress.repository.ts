import { and, asc, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { idInTree } from '../../platform/scope';
import { campaigns, campaignTasks, campaignTaskUnits } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { inspections } from '../inspections/inspections.schema';
import { leads } from '../leads/leads.schema';
import { randomDraws } from '../random-checks/random-checks.schema';
import { supervisionVisits } from '../supervision/supervision.schema';
import { users } from '../users/users.schema';
import { taskProgressNotes, type TaskProgressNoteRow } from './task-progress.schema';

export const RECORD_KINDS = ['case', 'lead', 'inspection', 'draw', 'visit'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The tagged tables as the grid reads them: the task, the unit, the campaign, the record's date and its title. */
const SOURCES = {
  case: {
    t: cases,
    taskId: cases.taskId,
    unitId: cases.unitId,
    campaignId: cases.campaignId,
    id: cases.id,
    day: sql<string>`${cases.filingDate}::text`,
    title: sql<string>`${cases.caseNumber} || ' ' || ${cases.name}`,
  },
  lead: {
    t: leads,
    taskId: leads.taskId,
    unitId: leads.unitId,
    campaignId: leads.campaignId,
    id: leads.id,
    day: sql<string>`${leads.receivedDate}::text`,
    title: sql<string>`${leads.partyName}`,
  },
  inspection: {
    t: inspections,
    taskId: inspections.taskId,
    unitId: inspections.unitId,
    campaignId: inspections.campaignId,
    id: inspections.id,
    day: sql<string>`${inspections.inspectionDate}::text`,
    title: sql<string>`coalesce(${inspections.focusArea}, '执法检查')`,
  },
  draw: {
    t: randomDraws,
    taskId: randomDraws.taskId,
    unitId: randomDraws.unitId,
    campaignId: randomDraws.campaignId,
    id: randomDraws.id,
    day: sql<string>`(${randomDraws.createdAt} at time zone 'Asia/Shanghai')::date::text`,
    title: sql<string>`${randomDraws.name}`,
  },
  visit: {
    t: supervisionVisits,
    taskId: supervisionVisits.taskId,
    unitId: supervisionVisits.unitId,
    campaignId: supervisionVisits.campaignId,
    id: supervisionVisits.id,
    day: sql<string>`${supervisionVisits.visitDate}::text`,
    title: sql<string>`${supervisionVisits.checkedItems}`,
  },
} as const;

/** Tagged records of some tasks in a campaign tree and the caller's scope, counted per (kind, task, record unit). */
export interface TaggedCount {
  kind: RecordKind;
  taskId: string;
  unitId: string;
  count: number;
  last: string | null;
}

export function createTaskProgressRepository() {
  return {
    /** The tasks of the campaigns of a tree (the plan and its 实施方案), with their campaign. */
    async treeTasks(db: Db, campaignPath: string) {
      return db
        .select({
          task: campaignTasks,
          campaignId: campaigns.id,
          campaignName: campaigns.name,
          campaignPath: campaigns.path,
          startDate: campaigns.startDate,
          status: campaigns.status,
        })
        .from(campaignTasks)
        .innerJoin(campaigns, eq(campaigns.id, campaignTasks.campaignId))
        .where(idInTree(campaigns.id, campaigns, campaignPath))
        .orderBy(asc(campaigns.path), asc(campaignTasks.seq));
    },

    taskUnits: (db: Db, taskIds: string[]) =>
      db.select().from(campaignTaskUnits).where(inArray(campaignTaskUnits.taskId, taskIds)),

    async counts(
      db: Db,
      f: { taskIds: string[]; campaignPath: string; scope: (unitId: AnyPgColumn) => SQL },
    ): Promise<TaggedCount[]> {
      if (f.taskIds.length === 0) return [];
      const out: TaggedCount[] = [];
      for (const kind of RECORD_KINDS) {
        const s = SOURCES[kind];
        const rows = await db
          .select({
            taskId: s.taskId,
            unitId: s.unitId,
            count: sql<number>`count(*)::int`,
            last: sql<string | null>`max(${s.day})`,
          })
          .from(s.t)
          .where(
            and(inArray(s.taskId, f.taskIds), idInTree(s.campaignId, campaigns, f.campaignPath), f.scope(s.unitId)),
          )
          .groupBy(s.taskId, s.unitId);
        for (const r of rows) out.push({ kind, taskId: r.taskId!, unitId: r.unitId, count: r.count, last: r.last });
      }
      return out;
    },

    /** The records behind a cell: tagged to the task, in the unit's subtree (the condition given) and the tree, newest first. */
    async records(
      db: Db,
      f: { taskId: string; campaignPath: string; where: (unitId: AnyPgColumn) => SQL; limit: number },
    ) {
      const out: { kind: RecordKind; id: string; unitId: string; date: string; title: string }[] = [];
      for (const kind of RECORD_KINDS) {
        const s = SOURCES[kind];
        const rows = await db
          .select({ id: s.id, unitId: s.unitId, date: s.day, title: s.title })
          .from(s.t)
          .where(and(eq(s.taskId, f.taskId), idInTree(s.campaignId, campaigns, f.campaignPath), f.where(s.unitId)))
          .orderBy(desc(s.day))
          .limit(f.limit);
        out.push(...rows.map((r) => ({ kind, ...r })));
      }
      return out.sort((a, b) => b.date.localeCompare(a.date));
    },

    /** Notes per (task, unit): how many and the newest date. */
    async noteCounts(db: Db, taskIds: string[]) {
      if (taskIds.length === 0) return [];
      return db
        .select({
          taskId: taskProgressNotes.taskId,
          unitId: taskProgressNotes.unitId,
          count: sql<number>`count(*)::int`,
          last: max(taskProgressNotes.noteDate),
        })
        .from(taskProgressNotes)
        .where(inArray(taskProgressNotes.taskId, taskIds))
        .groupBy(taskProgressNotes.taskId, taskProgressNotes.unitId);
    },

    notes: (db: Db, taskId: string, unitId: string): Promise<TaskProgressNoteRow[]> =>
      db
        .select()
        .from(taskProgressNotes)
        .where(and(eq(taskProgressNotes.taskId, taskId), eq(taskProgressNotes.unitId, unitId)))
        .orderBy(desc(taskProgressNotes.noteDate), desc(taskProgressNotes.createdAt)),

    async insertNote(tx: Db, row: typeof taskProgressNotes.$inferInsert): Promise<TaskProgressNoteRow> {
      const [created] = await tx.insert(taskProgressNotes).values(row).returning();
      return created;
    },

    /** Every published plan (the daily reminder). */
    activePlans: (db: Db) =>
      db.select().from(campaigns).where(eq(campaigns.status, 'active')).orderBy(asc(campaigns.startDate)),

    /** The active office people of a unit (told of its plans' inactive 牵头 units). */
    async officeUserIds(db: Db, unitId: string): Promise<string[]> {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.unitId, unitId), eq(users.active, true), sql`'office' = any(${users.roles})`));
      return rows.map((r) => r.id);
    },

    /** Published plans a unit issued (the office's inbox). */
    issuedBy: (db: Db, unitId: string) =>
      db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.unitId, unitId), eq(campaigns.status, 'active')))
        .orderBy(asc(campaigns.startDate)),
  };
}

export type TaskProgressRepository = ReturnType<typeof createTaskProgressRepository>;
