import { and, desc, eq, asc } from 'drizzle-orm';
import type { Db } from '../../db/database';
import {
  assessmentPublications,
  assessmentSchemes,
  type AssessmentPublicationRow,
  type AssessmentSchemeRow,
} from './scorecards.schema';

export function createScorecardsRepository() {
  return {
    async listSchemes(db: Db, campaignId: string) {
      return db
        .select()
        .from(assessmentSchemes)
        .where(eq(assessmentSchemes.campaignId, campaignId))
        .orderBy(asc(assessmentSchemes.createdAt), asc(assessmentSchemes.id));
    },
    async findScheme(db: Db, id: string): Promise<AssessmentSchemeRow | undefined> {
      return (await db.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id)))[0];
    },
    async insertScheme(db: Db, row: typeof assessmentSchemes.$inferInsert) {
      return (await db.insert(assessmentSchemes).values(row).returning())[0];
    },
    /** Updates when the version still matches; undefined when someone else changed it. */
    async updateScheme(
      db: Db,
      id: string,
      version: number,
      patch: Pick<AssessmentSchemeRow, 'name' | 'indicators' | 'revision'>,
    ) {
      return (
        await db
          .update(assessmentSchemes)
          .set({ ...patch, version: version + 1, updatedAt: new Date() })
          .where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.version, version)))
          .returning()
      )[0];
    },
    async deleteScheme(db: Db, id: string, version: number) {
      return (
        await db
          .delete(assessmentSchemes)
          .where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.version, version)))
          .returning({ id: assessmentSchemes.id })
      )[0];
    },
    async insertPublication(db: Db, row: typeof assessmentPublications.$inferInsert) {
      return (await db.insert(assessmentPublications).values(row).returning())[0];
    },
    async listPublications(db: Db, schemeId: string): Promise<AssessmentPublicationRow[]> {
      return db
        .select()
        .from(assessmentPublications)
        .where(eq(assessmentPublications.schemeId, schemeId))
        .orderBy(desc(assessmentPublications.publishedAt), desc(assessmentPublications.id));
    },
    async findPublication(db: Db, id: string): Promise<AssessmentPublicationRow | undefined> {
      return (await db.select().from(assessmentPublications).where(eq(assessmentPublications.id, id)))[0];
    },
  };
}

export type ScorecardsRepository = ReturnType<typeof createScorecardsRepository>;
