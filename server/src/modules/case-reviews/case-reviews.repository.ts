import { and, asc, desc, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { idInTree, pathInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { supervisionRounds } from '../supervision/supervision.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  caseReviewDraws,
  caseReviewExercises,
  caseReviewFiles,
  caseReviewSheets,
  type CaseReviewExerciseRow,
  type CaseReviewFileRow,
  type CaseReviewSheetRow,
} from './case-reviews.schema';

/** 作出决定以后的案件 (决定、执行、结案、归档): the files an exercise draws from. */
export const REVIEWABLE_STAGES = ['decided', 'execution', 'closed', 'archived'] as const;

export function createCaseReviewsRepository() {
  return {
    async currentSheet(db: Db, unitId: string): Promise<CaseReviewSheetRow | undefined> {
      const [row] = await db
        .select()
        .from(caseReviewSheets)
        .where(and(eq(caseReviewSheets.unitId, unitId), isNull(caseReviewSheets.supersededAt)));
      return row;
    },

    async findSheet(db: Db, id: string): Promise<CaseReviewSheetRow | undefined> {
      return (await db.select().from(caseReviewSheets).where(eq(caseReviewSheets.id, id)))[0];
    },

    async lastRevision(db: Db, unitId: string): Promise<number> {
      const [row] = await db
        .select({ n: max(caseReviewSheets.revision) })
        .from(caseReviewSheets)
        .where(eq(caseReviewSheets.unitId, unitId));
      return row?.n ?? 0;
    },

    async insertSheet(db: Db, row: typeof caseReviewSheets.$inferInsert): Promise<CaseReviewSheetRow> {
      return (await db.insert(caseReviewSheets).values(row).returning())[0];
    },

    /** Changes the current sheet at `version`: its items, or (superseding) its end; undefined when it moved on. */
    async updateSheet(db: Db, id: string, version: number, change: Partial<typeof caseReviewSheets.$inferInsert>) {
      const [row] = await db
        .update(caseReviewSheets)
        .set({ ...change, updatedAt: new Date(), version: sql`${caseReviewSheets.version} + 1` })
        .where(
          and(
            eq(caseReviewSheets.id, id),
            eq(caseReviewSheets.version, version),
            isNull(caseReviewSheets.supersededAt),
          ),
        )
        .returning();
      return row as CaseReviewSheetRow | undefined;
    },

    /** Whether a sheet is frozen: an exercise using it has a submitted score. */
    async sheetScored(db: Db, sheetId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: caseReviewFiles.id })
        .from(caseReviewFiles)
        .innerJoin(caseReviewExercises, eq(caseReviewExercises.id, caseReviewFiles.exerciseId))
        .where(and(eq(caseReviewExercises.sheetId, sheetId), eq(caseReviewFiles.status, 'submitted')))
        .limit(1);
      return row !== undefined;
    },

    async insertExercise(db: Db, row: typeof caseReviewExercises.$inferInsert): Promise<CaseReviewExerciseRow> {
      return (await db.insert(caseReviewExercises).values(row).returning())[0];
    },

    async findExercise(db: Db, id: string): Promise<CaseReviewExerciseRow | undefined> {
      return (await db.select().from(caseReviewExercises).where(eq(caseReviewExercises.id, id)))[0];
    },

    async listExercises(db: Db, campaignId: string) {
      return db
        .select({ exercise: caseReviewExercises, organizerName: units.name, organizerPath: units.path })
        .from(caseReviewExercises)
        .innerJoin(units, eq(units.id, caseReviewExercises.organizerUnitId))
        .where(eq(caseReviewExercises.campaignId, campaignId))
        .orderBy(desc(caseReviewExercises.startDate), desc(caseReviewExercises.createdAt));
    },

    async exercisesOfRound(db: Db, roundId: string): Promise<CaseReviewExerciseRow[]> {
      return db
        .select()
        .from(caseReviewExercises)
        .where(eq(caseReviewExercises.roundId, roundId))
        .orderBy(asc(caseReviewExercises.createdAt));
    },

    async bumpExercise(db: Db, id: string, version: number) {
      const [row] = await db
        .update(caseReviewExercises)
        .set({ updatedAt: new Date(), version: sql`${caseReviewExercises.version} + 1` })
        .where(and(eq(caseReviewExercises.id, id), eq(caseReviewExercises.version, version)))
        .returning();
      return row as CaseReviewExerciseRow | undefined;
    },

    /**
     * The closed or decided cases of the plan's tree handled by the units strictly below the
     * organiser, per unit in tree order, each unit's ids sorted (the draw sorts them again).
     */
    async candidates(db: Db, q: { campaignPath: string; organizerPath: string; organizerUnitId: string }) {
      const rows = await db
        .select({ id: cases.id, unitId: cases.unitId })
        .from(cases)
        .innerJoin(units, eq(units.id, cases.unitId))
        .where(
          and(
            idInTree(cases.campaignId, campaigns, q.campaignPath),
            pathInSubtree(units.path, q.organizerPath),
            ne(cases.unitId, q.organizerUnitId),
            inArray(cases.stage, [...REVIEWABLE_STAGES]),
          ),
        )
        .orderBy(asc(units.depth), asc(units.code), asc(cases.id));
      const byUnit = new Map<string, string[]>();
      for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r.id]);
      return [...byUnit.entries()].map(([unitId, caseIds]) => ({ unitId, caseIds }));
    },

    /** A 督查 round (an exercise may belong to one). */
    async findRound(db: Db, id: string) {
      return (await db.select().from(supervisionRounds).where(eq(supervisionRounds.id, id)))[0];
    },

    async insertDraw(db: Db, row: typeof caseReviewDraws.$inferInsert) {
      return (await db.insert(caseReviewDraws).values(row).returning())[0];
    },

    async findDraw(db: Db, exerciseId: string) {
      return (await db.select().from(caseReviewDraws).where(eq(caseReviewDraws.exerciseId, exerciseId)))[0];
    },

    async insertFiles(db: Db, rows: (typeof caseReviewFiles.$inferInsert)[]) {
      if (rows.length > 0) await db.insert(caseReviewFiles).values(rows);
    },

    /** The units of case ids (the unit each case belongs to now). */
    async caseUnits(db: Db, caseIds: string[]) {
      if (caseIds.length === 0) return [];
      return db.select({ id: cases.id, unitId: cases.unitId }).from(cases).where(inArray(cases.id, caseIds));
    },

    /** An exercise's files with the case, its unit and the reviewer, in draw order. */
    async listFiles(db: Db, exerciseId: string) {
      return db
        .select({
          file: caseReviewFiles,
          caseNumber: cases.caseNumber,
          caseName: cases.name,
          partyName: cases.partyName,
          stage: cases.stage,
          unitName: units.name,
          unitPath: units.path,
          reviewerName: users.displayName,
        })
        .from(caseReviewFiles)
        .innerJoin(cases, eq(cases.id, caseReviewFiles.caseId))
        .innerJoin(units, eq(units.id, caseReviewFiles.unitId))
        .leftJoin(users, eq(users.id, caseReviewFiles.reviewerId))
        .where(eq(caseReviewFiles.exerciseId, exerciseId))
        .orderBy(asc(caseReviewFiles.seq));
    },

    async findFile(db: Db, id: string): Promise<CaseReviewFileRow | undefined> {
      return (await db.select().from(caseReviewFiles).where(eq(caseReviewFiles.id, id)))[0];
    },

    /** Changes a file still pending at `version`; undefined when it moved on (or was submitted). */
    async updateFile(db: Db, id: string, version: number, change: Partial<typeof caseReviewFiles.$inferInsert>) {
      const [row] = await db
        .update(caseReviewFiles)
        .set({ ...change, updatedAt: new Date(), version: sql`${caseReviewFiles.version} + 1` })
        .where(
          and(eq(caseReviewFiles.id, id), eq(caseReviewFiles.version, version), eq(caseReviewFiles.status, 'pending')),
        )
        .returning();
      return row as CaseReviewFileRow | undefined;
    },

    /** The files a reviewer is assigned, pending first, with their exercise. */
    async filesOfReviewer(db: Db, userId: string, status?: 'pending') {
      const conds = [eq(caseReviewFiles.reviewerId, userId)];
      if (status) conds.push(eq(caseReviewFiles.status, status));
      return db
        .select({
          file: caseReviewFiles,
          exerciseTitle: caseReviewExercises.title,
          campaignId: caseReviewExercises.campaignId,
          endDate: caseReviewExercises.endDate,
          caseNumber: cases.caseNumber,
          caseName: cases.name,
          unitName: units.name,
        })
        .from(caseReviewFiles)
        .innerJoin(caseReviewExercises, eq(caseReviewExercises.id, caseReviewFiles.exerciseId))
        .innerJoin(cases, eq(cases.id, caseReviewFiles.caseId))
        .innerJoin(units, eq(units.id, caseReviewFiles.unitId))
        .where(and(...conds))
        .orderBy(desc(caseReviewFiles.status), asc(caseReviewExercises.endDate), asc(caseReviewFiles.seq));
    },
  };
}

export type CaseReviewsRepository = ReturnType<typeof createCaseReviewsRepository>;
