import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { campaignLiaisons, campaignParticipants, campaigns, type LiaisonRow } from './campaigns.schema';

export function createLiaisonsRepository() {
  return {
    list: (db: Db, campaignId: string): Promise<LiaisonRow[]> =>
      db.select().from(campaignLiaisons).where(eq(campaignLiaisons.campaignId, campaignId)),

    forUnit: (db: Db, campaignId: string, unitId: string): Promise<LiaisonRow[]> =>
      db
        .select()
        .from(campaignLiaisons)
        .where(and(eq(campaignLiaisons.campaignId, campaignId), eq(campaignLiaisons.unitId, unitId))),

    /**
     * The active plans of other units that a unit takes part in and for which it has not yet
     * registered both its 分管领导 and 联络员, the nearest deadline first.
     */
    unregisteredFor: (db: Db, unitId: string, limit: number) =>
      db
        .select({ id: campaigns.id, name: campaigns.name, liaisonDeadline: campaigns.liaisonDeadline })
        .from(campaignParticipants)
        .innerJoin(campaigns, eq(campaigns.id, campaignParticipants.campaignId))
        .where(
          and(
            eq(campaignParticipants.unitId, unitId),
            eq(campaigns.status, 'active'),
            ne(campaigns.unitId, unitId),
            sql`(select count(distinct ${campaignLiaisons.kind}) from ${campaignLiaisons}
                 where ${campaignLiaisons.campaignId} = ${campaigns.id} and ${campaignLiaisons.unitId} = ${unitId}) < 2`,
          ),
        )
        .orderBy(sql`${campaigns.liaisonDeadline} asc nulls last`, asc(campaigns.id))
        .limit(limit),

    async upsert(tx: Db, row: typeof campaignLiaisons.$inferInsert) {
      const { campaignId: _c, unitId: _u, kind: _k, ...set } = row;
      await tx
        .insert(campaignLiaisons)
        .values(row)
        .onConflictDoUpdate({
          target: [campaignLiaisons.campaignId, campaignLiaisons.unitId, campaignLiaisons.kind],
          set: { ...set, updatedAt: new Date() },
        });
    },
  };
}

export type LiaisonsRepository = ReturnType<typeof createLiaisonsRepository>;
