import { and, between, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { escapeLike } from '../../platform/scope';
import { campaignParticipants, campaigns, type CampaignRow } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { leads } from '../leads/leads.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { reportSubmissions, type ReportSubmissionRow } from './reports.schema';

export type NewSubmission = typeof reportSubmissions.$inferInsert;

/** Counts per unit subtree for the monthly quotas (典型案件、重要线索). */
async function countPerSubtree(db: Db, table: 'cases' | 'leads', campaignPath: string, unitPaths: Map<string, string>, from: string, to: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (unitPaths.size === 0) return out;
  const inCampaign = (campaignId: typeof cases.campaignId | typeof leads.campaignId) => sql`${campaignId} in (select ${campaigns.id} from ${campaigns} where ${campaigns.path} like ${`${escapeLike(campaignPath)}%`})`;
  const rows =
    table === 'cases'
      ? await db
          .select({ path: units.path })
          .from(cases)
          .innerJoin(units, eq(units.id, cases.unitId))
          .where(and(inCampaign(cases.campaignId), eq(cases.typical, true), between(cases.closingDate, from, to)))
      : await db
          .select({ path: units.path })
          .from(leads)
          .innerJoin(units, eq(units.id, leads.unitId))
          .where(and(inCampaign(leads.campaignId), eq(leads.important, true), between(leads.receivedDate, from, to)));
  for (const [unitId, path] of unitPaths) out.set(unitId, rows.filter((r) => r.path.startsWith(path)).length);
  return out;
}

/** 报送: the submitted reports of a campaign, and the records behind the monthly quotas. */
export function createReportsRepository() {
  return {
    async listForCampaign(db: Db, campaignId: string, scheduleId?: string): Promise<ReportSubmissionRow[]> {
      return db
        .select()
        .from(reportSubmissions)
        .where(and(eq(reportSubmissions.campaignId, campaignId), scheduleId ? eq(reportSubmissions.scheduleId, scheduleId) : undefined));
    },

    async listForUnits(db: Db, unitIds: string[]): Promise<ReportSubmissionRow[]> {
      if (unitIds.length === 0) return [];
      return db.select().from(reportSubmissions).where(inArray(reportSubmissions.unitId, unitIds));
    },

    async find(db: Db, key: { campaignId: string; scheduleId: string; periodEnd: string; unitId: string }): Promise<ReportSubmissionRow | undefined> {
      const [row] = await db
        .select()
        .from(reportSubmissions)
        .where(and(eq(reportSubmissions.campaignId, key.campaignId), eq(reportSubmissions.scheduleId, key.scheduleId), eq(reportSubmissions.periodEnd, key.periodEnd), eq(reportSubmissions.unitId, key.unitId)));
      return row;
    },

    async findById(db: Db, id: string): Promise<ReportSubmissionRow | undefined> {
      const [row] = await db.select().from(reportSubmissions).where(eq(reportSubmissions.id, id));
      return row;
    },

    async insert(db: Db, row: NewSubmission): Promise<ReportSubmissionRow> {
      const [created] = await db.insert(reportSubmissions).values(row).returning();
      return created;
    },

    /** Writes only when the row is still at `version`; undefined when someone else changed it first. */
    async update(db: Db, id: string, version: number, change: Partial<NewSubmission>): Promise<ReportSubmissionRow | undefined> {
      const [updated] = await db
        .update(reportSubmissions)
        .set({ ...change, version: version + 1 })
        .where(and(eq(reportSubmissions.id, id), eq(reportSubmissions.version, version)))
        .returning();
      return updated;
    },

    /** The active campaigns a unit takes part in (whose reports it owes). */
    async activeCampaignsOf(db: Db, unitId: string): Promise<CampaignRow[]> {
      const rows = await db
        .select({ campaign: campaigns })
        .from(campaignParticipants)
        .innerJoin(campaigns, eq(campaigns.id, campaignParticipants.campaignId))
        .where(and(eq(campaignParticipants.unitId, unitId), eq(campaigns.status, 'active')));
      return rows.map((r) => r.campaign);
    },

    async userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    typicalCasesClosed: (db: Db, campaignPath: string, unitPaths: Map<string, string>, from: string, to: string) => countPerSubtree(db, 'cases', campaignPath, unitPaths, from, to),
    importantLeads: (db: Db, campaignPath: string, unitPaths: Map<string, string>, from: string, to: string) => countPerSubtree(db, 'leads', campaignPath, unitPaths, from, to),
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
