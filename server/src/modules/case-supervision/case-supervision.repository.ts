import { and, asc, desc, eq, getTableColumns, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { idInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  caseSupervisionEntries,
  caseSupervisions,
  type CaseSupervisionInsert,
  type CaseSupervisionRow,
  type SupervisionStatus,
} from './case-supervision.schema';

export interface SupervisionFilters {
  /** The actor's scope, on the case's unit (records.listScope with cases.unitId). */
  scope: SQL;
  unitPath?: string;
  campaignPath?: string;
  supervisingUnitId?: string;
  status?: SupervisionStatus;
  /** Running and past its deadline or its next progress report on this day. */
  overdueOn?: string;
}

const caseUnit = alias(units, 'supervised_case_unit');
const supervisorUnit = alias(units, 'supervising_unit');
const requester = alias(users, 'supervision_requester');
const decider = alias(users, 'supervision_decider');

/** The latest progress report's text (最近进展). */
const latestProgress = sql<string | null>`(select e.text from ${caseSupervisionEntries} e
  where e.supervision_id = ${caseSupervisions.id} and e.kind = 'progress' order by e.created_at desc limit 1)`;
const latestProgressDate = sql<string | null>`(select e.entry_date::text from ${caseSupervisionEntries} e
  where e.supervision_id = ${caseSupervisions.id} and e.kind = 'progress' order by e.created_at desc limit 1)`;

/** A 督办件 with its case's facts and the names beside its ids. */
const withCase = {
  ...getTableColumns(caseSupervisions),
  unitId: cases.unitId,
  campaignId: cases.campaignId,
  caseName: cases.name,
  caseNumber: cases.caseNumber,
  caseStage: cases.stage,
  caseDecisionDate: cases.decisionDate,
  investigatorId: cases.investigatorId,
  unitName: caseUnit.name,
  unitPath: caseUnit.path,
  supervisingUnitName: supervisorUnit.name,
  supervisingUnitPath: supervisorUnit.path,
  requestedByName: requester.displayName,
  decidedByName: decider.displayName,
  latestProgress,
  latestProgressDate,
};

function selectWithCase(db: Db) {
  return db
    .select(withCase)
    .from(caseSupervisions)
    .innerJoin(cases, eq(cases.id, caseSupervisions.caseId))
    .innerJoin(caseUnit, eq(caseUnit.id, cases.unitId))
    .innerJoin(supervisorUnit, eq(supervisorUnit.id, caseSupervisions.supervisingUnitId))
    .leftJoin(requester, eq(requester.id, caseSupervisions.requestedBy))
    .leftJoin(decider, eq(decider.id, caseSupervisions.decidedBy));
}
export type SupervisionListRow = Awaited<ReturnType<ReturnType<typeof selectWithCase>['execute']>>[number];

const overdueCondition = (today: string) =>
  and(
    eq(caseSupervisions.status, 'active'),
    or(lt(caseSupervisions.deadline, today), lt(caseSupervisions.nextProgressDue, today)),
  )!;

function where(f: SupervisionFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, cases.unitId));
  if (f.campaignPath) conds.push(idInTree(cases.campaignId, campaigns, f.campaignPath));
  if (f.supervisingUnitId) conds.push(eq(caseSupervisions.supervisingUnitId, f.supervisingUnitId));
  if (f.status) conds.push(eq(caseSupervisions.status, f.status));
  if (f.overdueOn) conds.push(overdueCondition(f.overdueOn));
  return and(...conds)!;
}

export function createCaseSupervisionRepository() {
  return {
    overdueCondition,

    /** A page of the ledger, newest first. */
    page: (db: Db, f: SupervisionFilters & { limit: number; offset: number }) =>
      selectWithCase(db)
        .where(where(f))
        .orderBy(desc(caseSupervisions.createdAt), desc(caseSupervisions.id))
        .limit(f.limit)
        .offset(f.offset),

    async count(db: Db, f: SupervisionFilters): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(caseSupervisions)
        .innerJoin(cases, eq(cases.id, caseSupervisions.caseId))
        .where(where(f));
      return row.n;
    },

    /** Rows matching an extra condition (the inbox, the reminders), nearest due first. */
    matching: (db: Db, cond: SQL, limit: number) =>
      selectWithCase(db)
        .where(cond)
        .orderBy(asc(sql`least(${caseSupervisions.deadline}, ${caseSupervisions.nextProgressDue})`))
        .limit(limit),

    async countMatching(db: Db, cond: SQL): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(caseSupervisions)
        .innerJoin(cases, eq(cases.id, caseSupervisions.caseId))
        .where(cond);
      return row.n;
    },

    async findVisible(db: Db, id: string, scope: SQL): Promise<SupervisionListRow | undefined> {
      const [row] = await selectWithCase(db).where(and(eq(caseSupervisions.id, id), scope));
      return row;
    },

    /** The 督办件 of one case, newest first (the case page's card: the open one and its history). */
    forCase: (db: Db, caseId: string) =>
      selectWithCase(db).where(eq(caseSupervisions.caseId, caseId)).orderBy(desc(caseSupervisions.createdAt)),

    async openForCase(db: Db, caseId: string): Promise<CaseSupervisionRow | undefined> {
      const [row] = await db
        .select()
        .from(caseSupervisions)
        .where(and(eq(caseSupervisions.caseId, caseId), inArray(caseSupervisions.status, ['requested', 'active'])));
      return row;
    },

    async insert(tx: Db, row: CaseSupervisionInsert): Promise<CaseSupervisionRow> {
      const [created] = await tx.insert(caseSupervisions).values(row).returning();
      return created;
    },

    /** Changes a 督办件 still at `version` (undefined when someone changed it first). */
    async update(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<CaseSupervisionInsert>,
    ): Promise<CaseSupervisionRow | undefined> {
      const [row] = await tx
        .update(caseSupervisions)
        .set({ ...patch, version: sql`${caseSupervisions.version} + 1`, updatedAt: new Date() })
        .where(and(eq(caseSupervisions.id, id), eq(caseSupervisions.version, version)))
        .returning();
      return row;
    },

    async insertEntry(tx: Db, row: typeof caseSupervisionEntries.$inferInsert) {
      const [created] = await tx.insert(caseSupervisionEntries).values(row).returning();
      return created;
    },

    /** The progress reports and 批示 of some 督办件, oldest first, with their authors' names. */
    entries: (db: Db, supervisionIds: string[]) =>
      supervisionIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ ...getTableColumns(caseSupervisionEntries), authorName: users.displayName })
            .from(caseSupervisionEntries)
            .innerJoin(users, eq(users.id, caseSupervisionEntries.authorId))
            .where(inArray(caseSupervisionEntries.supervisionId, supervisionIds))
            .orderBy(asc(caseSupervisionEntries.createdAt)),

    /** Running 督办件 whose next progress report is due by `by` or whose deadline has passed `today` (the daily reminders). */
    dueBy: (db: Db, by: string, today: string) =>
      selectWithCase(db)
        .where(
          and(
            eq(caseSupervisions.status, 'active'),
            or(lte(caseSupervisions.nextProgressDue, by), lt(caseSupervisions.deadline, today)),
          ),
        )
        .orderBy(asc(caseSupervisions.id)),

    /** Requests waiting for a unit (not asked by `exceptUser`). */
    requestsFor: (unitId: string, exceptUser: string) =>
      and(
        eq(caseSupervisions.status, 'requested'),
        eq(caseSupervisions.supervisingUnitId, unitId),
        or(sql`${caseSupervisions.requestedBy} is null`, ne(caseSupervisions.requestedBy, exceptUser)),
      )!,
  };
}

export type CaseSupervisionRepository = ReturnType<typeof createCaseSupervisionRepository>;
