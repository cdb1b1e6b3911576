import { and, asc, between, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { idInTree, unitIdInSubtree } from '../../platform/scope';
import { campaignParticipants, campaigns, type CampaignRow } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { leads } from '../leads/leads.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { reportChases, reportSubmissions, type ReportChaseRow, type ReportSubmissionRow } from './reports.schema';

export type NewSubmission = typeof reportSubmissions.$inferInsert;

/** A record behind a monthly quota: a typical case closed in the month, or an important lead received in it. */
export interface QuotaRecord {
  id: string;
  /** 案件编号 or the lead's source number. */
  number: string | null;
  /** 案件名称, or the lead's description. */
  title: string;
  partyName: string;
  /** 结案日期 or 收到日期. */
  date: string;
  unitId: string;
  unitName: string;
  unitPath: string;
}

/**
 * The records behind seed 004's monthly quotas, in a campaign's tree (its plans included) and the
 * days [from, to], optionally only those of a unit's subtree: the counts are these records counted,
 * so a count and the list behind it cannot disagree.
 */
async function quotaRecords(
  db: Db,
  kind: 'typicalCases' | 'importantLeads',
  q: { campaignPath: string; from: string; to: string; unitPath?: string },
): Promise<QuotaRecord[]> {
  const inCampaign = (campaignId: typeof cases.campaignId | typeof leads.campaignId) =>
    idInTree(campaignId, campaigns, q.campaignPath);
  const inUnit = (unitId: typeof cases.unitId | typeof leads.unitId) =>
    q.unitPath ? unitIdInSubtree(q.unitPath, unitId) : undefined;
  const unit = { unitId: units.id, unitName: units.name, unitPath: units.path };
  if (kind === 'typicalCases') {
    return db
      .select({
        id: cases.id,
        number: cases.caseNumber,
        title: cases.name,
        partyName: cases.partyName,
        date: sql<string>`${cases.closingDate}`,
        ...unit,
      })
      .from(cases)
      .innerJoin(units, eq(units.id, cases.unitId))
      .where(
        and(
          inCampaign(cases.campaignId),
          eq(cases.typical, true),
          between(cases.closingDate, q.from, q.to),
          inUnit(cases.unitId),
        ),
      )
      .orderBy(asc(cases.closingDate), asc(cases.caseNumber));
  }
  return db
    .select({
      id: leads.id,
      number: leads.sourceNumber,
      title: leads.description,
      partyName: leads.partyName,
      date: leads.receivedDate,
      ...unit,
    })
    .from(leads)
    .innerJoin(units, eq(units.id, leads.unitId))
    .where(
      and(
        inCampaign(leads.campaignId),
        eq(leads.important, true),
        between(leads.receivedDate, q.from, q.to),
        inUnit(leads.unitId),
      ),
    )
    .orderBy(asc(leads.receivedDate), asc(leads.id));
}

/** 报送: the submitted reports of a campaign, and the records behind the monthly quotas. */
export function createReportsRepository() {
  return {
    /** A campaign's submissions: of one schedule, and of one period of it (the chase, the 汇总报表). */
    async listForCampaign(
      db: Db,
      campaignId: string,
      scheduleId?: string,
      periodEnd?: string,
    ): Promise<ReportSubmissionRow[]> {
      return db
        .select()
        .from(reportSubmissions)
        .where(
          and(
            eq(reportSubmissions.campaignId, campaignId),
            scheduleId ? eq(reportSubmissions.scheduleId, scheduleId) : undefined,
            periodEnd ? eq(reportSubmissions.periodEnd, periodEnd) : undefined,
          ),
        );
    },

    async listForUnits(db: Db, unitIds: string[]): Promise<ReportSubmissionRow[]> {
      if (unitIds.length === 0) return [];
      return db.select().from(reportSubmissions).where(inArray(reportSubmissions.unitId, unitIds));
    },

    async find(
      db: Db,
      key: { campaignId: string; scheduleId: string; periodEnd: string; unitId: string },
    ): Promise<ReportSubmissionRow | undefined> {
      const [row] = await db
        .select()
        .from(reportSubmissions)
        .where(
          and(
            eq(reportSubmissions.campaignId, key.campaignId),
            eq(reportSubmissions.scheduleId, key.scheduleId),
            eq(reportSubmissions.periodEnd, key.periodEnd),
            eq(reportSubmissions.unitId, key.unitId),
          ),
        );
      return row;
    },

    /**
     * Reports sent to the plans a unit issued and not yet reviewed (its office's 待审核), the longest
     * waiting first, in the reader's scope; with how many there are.
     */
    /** Reports sent to the issuing unit and waiting for review, but for those the reviewer sent himself. */
    async awaitingReview(db: Db, f: { issuerUnitId: string; reviewerId: string; scope: SQL }, limit: number) {
      const where = and(
        eq(campaigns.unitId, f.issuerUnitId),
        eq(reportSubmissions.status, 'submitted'),
        ne(reportSubmissions.submittedBy, f.reviewerId),
        f.scope,
      );
      const [rows, [{ total }]] = await Promise.all([
        db
          .select({
            campaignId: reportSubmissions.campaignId,
            campaignName: campaigns.name,
            schedules: campaigns.reportSchedules,
            scheduleId: reportSubmissions.scheduleId,
            periodEnd: reportSubmissions.periodEnd,
            unitId: reportSubmissions.unitId,
            unitName: units.name,
          })
          .from(reportSubmissions)
          .innerJoin(campaigns, eq(campaigns.id, reportSubmissions.campaignId))
          .innerJoin(units, eq(units.id, reportSubmissions.unitId))
          .where(where)
          .orderBy(asc(reportSubmissions.submittedAt), asc(reportSubmissions.id))
          .limit(limit),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(reportSubmissions)
          .innerJoin(campaigns, eq(campaigns.id, reportSubmissions.campaignId))
          .where(where),
      ]);
      return { rows, total };
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
    async update(
      db: Db,
      id: string,
      version: number,
      change: Partial<NewSubmission>,
    ): Promise<ReportSubmissionRow | undefined> {
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
        // A unit owes no reports to the plans it issued itself.
        .where(
          and(eq(campaignParticipants.unitId, unitId), eq(campaigns.status, 'active'), ne(campaigns.unitId, unitId)),
        );
      return rows.map((r) => r.campaign);
    },

    async insertChases(db: Db, rows: (typeof reportChases.$inferInsert)[]): Promise<ReportChaseRow[]> {
      if (rows.length === 0) return [];
      return db.insert(reportChases).values(rows).returning();
    },

    /** The chases of a campaign's schedule, or of some units (their reminders), newest first. */
    async listChases(
      db: Db,
      q: { campaignId: string; scheduleId?: string } | { unitIds: string[] },
    ): Promise<ReportChaseRow[]> {
      const where =
        'unitIds' in q
          ? inArray(reportChases.unitId, q.unitIds)
          : and(
              eq(reportChases.campaignId, q.campaignId),
              q.scheduleId ? eq(reportChases.scheduleId, q.scheduleId) : undefined,
            );
      if ('unitIds' in q && q.unitIds.length === 0) return [];
      return db.select().from(reportChases).where(where).orderBy(desc(reportChases.chasedAt));
    },

    async userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, unique));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** The unit a user belongs to (a report submitted by someone not of the unit was 代报). */
    async unitOfUser(db: Db, id: string): Promise<string | null> {
      const [row] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.id, id));
      return row?.unitId ?? null;
    },

    quotaRecords,
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
