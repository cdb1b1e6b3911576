import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { idInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { inspectionSeizures, inspections } from '../inspections/inspections.schema';
import { briefings, type BriefingRow, type NewBriefing } from './briefings.schema';

/** The stored briefings, and what the narrative needs beyond the statistics table: the goods seized on the outings. */
export function createBriefingsRepository() {
  return {
    async findById(db: Db, id: string): Promise<BriefingRow | undefined> {
      return (await db.select().from(briefings).where(eq(briefings.id, id)))[0];
    },

    /** A campaign's briefings: drafts first, then by kind and the newest number first. */
    async listForCampaign(db: Db, campaignId: string): Promise<BriefingRow[]> {
      return db
        .select()
        .from(briefings)
        .where(eq(briefings.campaignId, campaignId))
        .orderBy(asc(briefings.status), asc(briefings.kind), desc(briefings.number), desc(briefings.createdAt));
    },

    async insert(db: Db, row: NewBriefing): Promise<BriefingRow> {
      return (await db.insert(briefings).values(row).returning())[0];
    },

    /** Changes a draft if it is still at `version` (and still a draft); undefined otherwise. */
    async updateDraft(db: Db, id: string, version: number, change: Partial<NewBriefing>) {
      const [row] = await db
        .update(briefings)
        .set({ ...change, updatedAt: new Date(), version: sql`${briefings.version} + 1` })
        .where(and(eq(briefings.id, id), eq(briefings.version, version), eq(briefings.status, 'draft')))
        .returning();
      return row as BriefingRow | undefined;
    },

    /** The last number issued in a sequence (campaign, issuing unit, kind), 0 before the first. */
    async lastNumber(db: Db, q: Pick<BriefingRow, 'campaignId' | 'issuingUnitId' | 'kind'>): Promise<number> {
      const [row] = await db
        .select({ n: max(briefings.number) })
        .from(briefings)
        .where(
          and(
            eq(briefings.campaignId, q.campaignId),
            eq(briefings.issuingUnitId, q.issuingUnitId),
            eq(briefings.kind, q.kind),
          ),
        );
      return row?.n ?? 0;
    },

    /**
     * Goods seized on the outings of a unit's subtree in a campaign's tree between two days, summed
     * exactly (numeric) per kind of goods and unit of measure, in the order they were first recorded.
     */
    async seizureTotals(db: Db, q: { campaignPath: string; unitPath: string; from: string; to: string }) {
      return db
        .select({
          goods: inspectionSeizures.goods,
          unit: inspectionSeizures.unit,
          quantity: sql<string>`sum(${inspectionSeizures.quantity})::text`,
        })
        .from(inspectionSeizures)
        .innerJoin(inspections, sql`${inspections.id} = ${inspectionSeizures.inspectionId}`)
        .where(
          and(
            idInTree(inspections.campaignId, campaigns, q.campaignPath),
            unitIdInSubtree(q.unitPath, inspections.unitId),
            sql`${inspections.inspectionDate} >= ${q.from}`,
            sql`${inspections.inspectionDate} <= ${q.to}`,
          ),
        )
        .groupBy(inspectionSeizures.goods, inspectionSeizures.unit)
        .orderBy(
          asc(sql`min(${inspections.inspectionDate}::text || '#' || lpad(${inspectionSeizures.seq}::text, 6, '0'))`),
          asc(inspectionSeizures.goods),
        );
    },
  };
}

export type BriefingsRepository = ReturnType<typeof createBriefingsRepository>;
