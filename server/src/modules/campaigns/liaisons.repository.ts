import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { campaignLiaisons, type LiaisonRow } from './campaigns.schema';

export function createLiaisonsRepository() {
  return {
    list: (db: Db, campaignId: string): Promise<LiaisonRow[]> =>
      db.select().from(campaignLiaisons).where(eq(campaignLiaisons.campaignId, campaignId)),

    forUnit: (db: Db, campaignId: string, unitId: string): Promise<LiaisonRow[]> =>
      db
        .select()
        .from(campaignLiaisons)
        .where(and(eq(campaignLiaisons.campaignId, campaignId), eq(campaignLiaisons.unitId, unitId))),

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
