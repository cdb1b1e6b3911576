import { and, asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { idInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { inspectionSeizures, inspections } from '../inspections/inspections.schema';

/** What the narrative needs beyond the statistics table: the goods seized on the outings. */
export function createBriefingsRepository() {
  return {
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
